// The one reader of the "light Markdown" the knowledge base and the core write: **bold**, _italic_ (a whole line:
// the core's notes), "- " list items, blank lines between paragraphs. Pure and without dependencies, so every
// channel (the widget bundle, Telegram, the console, the command line) reads a reply the same way and only maps
// the parsed parts to its own output (DOM nodes, Telegram HTML, terminal or e-mail text).
//
// Two views of one grammar: `parseLines` keeps every line as written (white space included, for channels that
// must keep the text's layout exactly, such as Telegram), `parseLightMarkdown` groups the lines into paragraphs
// and lists (for channels that lay the text out themselves, such as the widget).

export interface TextRun {
  text: string;
  bold: boolean;
  /** Set only on italic runs (the core's notes, such as the one for a question in English). */
  italic?: boolean;
}

export type Block = { type: "paragraph"; lines: TextRun[][] } | { type: "list"; items: TextRun[][] };

/** One line as written: its markup read, nothing lost but the markers themselves. */
export interface MarkdownLine {
  /** White space before the text (or before the list marker), as written. */
  indent: string;
  /** A list item: its marker as written ("-", "*" or "•") and the white space after it. */
  item: { marker: string; gap: string } | null;
  /** The line's text without indent, marker and trailing white space, markup included. */
  source: string;
  /** `source` read into runs. */
  runs: TextRun[];
  /** White space after the text, as written. */
  trailing: string;
}

const LIST_ITEM = /^([ \t]*)([-*•])([ \t]\s*)/u;
const LEADING_SPACE = /^\s*/u;
const BLANK = /^[ \t]*$/;
/** A whole line in underscores: the core's notes ("_Je vraag lijkt Engels…_"). */
const ITALIC_LINE = /^_([^_*]+)_$/;

/** Splits one line into runs on "**" pairs; an unpaired "**" stays as literal text. A line in "_" is italic. */
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
    if (previous?.bold === bold) previous.text += text;
    else runs.push({ text, bold });
  });
  return runs;
}

/** Reads one line (without its line break): indent, list marker, text runs and trailing white space. */
export function parseLine(line: string): MarkdownLine {
  const item = LIST_ITEM.exec(line);
  const head = item ? item[0] : (LEADING_SPACE.exec(line)?.[0] ?? "");
  const rest = line.slice(head.length);
  const source = rest.trimEnd();
  return {
    indent: item ? (item[1] as string) : head,
    item: item ? { marker: item[2] as string, gap: item[3] as string } : null,
    source,
    runs: parseInline(source),
    trailing: rest.slice(source.length),
  };
}

/** Every line of the text as written (split on "\n" only), each read by {@link parseLine}. Never throws. */
export function parseLines(text: string): MarkdownLine[] {
  return text.split("\n").map(parseLine);
}

/** Describes light Markdown as paragraphs (lines kept) and bullet lists. Never throws. */
export function parseLightMarkdown(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (const raw of text.replace(/\r\n?/g, "\n").split("\n")) {
    if (BLANK.test(raw)) {
      current = null;
      continue;
    }
    const line = parseLine(raw);
    if (line.item) {
      if (current?.type !== "list") {
        current = { type: "list", items: [] };
        blocks.push(current);
      }
      current.items.push(line.runs);
    } else if (current?.type === "list" && /^[ \t]+$/.test(line.indent)) {
      // An indented line continues the previous list item.
      const last = current.items[current.items.length - 1] as TextRun[];
      last.push(...parseInline(` ${line.source}`));
    } else {
      if (current?.type !== "paragraph") {
        current = { type: "paragraph", lines: [] };
        blocks.push(current);
      }
      current.lines.push(line.runs);
    }
  }
  return blocks;
}

const runsText = (runs: TextRun[]) => runs.map((r) => r.text).join("");

/** The text the blocks show, without markup (for plain-text channels, tests and accessible summaries). */
export function blocksToPlainText(blocks: Block[], bullet = "- "): string {
  return blocks
    .map((b) =>
      b.type === "paragraph"
        ? b.lines.map(runsText).join("\n")
        : b.items.map((i) => `${bullet}${runsText(i)}`).join("\n"),
    )
    .join("\n\n");
}

/** Light Markdown as plain text, laid out again as paragraphs and lists. */
export function markdownToPlain(text: string, bullet = "- "): string {
  return blocksToPlainText(parseLightMarkdown(text), bullet);
}

/** The lines as written with only the markup taken out (list markers and white space stay as they are). */
export function linesToPlainText(lines: MarkdownLine[]): string {
  return lines
    .map((l) => `${l.indent}${l.item ? l.item.marker + l.item.gap : ""}${runsText(l.runs)}${l.trailing}`)
    .join("\n");
}
