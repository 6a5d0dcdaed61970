import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { insightsCsv, toCsv, UTF8_BOM } from "../../src/console/csv.js";
import { computeInsights } from "../../src/console/insights.js";
import type { TurnRecord } from "../../src/stores/types.js";

/** A strict RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string, delimiter = ","): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let fieldText = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        fieldText += '"';
        i += 2;
        continue;
      }
      if (c === '"') {
        quoted = false;
        i++;
        continue;
      }
      fieldText += c;
      i++;
      continue;
    }
    if (c === '"' && fieldText === "") {
      quoted = true;
      i++;
    } else if (c === delimiter) {
      row.push(fieldText);
      fieldText = "";
      i++;
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(fieldText);
      rows.push(row);
      row = [];
      fieldText = "";
      i += 2;
    } else if (c === "\n" || c === "\r" || c === '"') {
      throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    } else {
      fieldText += c;
      i++;
    }
  }
  if (fieldText !== "" || row.length > 0) throw new Error("missing final CRLF");
  return rows;
}

describe("toCsv", () => {
  it("writes CRLF rows and quotes fields with a comma, quote or line break", () => {
    expect(
      toCsv([
        ["a", "b,c", 'zei "ja"'],
        ["regel\neen", "x\r\ny", 3],
      ]),
    ).toBe('a,"b,c","zei ""ja"""\r\n"regel\neen","x\r\ny",3\r\n');
  });

  it("writes numbers and null plainly", () => {
    expect(toCsv([[1, 2.5, 0, null, Number.NaN, Infinity, -4]])).toBe("1,2.5,0,,,,-4\r\n");
    expect(toCsv([])).toBe("");
    expect(toCsv([[]])).toBe("\r\n");
  });

  it("neutralises fields that a spreadsheet would run as a formula", () => {
    const rows = [
      ['=HYPERLINK("http://evil","klik")', "+31612345678", "-2+3", "@SUM(A1)", "\tx", "\r=1", "normaal", "a=b"],
    ];
    const csv = toCsv(rows);
    expect(parseCsv(csv)).toEqual([
      ['\'=HYPERLINK("http://evil","klik")', "'+31612345678", "'-2+3", "'@SUM(A1)", "'\tx", "'\r=1", "normaal", "a=b"],
    ]);
  });

  it("adds a UTF-8 BOM and uses another delimiter on request", () => {
    expect(toCsv([["é", "x;y"]], { bom: true, delimiter: ";" })).toBe(`${UTF8_BOM}é;"x;y"\r\n`);
    expect(toCsv([["a"]]).startsWith(UTF8_BOM)).toBe(false);
  });

  it("round-trips any text through a strict reader", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: "grapheme" }), { minLength: 1, maxLength: 5 }), { maxLength: 5 }),
        (rows) => {
          const parsed = parseCsv(toCsv(rows));
          expect(parsed).toEqual(rows.map((r) => r.map((f) => (/^[=+\-@\t\r]/.test(f) ? `'${f}` : f))));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("insightsCsv", () => {
  const at = (iso: string) => new Date(iso);
  const secret = "GEHEIM mijn zoon Jan de Vries";
  const turns: TurnRecord[] = [
    {
      conversationId: "conv-1",
      seq: 1,
      role: "parent",
      text: secret,
      kind: null,
      answerId: null,
      channel: "web",
      createdAt: at("2026-10-24T08:00:00Z"),
    },
    {
      conversationId: "conv-1",
      seq: 2,
      role: "assistant",
      text: "antwoord",
      kind: "answer",
      answerId: "opp-wat-is",
      channel: "web",
      createdAt: at("2026-10-24T08:00:01Z"),
    },
    {
      conversationId: "conv-1",
      seq: 3,
      role: "parent",
      text: `${secret} 2`,
      kind: null,
      answerId: null,
      channel: "web",
      createdAt: at("2026-10-24T08:01:00Z"),
    },
    {
      conversationId: "conv-1",
      seq: 4,
      role: "assistant",
      text: "?",
      kind: "fallback",
      answerId: null,
      channel: "web",
      createdAt: at("2026-10-24T08:01:01Z"),
    },
    {
      conversationId: "conv-2",
      seq: 1,
      role: "parent",
      text: "=cmd|' /C calc'!A0",
      kind: null,
      answerId: null,
      channel: "telegram",
      createdAt: at("2026-10-25T08:00:00Z"),
    },
    {
      conversationId: "conv-2",
      seq: 2,
      role: "assistant",
      text: "antwoord",
      kind: "answer",
      answerId: "tlv-wat-is",
      channel: "telegram",
      createdAt: at("2026-10-25T08:00:01Z"),
    },
  ];
  const insights = computeInsights({
    turns,
    feedback: [
      {
        conversationId: "conv-1",
        answerId: "opp-wat-is",
        helpful: false,
        comment: `${secret} klopt niet`,
        createdAt: at("2026-10-24T09:00:00Z"),
      },
    ],
    since: at("2026-10-23T22:00:00Z"),
    until: at("2026-10-25T22:59:59Z"),
  });

  it("exports the counts per day and channel and the top answers with Dutch headers", () => {
    const csv = insightsCsv(insights);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toContainEqual(["Datum", "Web", "Telegram", "Overig", "Totaal"]);
    expect(rows).toContainEqual(["2026-10-24", "2", "0", "0", "2"]);
    expect(rows).toContainEqual(["2026-10-25", "0", "1", "0", "1"]);
    expect(rows).toContainEqual(["Antwoord (id)", "Aantal"]);
    expect(rows).toContainEqual(["opp-wat-is", "1"]);
    expect(rows).toContainEqual(["tlv-wat-is", "1"]);
    expect(rows).toContainEqual(["Vragen", "3"]);
    expect(rows).toContainEqual(["Beantwoord (%)", "66.7"]);
    expect(rows).toContainEqual(["Geen antwoord gevonden", "1"]);
  });

  it("never contains question text, comments or conversation ids", () => {
    const csv = insightsCsv(insights, { bom: false });
    expect(insights.unanswered.fallback[0]?.text).toContain("GEHEIM"); // the insights do hold it…
    expect(csv).not.toContain("GEHEIM"); // …the export does not
    expect(csv).not.toContain("calc");
    expect(csv).not.toContain("conv-");
    expect(csv).not.toContain("klopt niet");
    expect(csv.startsWith(UTF8_BOM)).toBe(false);
  });
});
