/// <reference lib="dom" />
// The widget's few DOM helpers. All text reaches the DOM through text nodes (textContent, createTextNode,
// append(string)); nothing is ever parsed as HTML.

import { text as t } from "./strings.js";

export type Child = Node | string;

export interface Dom {
  doc: Document;
  /** An element with attributes and children; strings become text nodes. */
  h: <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    attrs?: Record<string, string>,
    ...children: Child[]
  ) => HTMLElementTagNameMap[K];
  /** Text for screen readers only. */
  srOnly: (s: string) => HTMLElement;
  /** An id unique within the widget ("ow-label-3"). */
  nextId: (prefix: string) => string;
  /** A link that opens in a new tab, and says so to screen readers. */
  externalLink: (href: string, label: string) => HTMLAnchorElement;
}

export function createDom(doc: Document): Dom {
  let idCounter = 0;
  function h<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    attrs: Record<string, string> = {},
    ...children: Child[]
  ): HTMLElementTagNameMap[K] {
    const el = doc.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
    el.append(...children); // strings become text nodes
    return el;
  }
  const srOnly = (s: string) => h("span", { class: "sr-only" }, s);
  return {
    doc,
    h,
    srOnly,
    nextId: (prefix) => `ow-${prefix}-${++idCounter}`,
    externalLink: (href, label) =>
      h("a", { href, target: "_blank", rel: "noopener noreferrer" }, label, srOnly(t.newTab)),
  };
}

/** The launcher's speech-bubble icon. */
export function chatIcon(doc: Document): SVGSVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const svg = doc.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const path = doc.createElementNS(ns, "path");
  path.setAttribute(
    "d",
    "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z",
  );
  svg.appendChild(path);
  return svg;
}

/**
 * Constructed stylesheets are not blocked by a host page's Content-Security-Policy style-src the way a <style>
 * element can be; the <style> element is the fallback for browsers without them.
 */
export function adoptStyles(shadow: ShadowRoot, styles: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(styles);
    shadow.adoptedStyleSheets = [sheet];
    return;
  } catch {
    // Fall through to a <style> element.
  }
  const style = shadow.ownerDocument.createElement("style");
  style.textContent = styles;
  shadow.appendChild(style);
}
