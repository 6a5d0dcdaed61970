import escapeHtml from "escape-html";

// Server-side HTML for the console: every interpolated value is escaped unless it is already SafeHtml
// (built by this same template tag). Parent text therefore always reaches the page as text (docs/RELIABILITY.md C-05).

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

/** `html\`<p>${text}</p>\``: a template whose values are escaped (arrays are joined, null/false/undefined skipped). */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? "");
  });
  return new SafeHtml(out);
}

/** Markup produced by trusted code outside the template tag (e.g. a number formatted into an SVG path). */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
