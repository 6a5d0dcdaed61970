/// <reference lib="dom" />
// Entry point of widget.js. A site embeds it with one tag:
//   <script src="https://HOST/widget.js" defer data-title="…" data-color="#1b4d89" data-position="right"
//           data-greeting="…"></script>
// data-poll-seconds="5" overrides how often the widget asks for a staff member's replies (kept within 2..60).
// The launcher is reachable early in the page's tab order: by default a skip button ("Naar de chatbot") comes
// first in the page, visible when it has focus; data-placement="start" puts the widget itself first in the page
// instead, and data-skip-link="off" leaves the skip button out.
// The API is found next to the script itself, so the widget works when embedded on any (allowed) origin.

import { createApiClient } from "./api.js";
import { chooseThemeColor } from "./contrast.js";
import { browserLocalStorage, browserSessionStorage, createWidgetSession } from "./session.js";
import { text } from "./strings.js";
import { mountSkipLink } from "./skip.js";
import { createWidget, type WidgetOptions } from "./widget.js";

const HOST_TAG = "ouderwijzer-chat";
const SKIP_TAG = "ouderwijzer-skip";
const DEFAULT_MAX_CHARS = 1000;
const REQUEST_TIMEOUT_MS = 20_000;

// document.currentScript is only set while this script first runs, so read it now.
const currentScript = document.currentScript;

function ownScript(): HTMLScriptElement | null {
  if (currentScript instanceof HTMLScriptElement) return currentScript;
  const candidates = document.querySelectorAll<HTMLScriptElement>('script[src*="widget.js"]');
  return candidates[candidates.length - 1] ?? null;
}

function clean(value: string | undefined, maxLength: number): string | null {
  const trimmed = value?.replace(/\s+/g, " ").trim();
  return trimmed ? trimmed.slice(0, maxLength) : null;
}

/** The folder widget.js was loaded from (API paths resolve against it), or a data-api override. */
function apiBase(script: HTMLScriptElement | null): string {
  const fromScript = new URL(".", script?.src || document.baseURI).href;
  const override = script?.dataset.api;
  if (!override) return fromScript;
  try {
    const url = new URL(override, fromScript);
    if (url.protocol === "https:" || url.protocol === "http:")
      return url.href.endsWith("/") ? url.href : `${url.href}/`;
  } catch {
    // Ignore a malformed override.
  }
  return fromScript;
}

function readOptions(script: HTMLScriptElement | null, base: string): WidgetOptions {
  const data = script?.dataset ?? {};
  const theme = chooseThemeColor(data.color);
  if (data.color && !theme.accepted) {
    console.warn(
      `ouderwijzer widget: data-color ${theme.reason === "invalid" ? "is not a #rrggbb colour" : `has too little contrast (${theme.contrast.toFixed(2)}:1, needs 4.5:1)`}; using ${theme.color}`,
    );
  }
  const maxChars = Number.parseInt(data.maxLength ?? "", 10);
  const pollSeconds = Number(data.pollSeconds || Number.NaN);
  return {
    title: clean(data.title, 80) ?? text.defaultTitle,
    greeting: clean(data.greeting, 400) ?? text.defaultGreeting,
    color: theme.color,
    position: data.position === "left" ? "left" : "right",
    maxChars: Number.isInteger(maxChars) && maxChars >= 10 && maxChars <= 10_000 ? maxChars : DEFAULT_MAX_CHARS,
    privacyUrl: data.privacy === "" ? null : new URL(data.privacy ?? "privacy.html", base).href,
    pollSeconds: pollSeconds > 0 && pollSeconds < Infinity ? pollSeconds : null,
  };
}

function mount(): void {
  if (document.querySelector(HOST_TAG)) return; // included twice
  const script = ownScript();
  const base = apiBase(script);
  const options = readOptions(script, base);
  const host = document.createElement(HOST_TAG);
  const shadow = host.attachShadow({ mode: "open" });
  const session = createWidgetSession(
    browserSessionStorage(),
    `ouderwijzer:${new URL(base).origin}`,
    browserLocalStorage(),
  );
  const api = createApiClient({ baseUrl: base, timeoutMs: REQUEST_TIMEOUT_MS, fetch: window.fetch.bind(window) });
  const widget = createWidget(shadow, options, { api, session });
  const data = script?.dataset ?? {};
  if (data.placement === "start") {
    document.body.prepend(host);
  } else {
    document.body.appendChild(host);
    if (data.skipLink !== "off" && !document.querySelector(SKIP_TAG))
      mountSkipLink(document, SKIP_TAG, options.color, () => widget.focus());
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount, { once: true });
else mount();
