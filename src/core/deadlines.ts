import type { DeadlineRule } from "./knowledge/schema.js";

const MONTHS = [
  "januari", "februari", "maart", "april", "mei", "juni",
  "juli", "augustus", "september", "oktober", "november", "december",
];
const MONTH_ALIASES: Record<string, number> = {
  jan: 0, feb: 1, febr: 1, mrt: 2, maa: 2, apr: 3, jun: 5, jul: 6, aug: 7, sep: 8, sept: 8, okt: 9, oct: 9, nov: 10, dec: 11,
};
MONTHS.forEach((m, i) => (MONTH_ALIASES[m] = i));

const NAMED = /\b(\d{1,2})(?:e|ste|de)?\s+(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|febr?|mrt|maa|apr|jun|jul|aug|sept?|okt|oct|nov|dec)\.?(?:\s+(\d{4}))?(?!\p{L})/iu;
const NUMERIC = /\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})\b/u;
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/u;

/**
 * Finds the first date a parent wrote ("3 maart 2025", "03-03-2025", "3/3/25", "2025-03-03").
 * Day-month order, as in Dutch. Without a year, the most recent such date up to 60 days after `today` is taken.
 * Returns a UTC date, or null when there is no valid date.
 */
export function findDate(text: string, today: Date): Date | null {
  const iso = ISO.exec(text);
  if (iso) return makeDate(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const year = Number(numeric[3]);
    return makeDate(year < 100 ? 2000 + year : year, Number(numeric[2]) - 1, Number(numeric[1]));
  }
  const named = NAMED.exec(text);
  if (named) {
    const month = MONTH_ALIASES[(named[2] as string).toLowerCase()];
    if (month === undefined) return null;
    const day = Number(named[1]);
    if (named[3]) return makeDate(Number(named[3]), month, day);
    const thisYear = makeDate(today.getUTCFullYear(), month, day);
    if (!thisYear) return null;
    const limit = addDays(today, 60);
    return thisYear.getTime() > limit.getTime() ? makeDate(today.getUTCFullYear() - 1, month, day) : thisYear;
  }
  return null;
}

function makeDate(year: number, month: number, day: number): Date | null {
  if (year < 1990 || year > 2100 || month < 0 || month > 11 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month, day));
  return d.getUTCMonth() === month && d.getUTCDate() === day ? d : null;
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** "13 oktober 2025". */
export function formatDutchDate(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

export interface ComputedDeadlines {
  rule: DeadlineRule;
  text: string;
  dates: Array<{ date: string; label: string }>;
}

/** Fills in a deadline rule for a start date: the intro and one line per deadline, with computed dates. */
export function computeDeadlines(rule: DeadlineRule, start: Date): ComputedDeadlines {
  const dates = rule.lines.map((line) => {
    const date = addDays(start, line.days);
    return { iso: date.toISOString().slice(0, 10), text: line.text.replaceAll("{date}", formatDutchDate(date)) };
  });
  const text = [rule.intro.replaceAll("{date}", formatDutchDate(start)), ...dates.map((d) => `- ${d.text}`)].join("\n");
  return {
    rule,
    text,
    dates: dates.map((d) => ({ date: d.iso, label: d.text.replace(/\*\*/g, "") })),
  };
}
