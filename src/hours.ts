// Opening hours of the steunpunt, e.g. "ma-do 09:00-17:00; vr 09:00-12:30", in one time zone (default
// Europe/Amsterdam). Outside them the bot tells the parent when someone will reply.

import { dayAndMonth } from "./core/text/dates.js";

const DAY_NAMES = ["zo", "ma", "di", "wo", "do", "vr", "za"] as const;
const DAY_FULL = ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"] as const;

export interface OpeningWindow {
  /** 0 = Sunday … 6 = Saturday. */
  day: number;
  /** Minutes after local midnight. */
  from: number;
  to: number;
}

export interface OpeningHours {
  /** The setting as written, for showing to people. */
  readonly text: string;
  readonly timeZone: string;
  readonly windows: readonly OpeningWindow[];
  /** True when every moment is open ("altijd"). */
  readonly always: boolean;
}

export class OpeningHoursError extends Error {
  override readonly name = "OpeningHoursError";
}

function minutes(hhmm: string): number {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(hhmm);
  if (!m) throw new OpeningHoursError(`"${hhmm}" is not a time like 09:00`);
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) throw new OpeningHoursError(`"${hhmm}" is not a time of day`);
  return h * 60 + min;
}

function dayIndex(name: string): number {
  const i = DAY_NAMES.indexOf(name.toLowerCase().slice(0, 2) as (typeof DAY_NAMES)[number]);
  if (i < 0) throw new OpeningHoursError(`"${name}" is not a day (ma, di, wo, do, vr, za, zo)`);
  return i;
}

/** Parses "ma-vr 09:00-17:00; za 10:00-12:00" (or "altijd"); throws OpeningHoursError naming the wrong part. */
export function parseOpeningHours(text: string, timeZone = "Europe/Amsterdam"): OpeningHours {
  try {
    new Intl.DateTimeFormat("nl-NL", { timeZone });
  } catch {
    throw new OpeningHoursError(`"${timeZone}" is not a time zone`);
  }
  const trimmed = text.trim();
  if (/^(altijd|24\/7)$/i.test(trimmed)) return { text: trimmed, timeZone, windows: [], always: true };
  const windows: OpeningWindow[] = [];
  for (const group of trimmed
    .split(/[;\n]/)
    .map((g) => g.trim())
    .filter(Boolean)) {
    const m = /^([a-z,\s-]+?)\s+(\d{1,2}[:.]\d{2})\s*-\s*(\d{1,2}[:.]\d{2})$/i.exec(group);
    if (!m) throw new OpeningHoursError(`"${group}" should look like "ma-vr 09:00-17:00"`);
    const from = minutes(m[2] as string);
    const to = minutes(m[3] as string);
    if (to <= from) throw new OpeningHoursError(`"${group}": the closing time must be after the opening time`);
    const days = new Set<number>();
    for (const part of (m[1] as string)
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean)) {
      const range = part.split("-").map((p) => p.trim());
      if (range.length === 1) days.add(dayIndex(range[0] as string));
      else if (range.length === 2) {
        const a = dayIndex(range[0] as string);
        const b = dayIndex(range[1] as string);
        // "ma-vr" runs Monday to Friday; "za-ma" wraps over Sunday.
        for (let d = a; ; d = (d + 1) % 7) {
          days.add(d);
          if (d === b) break;
        }
      } else throw new OpeningHoursError(`"${part}" is not a day or a range of days`);
    }
    for (const day of days) windows.push({ day, from, to });
  }
  if (windows.length === 0) throw new OpeningHoursError("no opening hours given");
  windows.sort((x, y) => x.day - y.day || x.from - y.from);
  return { text: trimmed, timeZone, windows, always: false };
}

interface LocalTime {
  year: number;
  month: number;
  date: number;
  weekday: number;
  minutes: number;
}

function localTime(at: Date, timeZone: string): LocalTime {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      hourCycle: "h23",
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const year = Number(parts.year);
  const month = Number(parts.month);
  const date = Number(parts.day);
  return {
    year,
    month,
    date,
    weekday: new Date(Date.UTC(year, month - 1, date)).getUTCDay(),
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

export function isOpen(hours: OpeningHours, at: Date): boolean {
  if (hours.always) return true;
  const t = localTime(at, hours.timeZone);
  return hours.windows.some((w) => w.day === t.weekday && t.minutes >= w.from && t.minutes < w.to);
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/**
 * When the steunpunt next opens, in Dutch local words: "vandaag om 09:00", "morgen om 09:00" or
 * "maandag 24 november om 09:00". Undefined when it is open now or never opens.
 */
export function nextOpening(hours: OpeningHours, at: Date): string | undefined {
  if (hours.always || isOpen(hours, at)) return undefined;
  const t = localTime(at, hours.timeZone);
  for (let offset = 0; offset <= 7; offset++) {
    const day = new Date(Date.UTC(t.year, t.month - 1, t.date + offset));
    const weekday = day.getUTCDay();
    const start = hours.windows.find((w) => w.day === weekday && (offset > 0 || w.from > t.minutes));
    if (!start) continue;
    const when =
      offset === 0
        ? "vandaag"
        : offset === 1
          ? "morgen"
          : `${DAY_FULL[weekday]} ${dayAndMonth(day.getUTCDate(), day.getUTCMonth())}`;
    return `${when} om ${hhmm(start.from)}`;
  }
  return undefined;
}

/** The hours in words: "ma t/m vr 09:00-17:00" style, one group per line. */
export function describeOpeningHours(hours: OpeningHours): string {
  if (hours.always) return "altijd";
  const groups = new Map<string, number[]>();
  for (const w of hours.windows) {
    const key = `${hhmm(w.from)}-${hhmm(w.to)}`;
    groups.set(key, [...(groups.get(key) ?? []), w.day]);
  }
  const order = (d: number) => (d + 6) % 7; // Monday first
  return [...groups.entries()]
    .map(([time, days]) => {
      const sorted = [...new Set(days)].sort((a, b) => order(a) - order(b));
      const consecutive = sorted.every((d, i) => i === 0 || order(d) === order(sorted[i - 1] as number) + 1);
      const names = sorted.map((d) => DAY_NAMES[d]);
      const label = consecutive && sorted.length > 2 ? `${names[0]} t/m ${names[names.length - 1]}` : names.join(", ");
      return `${label} ${time}`;
    })
    .join("; ");
}
