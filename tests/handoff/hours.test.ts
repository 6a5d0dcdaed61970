import { describe, expect, it } from "vitest";
import { describeOpeningHours, isOpen, nextOpening, OpeningHoursError, parseOpeningHours } from "../../src/hours.js";
import { parseConfig } from "../../src/config.js";

// 2026-11-23 is a Monday; Amsterdam is UTC+1 in November and UTC+2 in summer.
const at = (iso: string) => new Date(iso);

describe("opening hours", () => {
  const hours = parseOpeningHours("ma-do 09:00-17:00; vr 09:00-12:30");

  it("is open inside a window and closed outside, in Amsterdam time", () => {
    expect(isOpen(hours, at("2026-11-23T08:00:00Z"))).toBe(true); // Mon 09:00 local
    expect(isOpen(hours, at("2026-11-23T07:59:00Z"))).toBe(false); // Mon 08:59
    expect(isOpen(hours, at("2026-11-23T16:00:00Z"))).toBe(false); // Mon 17:00: closing time is exclusive
    expect(isOpen(hours, at("2026-11-27T11:00:00Z"))).toBe(true); // Fri 12:00
    expect(isOpen(hours, at("2026-11-27T11:30:00Z"))).toBe(false); // Fri 12:30
    expect(isOpen(hours, at("2026-11-28T10:00:00Z"))).toBe(false); // Saturday
    expect(isOpen(hours, at("2026-07-06T07:30:00Z"))).toBe(true); // summer: 09:30 local
  });

  it("says when it opens next", () => {
    expect(nextOpening(hours, at("2026-11-23T06:00:00Z"))).toBe("vandaag om 09:00");
    expect(nextOpening(hours, at("2026-11-23T18:00:00Z"))).toBe("morgen om 09:00");
    expect(nextOpening(hours, at("2026-11-27T15:00:00Z"))).toBe("maandag 30 november om 09:00");
    expect(nextOpening(hours, at("2026-11-23T10:00:00Z"))).toBeUndefined();
    // The local date decides, not the UTC date: Sunday 23:30 UTC is Monday 00:30 in Amsterdam.
    expect(nextOpening(hours, at("2026-11-22T23:30:00Z"))).toBe("vandaag om 09:00");
  });

  it("describes the hours in words", () => {
    expect(describeOpeningHours(hours)).toBe("ma t/m do 09:00-17:00; vr 09:00-12:30");
    expect(describeOpeningHours(parseOpeningHours("altijd"))).toBe("altijd");
  });

  it("reads ranges, lists and 'altijd'", () => {
    expect(parseOpeningHours("ma,wo 10:00-12:00").windows.map((w) => w.day)).toEqual([1, 3]);
    expect(parseOpeningHours("za-ma 10:00-12:00").windows.map((w) => w.day)).toEqual([0, 1, 6]);
    expect(isOpen(parseOpeningHours("altijd"), at("2026-11-29T03:00:00Z"))).toBe(true);
  });

  it.each(["", "ma 9-17", "xx 09:00-17:00", "ma 17:00-09:00", "ma 25:00-26:00", "ma-vr"])(
    "refuses %j with a clear error",
    (text) => {
      expect(() => parseOpeningHours(text)).toThrow(OpeningHoursError);
    },
  );

  it("a wrong setting stops start-up naming the variable", () => {
    expect(() => parseConfig({ OPENING_HOURS: "maandag tot vrijdag" })).toThrow(/OPENING_HOURS/);
    expect(() => parseConfig({ OPENING_TIMEZONE: "Europe/Nergens" })).toThrow(/OPENING_TIMEZONE/);
    expect(parseConfig({ OPENING_HOURS: "ma-vr 08:30-16:30" }).OPENING_HOURS).toBe("ma-vr 08:30-16:30");
  });
});
