import { describe, expect, it } from "vitest";
import {
  barChart,
  CHART_COLORS,
  chartCss,
  chartLegend,
  chartTable,
  horizontalBars,
  itemsTable,
  niceTicks,
} from "../../src/console/charts.js";

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrastWithWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

const series = [
  { label: "Web", values: [3, 0, 5] },
  { label: "Telegram", values: [1, 2, 0] },
  { label: "Overig", values: [0, 0, 1] },
];
const categories = ["24-10", "25-10", "26-10"];

describe("barChart", () => {
  it("is an image named by its own title and description", () => {
    const svg = barChart({
      title: "Vragen per dag",
      description: "Aantal vragen per dag en kanaal.",
      series,
      categories,
      id: "per-dag",
    }).toString();
    expect(svg).toMatch(/^<svg class="chart" role="img" aria-labelledby="per-dag-title per-dag-desc"/);
    expect(svg).toContain('<title id="per-dag-title">Vragen per dag</title>');
    expect(svg).toContain('<desc id="per-dag-desc">Aantal vragen per dag en kanaal.</desc>');
  });

  it("gives every chart unique ids when none are passed", () => {
    const a = barChart({ title: "A", description: "a", series, categories }).toString();
    const b = barChart({ title: "B", description: "b", series, categories }).toString();
    const idOf = (svg: string) => /aria-labelledby="([^" ]+)-title /.exec(svg)?.[1];
    expect(idOf(a)).toBeTruthy();
    expect(idOf(a)).not.toBe(idOf(b));
    expect(a).toContain(`<title id="${idOf(a)}-title">`);
  });

  it("draws one rectangle per non-zero value, stacked, with colour classes and tooltips", () => {
    const svg = barChart({ title: "t", description: "d", series, categories }).toString();
    expect(svg.match(/<rect /g)).toHaveLength(5);
    expect(svg).toContain('class="bar series-0"');
    expect(svg).toContain('class="bar series-1"');
    expect(svg).toContain('class="bar series-2"');
    expect(svg).toContain("<title>Web, 26-10: 5</title>");
    // Stacked: the highest column is 6 (26-10: 5 + 0 + 1); the axis goes to a round number at or above it.
    expect(svg).toMatch(/>6<\/text>|>8<\/text>/);
    for (const c of categories) expect(svg).toContain(`>${c}</text>`);
  });

  it("draws grouped columns side by side", () => {
    const svg = barChart({ title: "t", description: "d", series, categories, layout: "grouped", id: "g" }).toString();
    const widths = [...svg.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(5);
    expect(new Set(widths).size).toBe(1);
    expect(svg).toMatch(/>5<\/text>|>6<\/text>/);
  });

  it("uses a custom colour class only when it is a plain class name", () => {
    const svg = barChart({
      title: "t",
      description: "d",
      categories: ["a"],
      series: [
        { label: "x", values: [1], colorClass: "mijn-kleur" },
        { label: "y", values: [1], colorClass: 'x" onload="alert(1)' },
      ],
    }).toString();
    expect(svg).toContain('class="bar mijn-kleur"');
    expect(svg).toContain('class="bar series-1"');
    expect(svg).not.toContain("onload");
  });

  it("escapes labels, categories, title and description", () => {
    const svg = barChart({
      title: "<b>titel</b>",
      description: 'a "quote" & <i>',
      categories: ["<script>alert(1)</script>"],
      series: [{ label: "<script>x</script>", values: [2] }],
    }).toString();
    expect(svg).not.toContain("<script>");
    expect(svg).not.toContain("<b>");
    expect(svg).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(svg).toContain("&lt;script&gt;x&lt;/script&gt;, &lt;script&gt;alert(1)&lt;/script&gt;: 2");
    expect(svg).toContain("a &quot;quote&quot; &amp; &lt;i&gt;");
  });

  it("handles all-zero, empty and invalid data without NaN", () => {
    const cases = [
      barChart({ title: "t", description: "d", categories, series: [{ label: "Web", values: [0, 0, 0] }] }),
      barChart({ title: "t", description: "d", categories: [], series: [] }),
      barChart({ title: "t", description: "d", categories, series: [] }),
      barChart({ title: "t", description: "d", categories, series: [{ label: "Web", values: [] }] }),
      barChart({
        title: "t",
        description: "d",
        categories,
        series: [{ label: "Web", values: [Number.NaN, Infinity, -3] }],
        layout: "grouped",
      }),
    ].map(String);
    for (const svg of cases) {
      expect(svg).not.toMatch(/NaN|Infinity/);
      expect(svg).toContain('role="img"');
    }
    expect(cases[1]).toContain("Geen gegevens");
    expect(cases[0]).not.toContain("<rect");
  });

  it("writes text at 12px or more and thins out labels for many days", () => {
    const many = Array.from({ length: 31 }, (_, i) => `${i + 1}-10`);
    const svg = barChart({
      title: "t",
      description: "d",
      categories: many,
      series: [{ label: "Web", values: many.map(() => 1) }],
    }).toString();
    const sizes = [...svg.matchAll(/font-size="(\d+)"/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    const labels = many.filter((c) => svg.includes(`>${c}</text>`));
    expect(labels.length).toBeLessThanOrEqual(12);
    expect(labels[0]).toBe("1-10");
  });
});

describe("niceTicks", () => {
  it("goes from 0 to a round number at or above the maximum", () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(Number.NaN)).toEqual([0, 1]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(95)).toEqual([0, 50, 100]);
    for (const max of [1, 2, 9, 13, 48, 101, 999, 12345]) {
      const ticks = niceTicks(max);
      expect(ticks[0]).toBe(0);
      expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max);
      expect(ticks.every((t) => Number.isInteger(t))).toBe(true);
    }
  });
});

