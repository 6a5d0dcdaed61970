// Times on messages and on a kept answer, in the reader's own time zone, Dutch style ("14:05", "3 dec 14:05",
// "5 december 2026 om 14:05"). Pure: the caller passes the date and "now", so tests need no clock.

import { dutchDate } from "../render/reply.js";

const SHORT_MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
const pad = (n: number) => String(n).padStart(2, "0");

/** "14:05" in local time. */
export function clockTime(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Local "YYYY-MM-DD". */
function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The time shown on a message: "14:05" today, "3 dec 14:05" on another day (with the year when it differs). */
export function messageTime(date: Date, now: Date): string {
  if (localDay(date) === localDay(now)) return clockTime(date);
  const year = date.getFullYear() === now.getFullYear() ? "" : ` ${date.getFullYear()}`;
  return `${date.getDate()} ${SHORT_MONTHS[date.getMonth()]}${year} ${clockTime(date)}`;
}

/** "5 december 2026 om 14:05", for a kept answer. */
export function longDateTime(date: Date): string {
  return `${dutchDate(localDay(date))} om ${clockTime(date)}`;
}

/** A Date from an ISO string, or `fallback` when it is missing or unreadable. */
export function dateOr(iso: string | undefined, fallback: Date): Date {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  return Number.isFinite(ms) ? new Date(ms) : fallback;
}
