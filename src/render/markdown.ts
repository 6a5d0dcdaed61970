// The one reader of the "light Markdown" the knowledge base and the core write: **bold**, _italic_ (one word group
// on a line), "- " list items, blank lines between paragraphs. Pure and without dependencies, so every channel
// (the widget bundle, Telegram, the console, the command line) renders the same reading of a reply.

export interface TextRun {
  text: string;
  bold: boolean;
  /** Set only on italic runs (the core's notes, such as the one for a question in English). */
  italic?: boolean;
}

export type Block = { type: "paragraph"; lines: TextRun[][] } | { type: "list"; items: TextRun[][] };

const LIST_ITEM = /^[ \t]*[-*•][ \t]+(.*)$/;
const BLANK = /^[ \t]*$/;
/** A whole line in underscores: the core's notes ("_Je vraag lijkt Engels…_"). */
const ITALIC_LINE = /^_([^_*]+)_$/;

/** Splits one line into runs on "**" pairs; an unpaired "**" stays as literal text. */
export function parseInline(line: string): TextRun[] {
  const italic = ITALIC_LINE.exec(line);
  if (italic) return [{ text: italic[1] as string, bold: false, italic: true }];
  const parts = line.split("**");
  if (parts.length % 2 === 0) {
    // An even number of parts means one "**" has no partner: keep the last one literally.
    const last = parts.pop() ?? "";
    parts[parts.length - 1] = `${parts[parts.length - 1] ?? ""}**${last}`;
  }
  const runs: TextRun[] = [];
  parts.forEach((text, i) => {
    if (text === "") return;
    const bold = i % 2 === 1;
    const previous = runs[runs.length - 1];
    if (previous && previous.bold === bold) previous.text += text;
    else runs.push({ text, bold });
  });
  return runs;
}

/** Describes light Markdown as paragraphs (lines kept) and bullet lists. Never throws. */
export function parseLightMarkdown(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    if (BLANK.test(line)) {
      current = null;
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      if (current?.type !== "list") {
        current = { type: "list", items: [] };
        blocks.push(current);
      }
      current.items.push(parseInline((item[1] as string).trim()));
    } else if (current?.type === "list" && /^[ \t]+\S/.test(line)) {
      // An indented line continues the previous list item.
      const last = current.items[current.items.length - 1] as TextRun[];
      last.push(...parseInline(` ${line.trim()}`));
    } else {
      if (current?.type !== "paragraph") {
        current = { type: "paragraph", lines: [] };
        blocks.push(current);
      }
      current.lines.push(parseInline(line.trim()));
    }
  }
  return blocks;
}

/** The text the blocks show, without markup (for plain-text channels, tests and accessible summaries). */
export function blocksToPlainText(blocks: Block[], bullet = "- "): string {
  const runsText = (runs: TextRun[]) => runs.map((r) => r.text).join("");
  return blocks
    .map((b) =>
      b.type === "paragraph"
        ? b.lines.map(runsText).join("\n")
        : b.items.map((i) => `${bullet}${runsText(i)}`).join("\n"),
    )
    .join("\n\n");
}

/** Light Markdown as plain text. */
export function markdownToPlain(text: string, bullet = "- "): string {
  return blocksToPlainText(parseLightMarkdown(text), bullet);
}
