import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Reply } from "../../src/core/index.js";
import {
  escapeHtml,
  formatReply,
  htmlToPlain,
  markdownToHtml,
  splitHtml,
  unescapeHtml,
} from "../../src/telegram/format.js";
import { parseTelegramHtml } from "./fake-bot-api.js";

// The escaper, the Markdown → HTML step and the splitter: fixtures and properties (fixed seed, ≥1,000 runs
// where cheap). parseTelegramHtml is the stand-in's copy of Telegram's HTML rules.

const SEED = 20261123;

function visible(html: string): string {
  const parsed = parseTelegramHtml(html);
  if (!parsed.ok) throw new Error(`${parsed.error}: ${JSON.stringify(html.slice(0, 200))}`);
  return parsed.text;
}

/** Text rich in what breaks formatting: markup characters, line breaks, emoji, combining marks. */
const tricky = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "**",
        "_",
        "*",
        "\n",
        "\n\n",
        "<",
        ">",
        "&",
        "&amp;",
        '"',
        "- ",
        " ",
        ". ",
        "😀",
        "👩‍👧",
        "e\u0301",
        "</b>",
        "<b>",
        "[x](y)",
        "`x`",
      ),
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.string({ unit: "grapheme-ascii", maxLength: 40 }),
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(""));

describe("escapeHtml", () => {
  it.each([
    ["a_b*c", "a_b*c"],
    ["1.5 < 2 & 3", "1.5 &lt; 2 &amp; 3"],
    ["[x](y)", "[x](y)"],
    ["`x`", "`x`"],
    ["&amp;", "&amp;amp;"],
    ["</b>", "&lt;/b&gt;"],
    ['<a href="x">', "&lt;a href=&quot;x&quot;&gt;"],
  ])("escapes %j", (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
    expect(visible(escapeHtml(input))).toBe(input);
  });

  it("makes any string valid Telegram HTML that reads as the original", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), tricky), (s) => {
        const html = escapeHtml(s);
        expect(html).not.toMatch(/[<>"]/);
        expect(visible(html)).toBe(s);
        expect(unescapeHtml(html)).toBe(s);
      }),
      { seed: SEED, numRuns: 1_000 },
    );
  });
});

describe("markdownToHtml", () => {
  it.each([
    ["**vet**", "<b>vet</b>"],
    ["- eerste punt", "• eerste punt"],
    ["_Let op: dit is een vertaling_", "<i>Let op: dit is een vertaling</i>"],
    ["een_woord_met_streepjes", "een_woord_met_streepjes"],
    ["1 < 2 & **3 > 2**", "1 &lt; 2 &amp; <b>3 &gt; 2</b>"],
    ["**niet\nover regels**", "**niet\nover regels**"],
    ["_a **b** c_", "_a <b>b</b> c_"],
  ])("renders %j", (input, expected) => {
    expect(markdownToHtml(input)).toBe(expected);
  });

  it("always gives valid HTML whose text is the input without its markup", () => {
    fc.assert(
      fc.property(tricky, (s) => {
        const html = markdownToHtml(s);
        const text = visible(html);
        // Only markup characters and list dashes may go; everything else is kept.
        expect(text.replace(/•/g, "-").replace(/[*_]/g, "")).toBe(s.replace(/[*_]/g, ""));
        expect(htmlToPlain(html)).toBe(text);
      }),
      { seed: SEED, numRuns: 1_000 },
    );
  });
});

