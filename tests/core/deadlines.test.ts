import { describe, expect, it } from "vitest";
import { computeDeadlines, findDate, formatDutchDate, type DeadlineRule } from "../../src/core/index.js";

const today = new Date("2026-11-23T12:00:00Z");
const iso = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

describe("findDate", () => {
  it("reads Dutch written and numeric dates, day first", () => {
    expect(iso(findDate("aangemeld op 3 maart 2025", today))).toBe("2025-03-03");
    expect(iso(findDate("het besluit kwam op 12-01-2026", today))).toBe("2026-01-12");
    expect(iso(findDate("op 3/3/25 ingeschreven", today))).toBe("2025-03-03");
    expect(iso(findDate("brief van 1 sept. 2025", today))).toBe("2025-09-01");
    expect(iso(findDate("datum 2025-10-05", today))).toBe("2025-10-05");
  });

  it("takes the most recent past date when no year is given", () => {
    expect(iso(findDate("aangemeld op 14 oktober", today))).toBe("2026-10-14");
    expect(iso(findDate("aangemeld op 1 juni", today))).toBe("2026-06-01");
    expect(iso(findDate("aangemeld op 20 december", new Date("2026-03-01T00:00:00Z")))).toBe("2025-12-20");
  });

  it("ignores impossible dates and text without a date", () => {
    expect(findDate("op 31-02-2025", today)).toBeNull();
    expect(findDate("mijn zoon zit in groep 5 en is 8 jaar", today)).toBeNull();
  });
});

describe("computeDeadlines", () => {
  const rule: DeadlineRule = {
    id: "zorgplicht",
    triggers: ["aangemeld"],
    entries: ["x"],
    intro: "Aangemeld op {date}:",
    lines: [
      { days: 42, text: "{date}: besluit" },
      { days: 70, text: "{date}: verlengd" },
    ],
    citations: [{ source: "s", section: "s" }],
  };

  it("adds calendar weeks and writes the dates in Dutch", () => {
    const out = computeDeadlines(rule, new Date(Date.UTC(2025, 8, 1)));
    expect(out.text).toContain("Aangemeld op 1 september 2025:");
    expect(out.text).toContain("13 oktober 2025: besluit");
    expect(out.text).toContain("10 november 2025: verlengd");
    expect(out.dates.map((d) => d.date)).toEqual(["2025-10-13", "2025-11-10"]);
  });

  it("crosses year ends and leap days", () => {
    expect(computeDeadlines(rule, new Date(Date.UTC(2025, 11, 1))).dates[0]?.date).toBe("2026-01-12");
    expect(formatDutchDate(new Date(Date.UTC(2028, 1, 29)))).toBe("29 februari 2028");
  });
});
