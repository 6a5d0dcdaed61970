import { describe, expect, it } from "vitest";
import { dayAndMonth, dutchDate, formatDutchDate, MONTH_NAMES } from "../../src/core/text/dates.js";
import { nextOpening, parseOpeningHours } from "../../src/hours.js";
import { dutchDate as renderDutchDate } from "../../src/render/reply.js";

// The one table of Dutch month names (issue 13: it was written four times).

describe("Dutch dates", () => {
  it("names the twelve months, January first", () => {
    expect(MONTH_NAMES).toHaveLength(12);
    expect(MONTH_NAMES[0]).toBe("januari");
    expect(MONTH_NAMES[11]).toBe("december");
  });

  it("writes days, dates and ISO dates the Dutch way", () => {
    expect(dayAndMonth(3, 4)).toBe("3 mei");
    expect(dayAndMonth(3, 12)).toBe("");
    expect(formatDutchDate(new Date(Date.UTC(2025, 9, 13)))).toBe("13 oktober 2025");
    expect(dutchDate("2026-12-05")).toBe("5 december 2026");
    expect(dutchDate("2026-13-05")).toBe("2026-13-05");
    expect(dutchDate("gisteren")).toBe("gisteren");
    expect(renderDutchDate("2026-04-13")).toBe("13 april 2026");
  });

  it("is the table the opening hours read", () => {
    const hours = parseOpeningHours("ma 09:00-17:00", "Europe/Amsterdam");
    // Friday 4 December 2026, in the evening: next Monday.
    expect(nextOpening(hours, new Date("2026-12-04T19:00:00Z"))).toBe("maandag 7 december om 09:00");
  });
});
