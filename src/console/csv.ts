import type { Insights } from "./insights.js";

// CSV export for the console (RFC 4180: CRLF line ends, fields with a comma, quote or line break in double
// quotes, quotes doubled). Text fields that a spreadsheet would run as a formula (starting with =, +, -, @,
// tab or carriage return) get a leading single quote (OWASP "CSV Injection"). Numbers are written as numbers.

export type CsvField = string | number | null;

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark, so Excel reads the file as UTF-8 (é, ë). */
  bom?: boolean;
  /** Field separator; "," by default (RFC 4180). Dutch Excel opens ";" files directly. */
  delimiter?: "," | ";";
}

export const UTF8_BOM = "\uFEFF";

/** Dutch names of the reply kinds (src/core/reply.ts). */
export const KIND_LABELS: Record<string, string> = {
  answer: "Antwoord uit de kennisbank",
  clarify: "Vraag om het anders te zeggen",
  fallback: "Geen antwoord gevonden",
  smalltalk: "Groet of bedankje",
  handoff: "Doorverwezen naar een medewerker",
  crisis: "Crisis: hulplijn genoemd",
  unknown: "Onbekend",
};

const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: CsvField, delimiter: string): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  let text = value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  if (text.includes(delimiter) || /["\r\n]/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

export function toCsv(rows: readonly (readonly CsvField[])[], options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ",";
  const body = rows.map((row) => row.map((v) => field(v, delimiter)).join(delimiter) + "\r\n").join("");
  return (options.bom ? UTF8_BOM : "") + body;
}

/**
 * The statistics of an insights page as CSV: questions per day and channel, totals, and the most given
 * answers (by entry id). Statistics only: no question text, comments or conversation ids ever go in here.
 * A UTF-8 BOM is added unless `bom: false`.
 */
export function insightsCsv(insights: Insights, options: CsvOptions = {}): string {
  const rows: CsvField[][] = [
    ["Vragen per dag"],
    ["Datum", "Web", "Telegram", "Overig", "Totaal"],
    ...insights.perDay.map((d) => [d.date, d.web, d.telegram, d.overig, d.total]),
    [],
    ["Totalen"],
    ["Vragen", insights.totals.questions],
    ["Beantwoord", insights.totals.answered],
    ["Beantwoord (%)", Math.round(insights.totals.answeredShare * 1000) / 10],
    ["Doorverwezen naar een medewerker", insights.totals.handoffs],
    [],
    ["Antwoorden per soort"],
    ["Soort", "Aantal"],
    ...Object.entries(insights.byKind)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([kind, count]) => [KIND_LABELS[kind] ?? kind, count]),
    [],
    ["Meest gegeven antwoorden"],
    ["Antwoord (id)", "Aantal"],
    ...insights.topEntries.map((e) => [e.answerId, e.count]),
  ];
  return toCsv(rows, { bom: true, ...options });
}
