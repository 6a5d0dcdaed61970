import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blocksToPlainText, groupCitations, parseInline, parseLightMarkdown, safeHttpsUrl } from "../../src/widget/render.js";
import { parseChatResponse, parseReply, parseTurns } from "../../src/widget/reply.js";

describe("light Markdown renderer (description)", () => {
  it("turns a knowledge answer into paragraphs, bold runs and a bullet list", () => {
    const blocks = parseLightMarkdown("Een **TLV** is een besluit.\nNog een regel.\n\nIn de TLV staat:\n- dat je kind **toelaatbaar** is;\n- welke hulp.");
    expect(blocks).toEqual([
      {
        type: "paragraph",
        lines: [
          [
            { text: "Een ", bold: false },
            { text: "TLV", bold: true },
            { text: " is een besluit.", bold: false },
          ],
          [{ text: "Nog een regel.", bold: false }],
        ],
      },
      { type: "paragraph", lines: [[{ text: "In de TLV staat:", bold: false }]] },
      {
        type: "list",
        items: [
          [
            { text: "dat je kind ", bold: false },
            { text: "toelaatbaar", bold: true },
            { text: " is;", bold: false },
          ],
          [{ text: "welke hulp.", bold: false }],
        ],
      },
    ]);
  });

  it("keeps an unpaired ** as literal text", () => {
    expect(parseInline("een **TLV** of **sbo")).toEqual([
      { text: "een ", bold: false },
      { text: "TLV", bold: true },
      { text: " of **sbo", bold: false },
    ]);
    expect(parseInline("a**b")).toEqual([{ text: "a**b", bold: false }]);
  });

  it("leaves HTML as plain text: there is no tag in the description, only characters", () => {
    const payload = '<img src=x onerror=alert(1)> <script>alert(2)</script> <a href="javascript:alert(3)">x</a>';
    const blocks = parseLightMarkdown(payload);
    expect(blocksToPlainText(blocks)).toBe(payload);
  });

  it("a bold line is not mistaken for a list item", () => {
    expect(parseLightMarkdown("**Is er direct gevaar? Bel 112.**")).toEqual([
      { type: "paragraph", lines: [[{ text: "Is er direct gevaar? Bel 112.", bold: true }]] },
    ]);
  });

  it("never loses text: apart from markers and spacing, every character comes out (property)", () => {
    const strip = (s: string) => s.replace(/[\s*•-]/g, "");
    const markdownish = fc.array(fc.constantFrom("**", "- ", "* ", "\n", "\n\n", " ", "a", "é", "<b>", "&amp;", "•", "1."), { maxLength: 40 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), markdownish), (input) => {
        const blocks = parseLightMarkdown(input);
        const runs = blocks.flatMap((b) => (b.type === "paragraph" ? b.lines.flat() : b.items.flat()));
        expect(strip(runs.map((r) => r.text).join(""))).toBe(strip(input));
        // No empty runs, no empty blocks.
        expect(runs.every((r) => r.text.length > 0)).toBe(true);
        expect(blocks.every((b) => (b.type === "paragraph" ? b.lines.length > 0 : b.items.length > 0))).toBe(true);
      }),
      { numRuns: 1000, seed: 20261123 },
    );
  });
});

describe("citation links", () => {
  it("accepts only absolute https URLs without credentials", () => {
    expect(safeHttpsUrl("https://www.rijksoverheid.nl/onderwerpen/passend-onderwijs")).toBe("https://www.rijksoverheid.nl/onderwerpen/passend-onderwijs");
    for (const bad of ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "http://example.nl/", "data:text/html,<b>x</b>", "//evil.example/", "/relative", "https://user:pw@example.nl/", "", 42, null]) {
      expect(safeHttpsUrl(bad), String(bad)).toBeNull();
    }
  });

  it("groups the sections of one source under one link", () => {
    const url = "https://www.rijksoverheid.nl/onderwerpen/passend-onderwijs";
    expect(
      groupCitations([
        { title: "Informatieset", section: "7. TLV", url },
        { title: "Informatieset", section: "Begrippenlijst", url },
        { title: "Informatieset", section: "7. TLV", url },
        { title: "Onveilig", section: "x", url: "javascript:alert(1)" },
      ]),
    ).toEqual([
      { title: "Informatieset", url, sections: ["7. TLV", "Begrippenlijst"] },
      { title: "Onveilig", url: null, sections: ["x"] },
    ]);
  });
});

describe("reading the service's answers", () => {
  it("accepts a contract reply and drops malformed parts", () => {
    const reply = parseReply({
      kind: "answer",
      text: "x",
      answerId: "tlv",
      confidence: 0.9,
      citations: [{ sourceId: "s", title: "Bron", section: "1" }, { title: 3 }, null],
      nextSteps: ["Bel", 4, ""],
      suggestions: "not a list",
    });
    expect(reply).toEqual({ kind: "answer", text: "x", answerId: "tlv", citations: [{ title: "Bron", section: "1" }], nextSteps: ["Bel"], suggestions: [] });
    expect(parseReply({ kind: "answer" })).toBeNull();
    expect(parseChatResponse({ conversationId: "", reply: { kind: "answer", text: "x" } })).toBeNull();
    expect(parseTurns({ turns: [{ role: "parent", text: "hoi" }, { role: "system", text: "x" }] })).toEqual([{ role: "parent", text: "hoi", kind: null, answerId: null }]);
  });
});

describe("widget source", () => {
  it("never parses strings as HTML or code (W-01 grep check)", () => {
    const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "src", "widget");
    const forbidden = /\binnerHTML\b|\bouterHTML\b|insertAdjacentHTML|document\.write|\beval\s*\(|new\s+Function\b|DOMParser|createContextualFragment|srcdoc/;
    const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const source = readFileSync(join(dir, file), "utf8");
      expect(forbidden.exec(source)?.[0], file).toBeUndefined();
    }
  });
});
