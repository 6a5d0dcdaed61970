import { html, type SafeHtml } from "./html.js";

// Inline SVG charts for the console, built with the escaping `html` template (labels are always text).
//
// Accessibility: every chart is an <svg role="img"> named by its own <title> and <desc> (aria-labelledby),
// text is at least 12px, and the series colours reach 3:1 against white (WCAG 1.4.11). A chart is never the
// only way to read the numbers: render chartTable / itemsTable with the same data next to it (the chart
// functions do not do that themselves, so the caller can place the table, e.g. in a <details>).
// Include `chartCss` once in the page's stylesheet.

/** Series colours (fill), each at least 3:1 against white; stacked parts are separated by a white line. */
export const CHART_COLORS = ["#1f5fa8", "#b3541e", "#2e7d32", "#6a3d9a", "#8a6d00", "#c2185b"] as const;

const TEXT_COLOR = "#1a1a1a";
const AXIS_COLOR = "#595959";
const GRID_COLOR = "#d0d0d0";

export const chartCss = [
  `.chart { display: block; max-width: 100%; height: auto; font-family: inherit; }`,
  `.chart text { font-size: 12px; fill: ${TEXT_COLOR}; }`,
  `.chart .axis { stroke: ${AXIS_COLOR}; stroke-width: 1; }`,
  `.chart .grid { stroke: ${GRID_COLOR}; stroke-width: 1; }`,
  `.chart rect.bar { stroke: #ffffff; stroke-width: 1; }`,
  ...CHART_COLORS.map((c, i) => `.chart .series-${i} { fill: ${c}; }`),
  `.chart-legend { list-style: none; display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; padding: 0; margin: 0.5rem 0; font-size: 0.875rem; }`,
  `.chart-legend li { display: flex; align-items: center; gap: 0.4rem; }`,
  `.chart-legend .swatch { display: inline-block; width: 0.9rem; height: 0.9rem; border-radius: 2px; forced-color-adjust: none; }`,
  ...CHART_COLORS.map((c, i) => `.chart-legend .swatch.series-${i} { background: ${c}; }`),
  `.chart-table { border-collapse: collapse; margin: 0.5rem 0; }`,
  `.chart-table th, .chart-table td { border: 1px solid ${GRID_COLOR}; padding: 0.25rem 0.5rem; }`,
  `.chart-table td { text-align: right; font-variant-numeric: tabular-nums; }`,
].join("\n");

export interface ChartSeries {
  label: string;
  values: number[];
  /** A CSS class for the colour; default "series-<index>". Only letters, digits, "-" and "_". */
  colorClass?: string;
}

export interface BarChartInput {
  title: string;
  description: string;
  series: ChartSeries[];
  categories: string[];
  /** "stacked" (default) puts the series on top of each other, "grouped" side by side. */
  layout?: "stacked" | "grouped";
  /** Base for the ids of <title> and <desc>; default a counter. */
  id?: string;
  /** Show every n-th category label (default: so that about 12 labels fit). */
  labelEvery?: number;
}

let counter = 0;
function chartId(id: string | undefined): string {
  const clean = id?.replace(/[^A-Za-z0-9_-]/g, "");
  return clean ? clean : `chart-${++counter}`;
}

function seriesClass(s: { colorClass?: string | undefined }, i: number): string {
  return s.colorClass && /^[A-Za-z0-9_-]+$/.test(s.colorClass) ? s.colorClass : `series-${i % CHART_COLORS.length}`;
}

/** A finite, non-negative number (NaN, Infinity and negatives become 0). */
function safe(n: number | undefined): number {
  return typeof n === "number" && Number.isFinite(n) && n > 0 ? n : 0;
}

/** Rounds for SVG attributes: never NaN, one decimal. */
function px(n: number): number {
  return Number.isFinite(n) ? Math.round(n * 10) / 10 : 0;
}

/** Ticks from 0 to a round maximum ≥ max (steps of 1, 2 or 5 × 10^n), about `count` of them. */
export function niceTicks(max: number, count = 4): number[] {
  const top = safe(max);
  if (top === 0) return [0, 1];
  const rough = top / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const whole = Math.max(1, Math.round(step)); // counts: never a fractional step
  const ticks: number[] = [];
  for (let t = 0; t < top + whole; t += whole) ticks.push(t);
  return ticks;
}

