/// <reference lib="dom" />
// A skip link for the launcher. The widget is added at the end of the page, so the launcher is the last stop when
// a parent tabs through the site; this button is the first, hidden until it has focus (as a site's own "skip to
// content" link), and moves focus to the chatbot. Its own shadow root keeps the site's styles out.

import { text as t } from "./strings.js";

const SKIP_CSS = `
:host { all: initial; }
button {
  position: fixed; z-index: 2147483001; top: .5em; left: .5em; padding: .6em 1em;
  font: 600 1em/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #fff; background: var(--ow-color); border: 2px solid #fff; border-radius: .4em;
  outline: 3px solid var(--ow-color); outline-offset: 2px; cursor: pointer;
}
button:not(:focus) {
  width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; border: 0; outline: 0;
}
`;

/** Puts the skip button first in the page's body; `go` moves focus to the widget. Returns the host element. */
export function mountSkipLink(doc: Document, tag: string, color: string, go: () => void): HTMLElement {
  const host = doc.createElement(tag);
  const shadow = host.attachShadow({ mode: "open" });
  const button = doc.createElement("button");
  button.type = "button";
  button.lang = "nl";
  button.textContent = t.skipLink;
  button.style.setProperty("--ow-color", color);
  button.addEventListener("click", go);
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(SKIP_CSS);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    const style = doc.createElement("style");
    style.textContent = SKIP_CSS;
    shadow.appendChild(style);
  }
  shadow.appendChild(button);
  doc.body.prepend(host);
  return host;
}
