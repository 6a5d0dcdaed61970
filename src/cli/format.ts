import type { Explanation, Reply } from "../core/index.js";
import { markdownToPlain } from "../render/markdown.js";
import { legalLine, questionHeading } from "../render/reply.js";

/** Renders a reply for reading in a terminal. */
export function formatReply(reply: Reply): string {
  const heading = questionHeading(reply.kind, reply);
  const lines = [...(heading ? [`Vraag: ${heading}`, ""] : []), markdownToPlain(reply.text)];
  if (reply.nextSteps.length) lines.push("", "Wat kun je doen?", ...reply.nextSteps.map((s, i) => `  ${i + 1}. ${s}`));
  if (reply.citations.length) {
    lines.push(
      "",
      "Bronnen:",
      ...reply.citations.map((c) => `  - ${c.title}${c.section ? ` (${c.section})` : ""}${c.url ? ` ${c.url}` : ""}`),
    );
  }
  const legal = reply.kind === "answer" ? legalLine(reply) : null;
  if (legal) lines.push(`  ${legal}`);
  if (reply.suggestions.length)
    lines.push("", "Misschien wil je ook weten:", ...reply.suggestions.map((s) => `  • ${s}`));
  lines.push("", `[${reply.kind}${reply.answerId ? ` ${reply.answerId}` : ""}, zekerheid ${reply.confidence}]`);
  return lines.join("\n");
}

/** Renders the explanation of a reply: the analyzed query and the top candidates with matched terms per field. */
export function formatExplanation(ex: Explanation): string {
  const lines = [
    `query units: ${ex.units.map((u) => `${u.surface}→[${u.terms.join(",")}]`).join(" ") || "(none)"}`,
    `context used: ${ex.usedContext ? "yes (follow-up)" : "no"}`,
    "top candidates:",
  ];
  ex.candidates.forEach((c, i) => {
    lines.push(`  ${i + 1}. ${c.id}  score ${c.score}  coverage ${c.coverage}  — ${c.question}`);
    const byField = new Map<string, string[]>();
    for (const [term, fields] of Object.entries(c.match))
      for (const f of fields) byField.set(f, [...(byField.get(f) ?? []), term]);
    for (const [field, terms] of byField) lines.push(`       ${field}: ${terms.join(", ")}`);
  });
  lines.push(
    `decision: ${ex.reply.kind}${ex.reply.answerId ? ` (${ex.reply.answerId})` : ""}, confidence ${ex.reply.confidence}`,
  );
  return lines.join("\n");
}
