/** One problem found in the knowledge files: where it is and what is wrong. */
export interface KnowledgeIssue {
  file: string;
  field: string;
  message: string;
}

/** The knowledge base cannot be used; `issues` lists every problem with its file and field. */
export class KnowledgeError extends Error {
  override readonly name = "KnowledgeError";
  constructor(readonly issues: KnowledgeIssue[]) {
    super(
      `knowledge: ${issues.length} problem(s)\n` +
        issues.map((i) => `  ${i.file}: ${i.field}: ${i.message}`).join("\n"),
    );
  }
}
