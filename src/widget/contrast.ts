/// <reference lib="dom" />
// Colour contrast as defined by WCAG 2.1 (relative luminance), used to check the theme colour a host page gives
// with data-color. Pure functions: no DOM access, so they run (and are tested) in Node as well.

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** The colour used when the host page gives none, or one that fails the contrast check. */
export const DEFAULT_THEME_COLOR = "#1b4d89";
/** Background of the chatbot's message bubbles; theme-coloured links and buttons sit on it. */
export const BOT_BUBBLE_BACKGROUND = "#f1f3f6";
/** Staff replies: a light green bubble with a dark green edge and label, apart from the chatbot's grey. */
export const STAFF_BUBBLE_BACKGROUND = "#eaf5ee";
export const STAFF_ACCENT = "#1d5c33";
/** Body text colour of the widget (styles.ts --ow-text). */
export const TEXT_COLOR = "#1a1a1a";
export const WHITE = "#ffffff";
/** WCAG 2.1 AA minimum for normal text (1.4.3). */
export const MIN_TEXT_CONTRAST = 4.5;

const HEX = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** Parses "#rgb" or "#rrggbb" (the "#" may be left out); null for anything else. */
export function parseHexColor(input: string): Rgb | null {
  const match = HEX.exec(input.trim());
  if (!match) return null;
  let hex = match[1] ?? "";
  // Hex digits only (the pattern checked it), so code units are characters.
  if (hex.length === 3) hex = hex.replace(/./g, (c) => c + c);
  const n = Number.parseInt(hex, 16);
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
}

/** One of the colour constants above, as Rgb (a bug when it does not parse). */
function constantRgb(hex: string): Rgb {
  const rgb = parseHexColor(hex);
  if (!rgb) throw new Error(`widget: the colour constant ${hex} is not a hex colour`);
  return rgb;
}

export function toHex({ r, g, b }: Rgb): string {
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, "0")).join("")}`;
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance({ r, g, b }: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** Contrast ratio between two colours, 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

export interface ThemeColorChoice {
  /** The colour to use, as "#rrggbb". */
  color: string;
  /** Whether the requested colour is used. */
  accepted: boolean;
  /** Why the requested colour was not used. */
  reason?: "missing" | "invalid" | "low-contrast";
  /** Lowest contrast of the requested colour against white text and the bubble background (0 when unparsable). */
  contrast: number;
}

/**
 * Picks the theme colour: the requested one when white text on it, and it as text on white and on the bubble
 * background, all reach 4.5:1; otherwise the default dark colour.
 *
 * @example chooseThemeColor("#ffd700") // { color: "#1b4d89", accepted: false, reason: "low-contrast", ... }
 */
export function chooseThemeColor(requested: string | null | undefined): ThemeColorChoice {
  const fallback = (reason: ThemeColorChoice["reason"], contrast: number): ThemeColorChoice => ({
    color: DEFAULT_THEME_COLOR,
    accepted: false,
    reason,
    contrast,
  });
  if (requested == null || requested.trim() === "") return fallback("missing", 0);
  const rgb = parseHexColor(requested);
  if (!rgb) return fallback("invalid", 0);
  const contrast = Math.min(
    contrastRatio(rgb, constantRgb(WHITE)),
    contrastRatio(rgb, constantRgb(BOT_BUBBLE_BACKGROUND)),
  );
  if (contrast < MIN_TEXT_CONTRAST) return fallback("low-contrast", contrast);
  return { color: toHex(rgb), accepted: true, contrast };
}

/** The light palette (styles.ts), named for the contrast tests. */
export const LIGHT_THEME = {
  background: WHITE,
  text: TEXT_COLOR,
  muted: "#4a5260",
  bubble: BOT_BUBBLE_BACKGROUND,
  /** Input borders and other edges that must stand out (3:1). */
  border: "#6b7280",
  danger: "#a4131c",
  staffBubble: STAFF_BUBBLE_BACKGROUND,
  staffAccent: STAFF_ACCENT,
} as const;

/**
 * The dark palette, used when the system asks for it (prefers-color-scheme: dark). The host's theme colour stays
 * the background of the header, the launcher and the parent's messages (white text on it reaches 4.5:1); links,
 * focus rings and outlined buttons use `link`, a light blue that reads on every dark background here.
 */
export const DARK_THEME = {
  background: "#16181b",
  text: "#eceef1",
  muted: "#b8bfc9",
  bubble: "#262a30",
  border: "#8d96a3",
  danger: "#ff9e9e",
  link: "#9fc6ff",
  staffBubble: "#17301f",
  staffAccent: "#8fd8a6",
} as const;
