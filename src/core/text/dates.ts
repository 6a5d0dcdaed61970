// Dutch month names, written once: the core's deadlines and letters, the opening hours and every channel's dates
// (the widget bundle included) read this table. Pure and without imports, so the render layer and the opening
// hours import this file directly instead of the core's entry point, and neither loads the search engine.

/** The months in Dutch, January first (index = `Date.getUTCMonth()`). */
export const MONTH_NAMES = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december",
] as const;

/** "13 oktober": a day of the month and a month index (0 = januari); "" for a month out of range. */
export function dayAndMonth(day: number, monthIndex: number): string {
  const month = MONTH_NAMES[monthIndex];
  return month ? `${day} ${month}` : "";
}

/** "13 oktober 2025", in UTC (dates without a time of day are kept as UTC midnight). */
export function formatDutchDate(date: Date): string {
  return `${dayAndMonth(date.getUTCDate(), date.getUTCMonth())} ${date.getUTCFullYear()}`;
}

/** "2026-12-05" → "5 december 2026"; anything else as it is. */
export function dutchDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const dayMonth = m ? dayAndMonth(Number(m[3]), Number(m[2]) - 1) : "";
  return m && dayMonth ? `${dayMonth} ${m[1]}` : iso;
}
