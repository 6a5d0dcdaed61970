import { describe, expect, it } from "vitest";
import {
  BOT_BUBBLE_BACKGROUND,
  chooseThemeColor,
  contrastRatio,
  DEFAULT_THEME_COLOR,
  parseHexColor,
} from "../../src/widget/contrast.js";

const rgb = (hex: string) => parseHexColor(hex)!;

describe("theme colour contrast", () => {
  it("computes WCAG contrast ratios", () => {
    expect(contrastRatio(rgb("#000"), rgb("#fff"))).toBeCloseTo(21, 5);
    expect(contrastRatio(rgb("#fff"), rgb("#fff"))).toBe(1);
    // #767676 on white is the well-known 4.54:1 edge of AA.
    expect(contrastRatio(rgb("#767676"), rgb("#ffffff"))).toBeCloseTo(4.54, 2);
  });

  it("keeps a dark colour the host page gives", () => {
    expect(chooseThemeColor("#6A2C70")).toMatchObject({ color: "#6a2c70", accepted: true });
    expect(chooseThemeColor("0b6e4f")).toMatchObject({ color: "#0b6e4f", accepted: true });
  });

  it("falls back to the default when white text on the colour would be hard to read", () => {
    for (const light of ["#ffd700", "#ffffff", "#88c", "#7a7a7a"]) {
      expect(chooseThemeColor(light), light).toMatchObject({
        color: DEFAULT_THEME_COLOR,
        accepted: false,
        reason: "low-contrast",
      });
    }
  });

  it("falls back when the value is missing or not a colour", () => {
    expect(chooseThemeColor(undefined)).toMatchObject({ color: DEFAULT_THEME_COLOR, reason: "missing" });
    expect(chooseThemeColor("red; background:url(x)")).toMatchObject({ color: DEFAULT_THEME_COLOR, reason: "invalid" });
  });

  it("the default itself passes on white and on the bubble background", () => {
    const d = rgb(DEFAULT_THEME_COLOR);
    expect(contrastRatio(d, rgb("#ffffff"))).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(d, rgb(BOT_BUBBLE_BACKGROUND))).toBeGreaterThanOrEqual(4.5);
  });

  it("anything accepted reaches 4.5:1 against white and the bubble background", () => {
    for (let i = 0; i < 4096; i++) {
      const hex = `#${(i * 4099).toString(16).padStart(6, "0").slice(-6)}`;
      const choice = chooseThemeColor(hex);
      if (!choice.accepted) continue;
      expect(contrastRatio(rgb(choice.color), rgb("#ffffff"))).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(rgb(choice.color), rgb(BOT_BUBBLE_BACKGROUND))).toBeGreaterThanOrEqual(4.5);
    }
  });
});
