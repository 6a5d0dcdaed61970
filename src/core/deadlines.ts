import type { DeadlineRule } from "./knowledge/schema.js";
import { formatDutchDate, MONTH_NAMES } from "./text/dates.js";
import { normalize } from "./text/normalize.js";

export { formatDutchDate } from "./text/dates.js";

const MONTH_ALIASES: Record<string, number> = {
  jan: 0,
  feb: 1,
  febr: 1,
  mrt: 2,
  maa: 2,
  apr: 3,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  sept: 8,
  okt: 9,
  oct: 9,
  nov: 10,
  dec: 11,
};
MONTH_NAMES.forEach((m, i) => (MONTH_ALIASES[m] = i));

const NAMED =
  /\b(\d{1,2})(?:e|ste|de)?\s+(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|febr?|mrt|maa|apr|jun|jul|aug|sept?|okt|oct|nov|dec)\.?(?:\s+(\d{4}))?(?!\p{L})/iu;
const NUMERIC = /\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})\b/u;
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/u;

/** A date found in a message, with where it stands. */
export interface FoundDate {
  date: Date;
  index: number;
  length: number;
  /** Whether the parent wrote the year. */
  withYear: boolean;
}

/**
 * Finds every date a parent wrote ("3 maart 2025", "03-03-2025", "3/3/25", "2025-03-03"), in order. Day-month
 * order, as in Dutch. Without a year, the most recent such date up to 60 days after `today` is taken. Impossible
 * dates (31 februari) are left out.
 */
export function findDates(text: string, today: Date): FoundDate[] {
  const found: FoundDate[] = [];
  const add = (index: number, length: number, date: Date | null, withYear = true) => {
    if (!date || found.some((f) => index < f.index + f.length && f.index < index + length)) return;
    found.push({ date, index, length, withYear });
  };
  for (const m of text.matchAll(new RegExp(ISO.source, "gu")))
    add(m.index, m[0].length, makeDate(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  for (const m of text.matchAll(new RegExp(NUMERIC.source, "gu"))) {
    const year = Number(m[3]);
    add(m.index, m[0].length, makeDate(year < 100 ? 2000 + year : year, Number(m[2]) - 1, Number(m[1])));
  }
  for (const m of text.matchAll(new RegExp(NAMED.source, "giu"))) {
    const month = MONTH_ALIASES[(m[2] as string).toLowerCase()];
    if (month === undefined) continue;
    const day = Number(m[1]);
    let date: Date | null;
    if (m[3]) date = makeDate(Number(m[3]), month, day);
    else {
      const thisYear = makeDate(today.getUTCFullYear(), month, day);
      date =
        thisYear && thisYear.getTime() > addDays(today, 60).getTime()
          ? makeDate(today.getUTCFullYear() - 1, month, day)
          : thisYear;
    }
    add(m.index, m[0].length, date, m[3] !== undefined);
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The first date a parent wrote, or null when there is no valid date. */
export function findDate(text: string, today: Date): Date | null {
  return findDates(text, today)[0]?.date ?? null;
}

/** Words that separate clauses: a date belongs to the event named in its own clause. */
const CLAUSE_BREAK = /[,;:()]|\s(?:en|maar|want|omdat|toen|nadat|terwijl|sinds|daarna|dus)\s/giu;

/** The clause around a date, normalized, with the date itself left out. */
function clauseAround(text: string, found: FoundDate): string {
  const before = text.slice(0, found.index);
  const after = text.slice(found.index + found.length);
  const sentenceStart = Math.max(...[". ", "! ", "? ", "\n"].map((b) => before.lastIndexOf(b))) + 1;
  const ends = [". ", "! ", "? ", "\n", "?", "!"].map((b) => after.indexOf(b)).filter((i) => i >= 0);
  const sentenceEnd = ends.length ? Math.min(...ends) : after.length;
  const head = before.slice(sentenceStart);
  const tail = after.slice(0, sentenceEnd);
  const headBreaks = [...head.matchAll(CLAUSE_BREAK)];
  const lastBreak = headBreaks[headBreaks.length - 1];
  const from = lastBreak ? lastBreak.index + lastBreak[0].length : 0;
  const nextBreak = tail.search(CLAUSE_BREAK);
  return normalize(`${head.slice(from)} ${nextBreak >= 0 ? tail.slice(0, nextBreak) : tail}`);
}

/** A rule with its patterns compiled, for binding dates. */
export interface CompiledDeadlineRule {
  rule: DeadlineRule;
  triggers: RegExp[];
  traps: RegExp[];
}

export function compileDeadlineRule(rule: DeadlineRule): CompiledDeadlineRule {
  return {
    rule,
    triggers: rule.triggers.map((t) => new RegExp(t, "u")),
    traps: (rule.traps ?? []).map((t) => new RegExp(t, "u")),
  };
}

/**
 * The date the parent ties to the rule's event: the first date whose clause names the event (a trigger) and no
 * other event (a trap), and that is not in the future (a decision or an application already happened). Null when
 * no date qualifies: then no term is computed, rather than a term from the wrong day.
 */
export function bindDate(compiled: CompiledDeadlineRule, text: string, today: Date): Date | null {
  for (const found of findDates(text, today)) {
    let date = found.date;
    // An event already happened: a day without a year that is still to come this year was last year's.
    if (!found.withYear && date.getTime() > addDays(today, 1).getTime())
      date = new Date(Date.UTC(date.getUTCFullYear() - 1, date.getUTCMonth(), date.getUTCDate()));
    if (date.getTime() > addDays(today, 1).getTime()) continue;
    const clause = clauseAround(text, found);
    if (compiled.traps.some((re) => re.test(clause))) continue;
    if (compiled.triggers.some((re) => re.test(clause))) return date;
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

export interface ComputedDeadlines {
  rule: DeadlineRule;
  text: string;
  dates: Array<{ date: string; label: string }>;
}

/** Adds calendar months, keeping the day where it exists (31 januari + 1 maand = 28 of 29 februari). */
export function addMonths(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(date.getUTCDate(), last)));
}

/**
 * Fills in a deadline rule for a start date: the intro, one line per deadline with its computed date (marked when
 * it has passed, given `today`), and the rule's note on how to count and whom to ask.
 */
export function computeDeadlines(rule: DeadlineRule, start: Date, today?: Date): ComputedDeadlines {
  const dates = rule.lines.map((line) => {
    const date = line.months !== undefined ? addMonths(start, line.months) : addDays(start, line.days ?? 0);
    const passed =
      today !== undefined && date.getTime() < Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
    const text = line.text.replaceAll("{date}", formatDutchDate(date)) + (passed ? " Die datum is al voorbij." : "");
    return { iso: date.toISOString().slice(0, 10), text };
  });
  const text = [
    rule.intro.replaceAll("{date}", formatDutchDate(start)),
    ...dates.map((d) => `- ${d.text}`),
    ...(rule.note ? ["", rule.note] : []),
  ].join("\n");
  return {
    rule,
    text,
    dates: dates.map((d) => ({ date: d.iso, label: d.text.replace(/\*\*/g, "") })),
  };
}