function formatNumber(n: number): string {
  return new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1 }).format(n);
}

/** Columns per category (e.g. per day), stacked or grouped, with a value axis and category labels. */
export function barChart(input: BarChartInput): SafeHtml {
  const id = chartId(input.id);
  const layout = input.layout ?? "stacked";
  const categories = input.categories;
  const series = input.series;
  const n = categories.length;

  const width = 720;
  const height = 280;
  const margin = { top: 16, right: 16, bottom: 44, left: 48 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;

  const value = (s: ChartSeries, c: number) => safe(s.values[c]);
  const max =
    layout === "stacked"
      ? Math.max(0, ...categories.map((_, c) => series.reduce((sum, s) => sum + value(s, c), 0)))
      : Math.max(0, ...series.flatMap((s) => categories.map((_, c) => value(s, c))));
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1] ?? 1;
  const y = (v: number) => margin.top + plotH - (v / top) * plotH;

  const slot = n > 0 ? plotW / n : plotW;
  const barW = Math.max(1, slot * 0.7);
  const every = Math.max(1, input.labelEvery ?? Math.ceil(n / 12));

  const grid = ticks.map(
    (
      t,
    ) => html`<line class="grid" x1="${margin.left}" x2="${width - margin.right}" y1="${px(y(t))}" y2="${px(y(t))}"></line>
<text x="${margin.left - 6}" y="${px(y(t) + 4)}" text-anchor="end" font-size="12">${formatNumber(t)}</text>`,
  );

  const bars = categories.map((category, c) => {
    const x0 = margin.left + c * slot + (slot - barW) / 2;
    if (layout === "grouped") {
      const w = series.length > 0 ? barW / series.length : barW;
      return series.map((s, i) => {
        const v = value(s, c);
        if (v === 0) return null;
        return html`<rect class="bar ${seriesClass(s, i)}" x="${px(x0 + i * w)}" y="${px(y(v))}" width="${px(w)}" height="${px(y(0) - y(v))}"><title>${s.label}, ${category}: ${formatNumber(v)}</title></rect>`;
      });
    }
    let base = 0;
    return series.map((s, i) => {
      const v = value(s, c);
      if (v === 0) return null;
      const rect = html`<rect class="bar ${seriesClass(s, i)}" x="${px(x0)}" y="${px(y(base + v))}" width="${px(barW)}" height="${px(y(base) - y(base + v))}"><title>${s.label}, ${category}: ${formatNumber(v)}</title></rect>`;
      base += v;
      return rect;
    });
  });

  const labels = categories.map((category, c) =>
    c % every === 0
      ? html`<text x="${px(margin.left + c * slot + slot / 2)}" y="${height - margin.bottom + 18}" text-anchor="middle" font-size="12">${category}</text>`
      : null,
  );
  const empty =
    n === 0 || series.length === 0
      ? html`<text x="${width / 2}" y="${px(margin.top + plotH / 2)}" text-anchor="middle" font-size="12">Geen gegevens</text>`
      : null;

  return chartSvg(
    { id, title: input.title, description: input.description, width, height },
    html`${grid}
${bars}
<line class="axis" x1="${margin.left}" x2="${width - margin.right}" y1="${px(y(0))}" y2="${px(y(0))}"></line>
<line class="axis" x1="${margin.left}" x2="${margin.left}" y1="${margin.top}" y2="${px(y(0))}"></line>
${labels}
${empty}`,
  );
}

/**
 * The frame of every chart: an <svg role="img"> named by its own <title> and <desc>, with the drawing hidden from
 * screen readers (the table next to the chart has the numbers).
 */
function chartSvg(
  frame: { id: string; title: string; description: string; width: number; height: number },
  drawing: SafeHtml,
): SafeHtml {
  const { id, width, height } = frame;
  return html`<svg class="chart" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">
<title id="${id}-title">${frame.title}</title>
<desc id="${id}-desc">${frame.description}</desc>
<g aria-hidden="true">
${drawing}
</g>
</svg>`;
}

/** The colour key of a chart, as an HTML list (next to or above the chart). */
export function chartLegend(series: ReadonlyArray<{ label: string; colorClass?: string }>): SafeHtml {
  return html`<ul class="chart-legend">${series.map(
    (s, i) => html`<li><span class="swatch ${seriesClass(s, i)}" aria-hidden="true"></span>${s.label}</li>`,
  )}</ul>`;
}