describe("horizontalBars", () => {
  it("draws one bar per item, longest for the largest value", () => {
    const svg = horizontalBars({
      title: "Meest gegeven antwoorden",
      description: "De tien antwoorden die het vaakst zijn gegeven.",
      items: [
        { label: "opp-wat-is", value: 10 },
        { label: "tlv-wat-is", value: 5 },
      ],
      id: "top",
    }).toString();
    expect(svg).toContain('aria-labelledby="top-title top-desc"');
    const widths = [...svg.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(2);
    expect(widths[0]).toBeCloseTo(widths[1]! * 2, 0);
    expect(svg).toContain(">opp-wat-is</text>");
    expect(svg).toContain(">10</text>");
  });

  it("escapes labels and handles empty and zero data", () => {
    const svg = horizontalBars({
      title: "t",
      description: "d",
      items: [{ label: "<script>alert(1)</script>", value: 0 }],
    }).toString();
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;");
    expect(svg).not.toMatch(/NaN|Infinity/);
    const empty = horizontalBars({ title: "t", description: "d", items: [] }).toString();
    expect(empty).toContain("Geen gegevens");
    expect(empty).not.toMatch(/NaN/);
  });

  it("shortens very long labels in the chart", () => {
    const svg = horizontalBars({
      title: "t",
      description: "d",
      items: [{ label: "x".repeat(80), value: 1 }],
    }).toString();
    expect(svg).toContain(`>${"x".repeat(37)}…</text>`);
    expect(svg).toContain(`<title>${"x".repeat(80)}: 1</title>`);
  });
});

describe("legend, tables and CSS", () => {
  it("renders the legend with escaped labels and matching colour classes", () => {
    const legend = chartLegend([{ label: "Web" }, { label: "<script>" }]).toString();
    expect(legend).toContain('<span class="swatch series-0" aria-hidden="true"></span>Web');
    expect(legend).toContain("&lt;script&gt;");
    expect(legend).not.toContain("<script>");
  });

  it("renders the chart data as a table with a total column", () => {
    const table = chartTable({ caption: "Vragen per dag", categoryHeader: "Dag", categories, series }).toString();
    expect(table).toContain("<caption>Vragen per dag</caption>");
    expect(table).toContain(
      '<th scope="col">Dag</th><th scope="col">Web</th><th scope="col">Telegram</th><th scope="col">Overig</th><th scope="col">Totaal</th>',
    );
    expect(table).toContain('<tr><th scope="row">26-10</th><td>5</td><td>0</td><td>1</td><td>6</td></tr>');
    const escaped = chartTable({
      caption: "<x>",
      categoryHeader: "Dag",
      categories: ["<script>"],
      series: [{ label: "a", values: [1] }],
    }).toString();
    expect(escaped).not.toContain("<script>");
    expect(escaped).not.toContain("<x>");
    const empty = chartTable({ caption: "c", categoryHeader: "Dag", categories: [], series }).toString();
    expect(empty).toContain('<td colspan="5">Geen gegevens</td>');
  });

  it("renders items as a table", () => {
    const table = itemsTable({
      caption: "Top",
      labelHeader: "Antwoord",
      valueHeader: "Aantal",
      items: [{ label: "<b>", value: 3 }],
    }).toString();
    expect(table).toContain('<tr><th scope="row">&lt;b&gt;</th><td>3</td></tr>');
    expect(itemsTable({ caption: "Top", labelHeader: "a", valueHeader: "b", items: [] }).toString()).toContain(
      "Geen gegevens",
    );
  });

  it("uses colours with at least 3:1 contrast against white, and 12px text", () => {
    for (const color of CHART_COLORS) {
      expect(contrastWithWhite(color), color).toBeGreaterThanOrEqual(3);
      expect(chartCss).toContain(color);
    }
    expect(contrastWithWhite("#767676")).toBeCloseTo(4.54, 2);
    expect(chartCss).toContain("font-size: 12px");
    expect(chartCss).toContain(".chart .series-0 {");
    expect(chartCss).toContain(".chart-legend .swatch.series-0 {");
  });
});
