import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatReply as formatForTerminal } from "../../src/cli/format.js";
import { plainText } from "../../src/console/draft.js";
import type { Reply } from "../../src/core/index.js";
import { linesToPlainText, markdownToPlain, parseLine, parseLines } from "../../src/render/markdown.js";
import { markdownToHtml } from "../../src/telegram/format.js";

// The one light-Markdown parser every channel reads a reply with (issue 13): its line view, and what each
// channel makes of the same text.

const NOTE = "I answer in Dutch only. A translation app can help you read this answer.";
const ENGLISH = `_${NOTE}_\n\nEen **OPP** is een plan.\n- het **handelingsdeel**;\n- het uitstroomprofiel.`;

describe("the line view", () => {
  it("reads indent, list marker, runs and trailing white space of a line", () => {
    expect(parseLine("  -  een **TLV**  ")).toEqual({
      indent: "  ",
      item: { marker: "-", gap: "  " },
      source: "een **TLV**",
      runs: [
        { text: "een ", bold: false },
        { text: "TLV", bold: true },
      ],
      trailing: "  ",
    });
    expect(parseLine(`_${NOTE}_`).runs).toEqual([{ text: NOTE, bold: false, italic: true }]);
    expect(parseLine("-geen lijst").item).toBeNull();
    expect(parseLine("**vet**").item).toBeNull();
  });

  it("keeps every line as written apart from its markup (property)", () => {
    const strip = (s: string) => s.replace(/[*_]/g, "");
    const markdownish = fc
      .array(fc.constantFrom("**", "_", "- ", "* ", "\n", "\n\n", " ", "\t", "a", "é", "<b>", "•"), { maxLength: 40 })
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), markdownish), (input) => {
        const lines = parseLines(input);
        expect(lines).toHaveLength(input.split("\n").length);
        expect(strip(linesToPlainText(lines))).toBe(strip(input));
      }),
      { numRuns: 1000, seed: 20261205 },
    );
  });
});

describe("every channel reads the core's English note as italics, without underscores", () => {
  it("Telegram: <i>", () => {
    expect(markdownToHtml(ENGLISH).split("\n")[0]).toBe(`<i>${NOTE}</i>`);
  });

  it("the command line and the console draft: plain text", () => {
    expect(markdownToPlain(ENGLISH)).toBe(
      `${NOTE}\n\nEen OPP is een plan.\n\n- het handelingsdeel;\n- het uitstroomprofiel.`,
    );
    const reply: Reply = {
      kind: "fallback",
      text: ENGLISH,
      answerId: null,
      confidence: 0,
      citations: [],
      nextSteps: [],
      suggestions: [],
    };
    expect(formatForTerminal(reply)).not.toContain("_");
    expect(plainText(ENGLISH)).toBe(`${NOTE}\n\nEen OPP is een plan.\n- het handelingsdeel;\n- het uitstroomprofiel.`);
  });
});