export interface HorizontalBarsInput {
  title: string;
  description: string;
  items: { label: string; value: number }[];
  id?: string;
  colorClass?: string;
}

/** One horizontal bar per item (e.g. the most given answers), label left and value right of the bar. */
export function horizontalBars(input: HorizontalBarsInput): SafeHtml {
  const id = chartId(input.id);
  const items = input.items;
  const width = 720;
  const labelW = 300;
  const valueW = 56;
  const rowH = 28;
  const top = 8;
  const height = top * 2 + Math.max(1, items.length) * rowH;
  const barMax = width - labelW - valueW - 16;
  const max = Math.max(0, ...items.map((i) => safe(i.value)));
  const cls = seriesClass({ colorClass: input.colorClass }, 0);

  const rows = items.map((item, i) => {
    const v = safe(item.value);
    const w = max > 0 ? (v / max) * barMax : 0;
    const yMid = top + i * rowH + rowH / 2;
    const label = item.label.length > 38 ? `${item.label.slice(0, 37)}…` : item.label;
    return html`<text x="${labelW - 8}" y="${px(yMid + 4)}" text-anchor="end" font-size="12">${label}</text>
<rect class="bar ${cls}" x="${labelW}" y="${px(yMid - 9)}" width="${px(w)}" height="18"><title>${item.label}: ${formatNumber(v)}</title></rect>
<text x="${px(labelW + w + 6)}" y="${px(yMid + 4)}" font-size="12">${formatNumber(v)}</text>`;
  });
  const empty =
    items.length === 0
      ? html`<text x="${width / 2}" y="${px(top + rowH / 2 + 4)}" text-anchor="middle" font-size="12">Geen gegevens</text>`
      : null;

  return chartSvg(
    { id, title: input.title, description: input.description, width, height },
    html`<line class="axis" x1="${labelW}" x2="${labelW}" y1="${top}" y2="${height - top}"></line>
${rows}
${empty}`,
  );
}

/**
 * The data of a barChart as a table: one row per category, one column per series, plus a total column
 * when there is more than one series. Render it with the chart (WCAG 1.1.1: the numbers in text).
 */
export function chartTable(input: {
  caption: string;
  categoryHeader: string;
  categories: string[];
  series: ReadonlyArray<{ label: string; values: number[] }>;
  totalHeader?: string;
}): SafeHtml {
  const withTotal = input.series.length > 1;
  const totalHeader = input.totalHeader ?? "Totaal";
  const rows = input.categories.map((category, c) => {
    const values = input.series.map((s) => safe(s.values[c]));
    const total = values.reduce((a, b) => a + b, 0);
    return html`<tr><th scope="row">${category}</th>${values.map((v) => html`<td>${formatNumber(v)}</td>`)}${
      withTotal ? html`<td>${formatNumber(total)}</td>` : null
    }</tr>`;
  });
  return html`<table class="chart-table"><caption>${input.caption}</caption>
<thead><tr><th scope="col">${input.categoryHeader}</th>${input.series.map((s) => html`<th scope="col">${s.label}</th>`)}${
    withTotal ? html`<th scope="col">${totalHeader}</th>` : null
  }</tr></thead>
<tbody>${rows.length > 0 ? rows : html`<tr><td colspan="${input.series.length + (withTotal ? 2 : 1)}">Geen gegevens</td></tr>`}</tbody>
</table>`;
}

/** The data of horizontalBars as a two-column table. */
export function itemsTable(input: {
  caption: string;
  labelHeader: string;
  valueHeader: string;
  items: ReadonlyArray<{ label: string; value: number }>;
}): SafeHtml {
  const rows = input.items.map(
    (i) => html`<tr><th scope="row">${i.label}</th><td>${formatNumber(safe(i.value))}</td></tr>`,
  );
  return html`<table class="chart-table"><caption>${input.caption}</caption>
<thead><tr><th scope="col">${input.labelHeader}</th><th scope="col">${input.valueHeader}</th></tr></thead>
<tbody>${rows.length > 0 ? rows : html`<tr><td colspan="2">Geen gegevens</td></tr>`}</tbody>
</table>`;
}