describe("splitHtml", () => {
  const checkChunks = (html: string, limit: number) => {
    const chunks = splitHtml(html, limit);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(limit);
      // Valid on its own: tags balanced, no entity or surrogate pair cut in two.
      visible(c);
      expect(/^[\udc00-\udfff]/.test(c)).toBe(false);
      expect(/[\ud800-\udbff]$/.test(c)).toBe(false);
    }
    expect(chunks.map(visible).join("")).toBe(visible(html));
    return chunks;
  };

  it("keeps every chunk valid, within the limit and the text complete (small limits)", () => {
    fc.assert(
      fc.property(tricky, fc.integer({ min: 40, max: 400 }), (s, limit) => {
        checkChunks(markdownToHtml(s), limit);
      }),
      { seed: SEED, numRuns: 1_000 },
    );
  });

  it("handles texts up to 20,000 characters at Telegram's limit", () => {
    const long = fc
      .array(tricky, { minLength: 1, maxLength: 12 })
      .map((parts) => parts.join("\n\n").repeat(8).slice(0, 20_000));
    fc.assert(
      fc.property(long, (s) => {
        const html = markdownToHtml(s);
        const chunks = checkChunks(html, 4096);
        if (html.length <= 4096) expect(chunks).toEqual([html]);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it("keeps tags balanced when it cuts inside them, however they nest", () => {
    const text = fc.string({ unit: "grapheme", maxLength: 60 }).map(escapeHtml);
    const node: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        // At most two levels: the tags open at a cut are repeated in the next chunk, so they must fit the limit.
        { maxDepth: 2, withCrossShrink: true },
        text,
        fc
          .tuple(fc.constantFrom("b", "i", "a"), fc.array(tie("node"), { maxLength: 4 }))
          .map(([tag, kids]) =>
            tag === "a"
              ? `<a href="https://x.nl/?a=1&amp;b=2">${kids.join(" ")}</a>`
              : `<${tag}>${kids.join(" ")}</${tag}>`,
          ),
      ),
    })).node;
    fc.assert(
      fc.property(fc.array(node, { maxLength: 20 }), fc.integer({ min: 120, max: 300 }), (nodes, limit) => {
        checkChunks(nodes.join(""), limit);
      }),
      { seed: SEED, numRuns: 1_000 },
    );
  });

  it("cuts only between paragraphs when paragraphs fit", () => {
    // Paragraphs of several lines: a cut at a single line break would be wrong here.
    const line = fc.string({ unit: "grapheme", minLength: 150, maxLength: 200 }).map((l) => l.replace(/\s/g, "x"));
    const paragraph = fc.array(line, { minLength: 2, maxLength: 4 }).map((lines) => lines.join("\n"));
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 15, maxLength: 20 }), (paragraphs) => {
        const html = markdownToHtml(paragraphs.join("\n\n"));
        const chunks = checkChunks(html, 4096);
        expect(chunks.length).toBeGreaterThan(1);
        for (const c of chunks.slice(0, -1)) expect(c.endsWith("\n\n")).toBe(true);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it("reopens a tag that a very long line leaves open at a cut", () => {
    const html = `<b>${"woord ".repeat(30)}</b>`;
    const chunks = splitHtml(html, 50);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c).toMatch(/^<b>.*<\/b>$/s);
  });

  it("splits a 5,000-character answer into two messages at a paragraph break", () => {
    const paragraphs = Array.from({ length: 5 }, (_, i) =>
      `Alinea ${i + 1}. ${"Tekst over passend onderwijs. ".repeat(33)}`.slice(0, 998),
    );
    const chunks = splitHtml(markdownToHtml(paragraphs.join("\n\n")));
    expect(chunks).toHaveLength(2);
    expect(chunks[0]?.trimEnd().endsWith(paragraphs[3]?.trimEnd() ?? "?")).toBe(true);
  });
});

describe("formatReply", () => {
  const base: Reply = {
    kind: "answer",
    text: "Een **OPP** is een plan.",
    answerId: "opp-wat-is",
    confidence: 0.9,
    citations: [
      {
        sourceId: "informatieset-po",
        title: "Informatieset & meer",
        section: "4. Het OPP > Wat is een OPP?",
        url: "https://www.rijksoverheid.nl/x?a=1&b=2",
      },
      {
        sourceId: "informatieset-po",
        title: "Informatieset & meer",
        section: "Begrippenlijst > OPP",
        url: "https://www.rijksoverheid.nl/x?a=1&b=2",
      },
      { sourceId: "raar", title: "Rare bron", section: "Deel", url: "javascript:alert(1)" },
    ],
    nextSteps: ["Vraag het **OPP** op."],
    suggestions: [],
  };

  it("renders the answer, the next steps, the sources with links and the feedback question", () => {
    const html = formatReply(base);
    expect(html).toContain("Een <b>OPP</b> is een plan.");
    expect(html).toContain("<b>Wat kun je doen?</b>\n1. Vraag het <b>OPP</b> op.");
    expect(html).toContain(
      '<a href="https://www.rijksoverheid.nl/x?a=1&amp;b=2">Informatieset &amp; meer</a>: Wat is een OPP?; OPP',
    );
    expect(html).toContain("• Rare bron: Deel");
    expect(html).not.toContain("javascript:");
    expect(html.endsWith("<i>Was dit nuttig?</i>")).toBe(true);
    visible(html);
  });

  it("renders a crisis reply as its text only", () => {
    const html = formatReply({ ...base, kind: "crisis", answerId: null, text: "**Bel 112.**\n\n- **113**" });
    expect(html).toBe("<b>Bel 112.</b>\n\n• <b>113</b>");
  });
});
