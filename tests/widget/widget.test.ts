// The chat widget in real headless Chromium (Debian's package, driven by playwright-core) against the real
// service (startService: SQLite in a temp folder, the real knowledge base). Nothing in between is faked, except
// where a test says it replaces one API answer to simulate a failure or a hostile reply.

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startService, type RunningService } from "../../src/web/start.js";
import { contrastRatio, type Rgb } from "../../src/widget/contrast.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `\n[tests/widget] SKIPPED: no Chromium at ${CHROMIUM}. Install it with scripts/ensure-chromium.sh (or set CHROMIUM_PATH).\n`,
  );
}

const SCREENSHOT = join(repoRoot, "tests", "artifacts", "widget-open.png");
const DEFAULT_COLOR_RGB = "rgb(27, 77, 137)"; // #1b4d89, contrast.ts DEFAULT_THEME_COLOR
const XSS = "<img src=x onerror=alert(1)>";

const W = "ouderwijzer-chat"; // the widget's host element; Playwright's CSS selectors pierce its open shadow root
const sel = {
  launcher: `${W} .launcher`,
  panel: `${W} .panel`,
  input: `${W} textarea#ow-input`,
  log: `${W} [role="log"]`,
  replies: `${W} .msg-bot:not([data-welcome])`,
  welcome: `${W} .msg-bot[data-welcome]`,
  parents: `${W} .msg-parent`,
  error: `${W} #ow-error`,
  status: `${W} .status`,
};

describe.skipIf(!hasChromium)("chat widget in Chromium against the real service", () => {
  let service: RunningService;
  let browser: Browser;
  let dataDir: string;
  let hostSite: Server;
  let hostOrigin: string;
  /** What beforeAll started, closed in reverse order (beforeAll may fail half-way). */
  const started: Array<() => unknown> = [];

  beforeAll(async () => {
    execFileSync(process.execPath, [join(repoRoot, "scripts", "build-widget.mjs"), "--quiet"], { stdio: "inherit" });
    // Another site that embeds the widget: a different origin (other port), allowed by WIDGET_ORIGINS.
    hostSite = createServer((req, res) => {
      if (req.url !== "/") {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      res.end(hostPage(service.url));
    });
    await new Promise<void>((done) => hostSite.listen(0, "127.0.0.1", done));
    started.push(() => new Promise((done) => hostSite.close(done)));
    hostOrigin = `http://127.0.0.1:${(hostSite.address() as AddressInfo).port}`;

    dataDir = mkdtempSync(join(tmpdir(), "widget-test-"));
    started.push(() => rmSync(dataDir, { recursive: true, force: true }));
    service = await startService({
      PORT: 0,
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      LOG_LEVEL: "silent",
      WIDGET_ORIGINS: [hostOrigin],
      RATE_LIMIT_PER_MINUTE: 1000,
    });
    started.push(() => service.close());
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    started.push(() => browser.close());
  }, 60_000);

  afterAll(async () => {
    for (const close of started.reverse()) await close();
  });

  /** A fresh browser profile per test (own sessionStorage), failing on any request that leaves the machine. */
  async function newPage(
    options: BrowserContextOptions = {},
  ): Promise<{ context: BrowserContext; page: Page; external: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
    const external: string[] = [];
    context.on("request", (request) => {
      const url = new URL(request.url());
      if (url.hostname !== "127.0.0.1" && url.protocol !== "data:" && url.protocol !== "about:")
        external.push(request.url());
    });
    const page = await context.newPage();
    return { context, page, external };
  }

  async function openDemo(page: Page): Promise<void> {
    await page.goto(`${service.url}/`);
    await page.locator(sel.launcher).waitFor();
  }

  /** What has keyboard focus: "launcher", an id inside the widget, or "page:<tag>" outside it. */
  const focused = (page: Page) =>
    page.evaluate((tag) => {
      const host = document.querySelector(tag);
      const active = document.activeElement;
      if (!host || active !== host) return `page:${active?.tagName.toLowerCase() ?? "none"}`;
      const inner = host.shadowRoot?.activeElement;
      return inner ? inner.id || inner.getAttribute("class") || inner.tagName.toLowerCase() : "none";
    }, W);

  /** Types a question, sends it with Enter and waits for the next chatbot reply. */
  async function ask(page: Page, question: string) {
    const replies = page.locator(sel.replies);
    const before = await replies.count();
    await page.locator(sel.input).fill(question);
    await page.locator(sel.input).press("Enter");
    await replies.nth(before).waitFor({ timeout: 10_000 });
    return replies.nth(before);
  }

  /** The focused widget element's outline and the background it is drawn on (nearest opaque ancestor). */
  const focusRing = async (page: Page): Promise<{ style: string; width: number; color: Rgb; background: Rgb }> => {
    const raw = await page.evaluate((tag) => {
      const el = document.querySelector(tag)!.shadowRoot!.activeElement!;
      const cs = getComputedStyle(el);
      let background = "rgb(255, 255, 255)";
      for (let p = el.parentElement; p; p = p.parentElement) {
        const b = getComputedStyle(p).backgroundColor;
        if (b !== "transparent" && !b.startsWith("rgba(0, 0, 0, 0")) {
          background = b;
          break;
        }
      }
      return { style: cs.outlineStyle, width: cs.outlineWidth, color: cs.outlineColor, background };
    }, W);
    const rgb = (css: string): Rgb => {
      const [r = 0, g = 0, b = 0] = (css.match(/\d+(\.\d+)?/g) ?? []).map(Number);
      return { r, g, b };
    };
    return {
      style: raw.style,
      width: Number.parseFloat(raw.width),
      color: rgb(raw.color),
      background: rgb(raw.background),
    };
  };

  const sessionKeys = (page: Page) =>
    page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith("ouderwijzer")));
  const storedConversationId = (page: Page) =>
    page.evaluate(() => {
      const key = Object.keys(sessionStorage).find((k) => k.startsWith("ouderwijzer") && k.endsWith(":conversation"));
      return key ? sessionStorage.getItem(key) : null;
    });

  it("keyboard only: opens, answers a TLV question with a citation and suggestions, follows one, survives a reload and erases", async () => {
    const { context, page, external } = await newPage();
    try {
      await openDemo(page);
      // The transcript is a polite live region from the start, before any message is added.
      expect(await page.locator(sel.log).getAttribute("aria-live")).toBe("polite");
      expect(await page.locator(`${W} .root`).getAttribute("lang")).toBe("nl");

      // Tab from the top of the page to the launcher, then open it with Enter.
      for (let i = 0; i < 40 && (await focused(page)) !== "launcher"; i++) await page.keyboard.press("Tab");
      expect(await focused(page)).toBe("launcher");
      expect(await page.locator(sel.launcher).getAttribute("aria-expanded")).toBe("false");
      await page.keyboard.press("Enter");
      expect(await focused(page)).toBe("ow-input");
      expect(await page.locator(sel.panel).isVisible()).toBe(true);

      // The first message says plainly that this is a chatbot, not a person, and how to reach a person.
      const welcome = (await page.locator(sel.welcome).textContent()) ?? "";
      expect(welcome).toContain("geen mens");
      expect(welcome).toMatch(/met een mens praten/i);
      expect(welcome).toContain("0800-5010");

      await page.keyboard.type("Wat is een TLV?");
      await page.keyboard.press("Enter");
      const answer = page.locator(sel.replies).first();
      await answer.waitFor({ timeout: 10_000 });
      expect(await answer.getAttribute("data-kind")).toBe("answer");
      expect(await answer.locator(".text").textContent()).toContain("toelaatbaarheidsverklaring");
      expect(await answer.locator(".text strong").count()).toBeGreaterThan(0); // **bold** became <strong>
      expect(await answer.locator(".text li").count()).toBeGreaterThan(0); // "- " became a list
      expect(await answer.locator(".steps li").count()).toBeGreaterThan(0);
      const link = answer.locator(".sources a").first();
      expect(await link.getAttribute("href")).toMatch(/^https:\/\//);
      expect(await link.getAttribute("rel")).toBe("noopener noreferrer");
      expect(await link.getAttribute("target")).toBe("_blank");
      expect(await link.textContent()).toContain("Wat is passend onderwijs?");
      const suggestions = answer.locator("button.suggestion");
      expect(await suggestions.count()).toBeGreaterThan(0);
      expect(await page.locator(sel.parents).first().textContent()).toContain("Wat is een TLV?");
      expect(await focused(page)).toBe("ow-input"); // focus stays where the parent types
      expect(await page.locator(sel.input).inputValue()).toBe("");

      mkdirSync(dirname(SCREENSHOT), { recursive: true });
      await page.evaluate(() => window.scrollTo(0, 0)); // Tabbing to the launcher scrolled the page down
      await page.screenshot({ path: SCREENSHOT });

      // A suggestion sends that question and gets a second answer.
      const suggestion = ((await suggestions.first().textContent()) ?? "").trim();
      await suggestions.first().click();
      await page.locator(sel.replies).nth(1).waitFor({ timeout: 10_000 });
      expect(await page.locator(sel.parents).nth(1).textContent()).toContain(suggestion);
      const conversationId = await storedConversationId(page);
      expect(conversationId).toMatch(/^[0-9a-f-]{36}$/);

      // Reload: the conversation comes back, with citations and suggestions drawn again.
      await page.reload();
      await page.locator(sel.launcher).click();
      await page.locator(sel.parents).nth(1).waitFor({ timeout: 10_000 });
      expect(await page.locator(sel.parents).count()).toBe(2);
      expect(await page.locator(sel.parents).first().textContent()).toContain("Wat is een TLV?");
      expect(await page.locator(sel.replies).count()).toBe(2);
      const restored = page.locator(sel.replies).first();
      expect(await restored.locator(".text").textContent()).toContain("toelaatbaarheidsverklaring");
      expect(await restored.locator(".sources a").count()).toBeGreaterThan(0);
      expect(await restored.locator("button.suggestion").count()).toBeGreaterThan(0);
      expect(await storedConversationId(page)).toBe(conversationId);

      // Nothing in localStorage, and no parent text in sessionStorage (it comes back from the service).
      expect(await page.evaluate(() => localStorage.length)).toBe(0);
      expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain("Wat is een TLV?");

      // "Gesprek wissen" erases it at the service and in the browser.
      await page.getByRole("button", { name: "Gesprek wissen" }).click();
      await expect.poll(() => page.locator(sel.parents).count()).toBe(0);
      expect(await page.locator(sel.replies).count()).toBe(0);
      expect(await page.locator(sel.status).textContent()).toContain("gewist");
      expect(await sessionKeys(page)).toEqual([]);
      expect(await focused(page)).toBe("ow-input");
      const gone = await fetch(`${service.url}/api/conversations/${conversationId}`);
      expect(gone.status).toBe(404);
      expect(await service.stores.conversations.exists(conversationId!)).toBe(false);

      // After a reload nothing comes back either.
      await page.reload();
      await page.locator(sel.launcher).click();
      expect(await page.locator(sel.parents).count()).toBe(0);

      expect(external).toEqual([]); // no third-party requests, no web fonts
    } finally {
      await context.close();
    }
  });

  it("restores from the service's transcript alone when the browser's copy of the replies is gone", async () => {
    const { context, page } = await newPage();
    try {
      await openDemo(page);
      await page.locator(sel.launcher).click();
      await ask(page, "Wat is een TLV?");
      await page.evaluate(() => {
        for (const key of Object.keys(sessionStorage)) if (key.endsWith(":replies")) sessionStorage.removeItem(key);
      });
      await page.reload();
      await page.locator(sel.launcher).click();
      const restored = page.locator(sel.replies).first();
      await restored.waitFor({ timeout: 10_000 });
      expect(await page.locator(sel.parents).first().textContent()).toContain("Wat is een TLV?");
      expect(await restored.locator(".text").textContent()).toContain("toelaatbaarheidsverklaring");
      expect(await restored.locator(".text strong").count()).toBeGreaterThan(0);
      // The conversation goes on in the same conversation after the restore.
      const id = await storedConversationId(page);
      await ask(page, "Hoe maak ik bezwaar tegen een TLV?");
      expect(await storedConversationId(page)).toBe(id);
      expect(await page.locator(sel.parents).count()).toBe(2);
    } finally {
      await context.close();
    }
  });

  it(`shows a question containing ${XSS} as text and runs nothing`, async () => {
    const { context, page } = await newPage();
    try {
      const dialogs: string[] = [];
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await openDemo(page);
      await page.locator(sel.launcher).click();
      const question = `Mijn vraag ${XSS} en <script>alert(2)</script>`;
      await ask(page, question);
      expect(await page.locator(sel.parents).first().textContent()).toContain(question);
      const counts = await page.evaluate((tag) => {
        const shadow = document.querySelector(tag)!.shadowRoot!;
        return {
          img: shadow.querySelectorAll("img").length,
          script: shadow.querySelectorAll("script").length,
          pageImg: document.querySelectorAll("img").length,
        };
      }, W);
      expect(counts).toEqual({ img: 0, script: 0, pageImg: 0 });
      await page.waitForTimeout(300); // an onerror handler would have fired by now
      expect(dialogs).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("renders a hostile reply as text: no markup, no javascript: links (reply replaced in the browser)", async () => {
    const { context, page } = await newPage();
    try {
      const dialogs: string[] = [];
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      let release = () => {};
      const held = new Promise<void>((done) => (release = done));
      await page.route("**/api/chat", async (route) => {
        await held; // hold the answer back to see the typing indicator
        await route.fulfill({
          status: 200,
          contentType: "application/json",
          body: JSON.stringify({
            conversationId: "0b0e9a52-9a1f-4c1e-8f4e-7b9c2d1e0f11",
            reply: {
              kind: "answer",
              text: `Hallo ${XSS}\n- <script>alert(2)</script>\n**<svg onload=alert(3)>**\n\n<a href="javascript:alert(4)">klik</a>`,
              answerId: "x",
              confidence: 1,
              citations: [
                { sourceId: "a", title: "<b>Bron</b>", section: "<i>1</i>", url: "javascript:alert(5)" },
                { sourceId: "b", title: "Goede bron", section: "2", url: "https://example.org/bron" },
                { sourceId: "c", title: "Onveilige bron", section: "3", url: "http://example.org/bron" },
              ],
              nextSteps: ["<img src=x onerror=alert(6)>"],
              suggestions: ['"><img src=x onerror=alert(7)>'],
            },
          }),
        });
      });
      await openDemo(page);
      await page.locator(sel.launcher).click();
      await page.locator(sel.input).fill("Hallo");
      await page.locator(sel.input).press("Enter");
      // While the answer is on its way, a status message says so (role="status", announced politely).
      await expect
        .poll(() => page.locator(`${W} [role="status"].status`).textContent())
        .toContain("zoekt een antwoord");
      release();
      const reply = page.locator(sel.replies).first();
      await reply.waitFor({ timeout: 10_000 });
      expect(await page.locator(sel.status).textContent()).toBe("");
      expect(await reply.locator(".text").textContent()).toContain(XSS);
      expect(await reply.locator(".text").textContent()).toContain("<script>alert(2)</script>");
      const dom = await page.evaluate((tag) => {
        const shadow = document.querySelector(tag)!.shadowRoot!;
        return {
          dangerous: shadow.querySelectorAll("img, script, iframe, object, embed, b, i, .msg svg").length,
          links: [...shadow.querySelectorAll(".msg a")].map((a) => a.getAttribute("href")),
        };
      }, W);
      // The only links are the source (https) and tap-to-call phone numbers (tel: with digits only).
      expect(dom.dangerous).toBe(0);
      expect(dom.links.filter((l) => !l?.startsWith("tel:"))).toEqual(["https://example.org/bron"]);
      for (const l of dom.links) expect(l).toMatch(/^(https:\/\/example\.org\/bron|tel:\d+)$/);
      expect(await reply.locator(".sources li").count()).toBe(3); // the others are listed as plain titles
      await page.waitForTimeout(300);
      expect(dialogs).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("Escape closes the panel and returns focus to the launcher; the keyboard can leave the widget both ways", async () => {
    const { context, page } = await newPage();
    try {
      await openDemo(page);
      await page.locator(sel.launcher).focus();
      await page.keyboard.press("Enter");
      expect(await focused(page)).toBe("ow-input");
      await page.keyboard.press("Escape");
      expect(await page.locator(sel.panel).isHidden()).toBe(true);
      expect(await focused(page)).toBe("launcher");
      expect(await page.locator(sel.launcher).getAttribute("aria-expanded")).toBe("false");

      // Space opens too (native button); then Tab runs through the panel and out of it: no trap.
      await page.keyboard.press("Space");
      expect(await focused(page)).toBe("ow-input");
      const seen: string[] = [];
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press("Tab");
        const now = await focused(page);
        seen.push(now);
        if (now.startsWith("page:")) break;
        // Every focused control shows a focus ring of at least 2 px with 3:1 against what surrounds it.
        const ring = await focusRing(page);
        expect(ring.style, now).not.toBe("none");
        expect(ring.width, now).toBeGreaterThanOrEqual(2);
        expect(contrastRatio(ring.color, ring.background), now).toBeGreaterThanOrEqual(3);
      }
      expect(seen).toContain("send");
      expect(seen[seen.length - 1]).toMatch(/^page:/);

      // Shift+Tab from the input goes back through the header buttons and the log, again without a trap.
      await page.locator(sel.input).focus();
      const back: string[] = [];
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press("Shift+Tab");
        const now = await focused(page);
        back.push(now);
        if (now.startsWith("page:")) break;
        const ring = await focusRing(page);
        expect(ring.style, now).not.toBe("none");
        expect(ring.width, now).toBeGreaterThanOrEqual(2);
        expect(contrastRatio(ring.color, ring.background), now).toBeGreaterThanOrEqual(3);
      }
      expect(back).toEqual(expect.arrayContaining(["suggestion"]));
      expect(back).toEqual(expect.arrayContaining(["log", "close"]));
      expect(back[back.length - 1]).toMatch(/^page:/);
    } finally {
      await context.close();
    }
  });

  it("has no serious or critical axe violations (WCAG 2.1 A/AA), closed and open with an answer", async () => {
    const { context, page } = await newPage();
    try {
      await openDemo(page);
      const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
      const check = async (state: string) => {
        const result = await new AxeBuilder({ page }).withTags(tags).analyze();
        const summary = result.violations.map(
          (v) => `${state}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
        );
        expect(
          result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id),
          summary.join("\n"),
        ).toEqual([]);
        // The project's target (docs/RELIABILITY.md section 4) is stricter still: no violations at all.
        expect(summary).toEqual([]);
        return result;
      };
      await check("closed");
      await page.locator(sel.launcher).click();
      const answer = await ask(page, "Wat is een TLV?");
      await answer.getByRole("button", { name: /^Ja/ }).waitFor();
      const open = await check("open");
      // The checks actually looked inside the widget.
      expect(JSON.stringify(open.passes)).toContain(W);
    } finally {
      await context.close();
    }
  });

  it("fits 320 px wide screens and 200 %/400 % zoom without horizontal scrolling; every control stays reachable", async () => {
    // 320×640: a phone; 320×256: 1280×1024 at 400 % zoom; 640×400: 1280×800 at 200 % zoom.
    for (const viewport of [
      { width: 320, height: 640 },
      { width: 320, height: 256 },
      { width: 640, height: 400 },
    ]) {
      const { context, page } = await newPage({ viewport });
      try {
        await openDemo(page);
        expect(await page.locator(sel.launcher).boundingBox()).toMatchObject({ x: expect.any(Number) });
        const launcher = (await page.locator(sel.launcher).boundingBox())!;
        expect(launcher.x).toBeGreaterThanOrEqual(0);
        expect(launcher.x + launcher.width).toBeLessThanOrEqual(viewport.width);
        await page.locator(sel.launcher).click();
        await ask(page, "Wat is een TLV?");
        const widths = await page.evaluate((tag) => {
          const shadow = document.querySelector(tag)!.shadowRoot!;
          const el = (s: string) => shadow.querySelector(s) as HTMLElement;
          return {
            page: document.documentElement.scrollWidth,
            panel: el(".panel").scrollWidth - el(".panel").clientWidth,
            log: el(".log").scrollWidth - el(".log").clientWidth,
          };
        }, W);
        expect(widths, JSON.stringify(viewport)).toEqual({ page: viewport.width, panel: 0, log: 0 });
        for (const name of ["Verstuur", "Gesprek wissen", "Nieuw gesprek", "Chat sluiten"]) {
          const control = page.getByRole("button", { name, exact: true });
          await control.scrollIntoViewIfNeeded();
          const box = (await control.boundingBox())!;
          expect(box.x, name).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width, name).toBeLessThanOrEqual(viewport.width);
          expect(box.y, name).toBeGreaterThanOrEqual(0);
          expect(box.y + box.height, name).toBeLessThanOrEqual(viewport.height);
        }
      } finally {
        await context.close();
      }
    }
  });

  it("errors are text tied to the input and keep the draft: too long, offline, too many messages", async () => {
    const { context, page } = await newPage();
    try {
      await openDemo(page);
      await page.locator(sel.launcher).click();
      const input = page.locator(sel.input);
      expect(await input.getAttribute("maxlength")).toBe("1000");
      expect(await input.getAttribute("aria-describedby")).toContain("ow-error");
      expect(await page.getByLabel("Je vraag", { exact: true }).count()).toBe(1);
      await input.fill("Wat is een OPP?");
      expect(await page.locator(`${W} #ow-counter`).textContent()).toBe("15 van 1000 tekens");

      // Too long (a paste around maxlength, simulated by lifting it): refused before sending.
      await input.evaluate((el) => el.removeAttribute("maxlength"));
      const long = "a".repeat(1001);
      await input.fill(long);
      await input.press("Enter");
      expect(await page.locator(sel.error).textContent()).toContain("te lang");
      expect(await input.getAttribute("aria-invalid")).toBe("true");
      expect(await input.inputValue()).toBe(long);
      expect(await page.locator(sel.parents).count()).toBe(0);

      // Offline: the message is not lost.
      await input.fill("Wat is een OPP?");
      expect(await page.locator(sel.error).textContent()).toBe(""); // editing clears the error
      await context.setOffline(true);
      await input.press("Enter");
      await expect.poll(() => page.locator(sel.error).textContent()).toContain("geen verbinding");
      expect(await input.inputValue()).toBe("Wat is een OPP?");
      expect(await page.locator(sel.parents).count()).toBe(0);
      await context.setOffline(false);
      await input.press("Enter");
      await page.locator(sel.replies).first().waitFor({ timeout: 10_000 });
      expect(await page.locator(sel.error).textContent()).toBe("");

      // Rate limited (429 from the service, replaced in the browser): says how long to wait, keeps the draft.
      await page.route("**/api/chat", (route) =>
        route.fulfill({
          status: 429,
          headers: { "Retry-After": "42", "Content-Type": "application/json" },
          body: JSON.stringify({ error: "te veel" }),
        }),
      );
      await input.fill("Moet ik het OPP tekenen?");
      await input.press("Enter");
      await expect.poll(() => page.locator(sel.error).textContent()).toContain("Wacht 42 seconden");
      expect(await input.inputValue()).toBe("Moet ik het OPP tekenen?");
      expect(await page.locator(sel.parents).count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it("a send whose answer was lost is answered once when the parent sends it again (W-08)", async () => {
    const { context, page } = await newPage();
    try {
      await openDemo(page);
      await page.locator(sel.launcher).click();
      // The first request reaches the service, but its answer never reaches the browser.
      const bodies: Array<{ clientMessageId?: string }> = [];
      let lose = true;
      await page.route("**/api/chat", async (route) => {
        bodies.push(route.request().postDataJSON() as { clientMessageId?: string });
        if (lose) {
          lose = false;
          await route.fetch();
          await route.abort("connectionreset");
          return;
        }
        await route.continue();
      });
      const input = page.locator(sel.input);
      await input.fill("Wat is een TLV?");
      await input.press("Enter");
      await expect.poll(() => page.locator(sel.error).textContent()).not.toBe("");
      expect(await input.inputValue()).toBe("Wat is een TLV?");
      await input.press("Enter");
      await page.locator(sel.replies).first().waitFor({ timeout: 10_000 });
      expect(bodies).toHaveLength(2);
      expect(bodies[0]?.clientMessageId).toMatch(/^[0-9a-f-]{36}$/);
      expect(bodies[1]?.clientMessageId).toBe(bodies[0]?.clientMessageId);
      // The service stored the question and its answer once.
      const id = await page.evaluate(
        () => Object.entries(sessionStorage).find(([k]) => k.endsWith(":conversation"))?.[1],
      );
      const transcript = await (await fetch(`${service.url}/api/conversations/${id}`)).json();
      expect(transcript.turns.map((t: { role: string }) => t.role)).toEqual(["parent", "assistant"]);
      // A new message gets a new id.
      await ask(page, "Wie betaalt het vervoer?");
      expect(bodies.at(-1)?.clientMessageId).not.toBe(bodies[0]?.clientMessageId);
    } finally {
      await context.close();
    }
  });

  it("records 'Was dit nuttig?' feedback at the service and shows the choice", async () => {
    const { context, page } = await newPage();
    try {
      await openDemo(page);
      await page.locator(sel.launcher).click();
      const answer = await ask(page, "Wat is een TLV?");
      const yes = answer.getByRole("button", { name: "Ja, dit antwoord was nuttig" });
      expect(await yes.getAttribute("aria-pressed")).toBe("false");
      await yes.click();
      await expect.poll(() => yes.getAttribute("aria-pressed")).toBe("true");
      await expect.poll(() => answer.locator(".feedback [role=status]").textContent()).toContain("Bedankt");
      const stored = await service.stores.feedback.list();
      const conversationId = await storedConversationId(page);
      expect(stored.some((f) => f.conversationId === conversationId && f.answerId === "tlv-wat-is" && f.helpful)).toBe(
        true,
      );
    } finally {
      await context.close();
    }
  });

  it("shows a crisis reply with the help lines first, each number a tap-to-call link", async () => {
    const { context, page } = await newPage({ viewport: { width: 320, height: 568 } });
    try {
      await openDemo(page);
      await page.locator(sel.launcher).click();
      const reply = await ask(
        page,
        "Ik vond een afscheidsbrief van mijn zoon. Moet ik school inlichten over zijn OPP?",
      );
      expect(await reply.getAttribute("data-kind")).toBe("crisis");
      const links = await reply
        .locator("a[href^='tel:']")
        .evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute("href")]));
      expect(links[0]).toEqual(["112", "tel:112"]);
      expect(links).toContainEqual(["0800-0113", "tel:08000113"]);
      const text = (await reply.textContent()) ?? "";
      expect(text.indexOf("112")).toBeLessThan(text.indexOf("113"));
    } finally {
      await context.close();
    }
  });

  it("shows the core's note for a question in English in italics, without its underscores (issue 13)", async () => {
    const { context, page } = await newPage();
    try {
      await openDemo(page);
      await page.locator(sel.launcher).click();
      const reply = await ask(page, "what is an OPP for my child");
      const note = reply.locator(".text em").first();
      expect(await note.textContent()).toBe("I answer in Dutch only. A translation app can help you read this answer.");
      expect(await reply.locator(".text").textContent()).not.toContain("_");
    } finally {
      await context.close();
    }
  });

  it("'Nieuw gesprek' starts over with a new conversation; the welcome's button reaches a person", async () => {
    const { context, page } = await newPage();
    try {
      await openDemo(page);
      await page.locator(sel.launcher).click();
      await ask(page, "Wat is een TLV?");
      const first = await storedConversationId(page);
      await page.getByRole("button", { name: "Nieuw gesprek" }).click();
      expect(await page.locator(sel.parents).count()).toBe(0);
      expect(await storedConversationId(page)).toBeNull();
      await ask(page, "Wat is passend onderwijs?");
      const second = await storedConversationId(page);
      expect(second).not.toBeNull();
      expect(second).not.toBe(first);

      // The first message's button reaches a person (handoff).
      await page.locator(sel.welcome).getByRole("button", { name: "Ik wil met een mens praten" }).click();
      const handoff = page.locator(sel.replies).nth(1);
      await handoff.waitFor({ timeout: 10_000 });
      expect(await handoff.getAttribute("data-kind")).toBe("handoff");
      expect(await handoff.textContent()).toContain("0800-5010");
    } finally {
      await context.close();
    }
  });

  it("works embedded on another origin, isolated from the host page's CSS, and rejects a low-contrast colour", async () => {
    const { context, page, external } = await newPage();
    try {
      await page.goto(`${hostOrigin}/`);
      const launcher = page.locator(sel.launcher);
      await launcher.waitFor();
      // The host page hides every button and colours everything; the widget's own styles still apply.
      expect(await launcher.isVisible()).toBe(true);
      expect(await launcher.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(DEFAULT_COLOR_RGB);
      expect((await launcher.boundingBox())!.x).toBeLessThan(200); // data-position="left"
      await launcher.click();
      expect(await page.locator(`${W} .title`).textContent()).toBe("Hulp nodig?");
      expect(await page.locator(`${W} .root`).getAttribute("lang")).toBe("nl");
      const answer = await ask(page, "Wat is een TLV?");
      expect(await answer.getAttribute("data-kind")).toBe("answer");
      expect(new URL(service.url).origin).not.toBe(hostOrigin);
      expect(external).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("respects prefers-reduced-motion", async () => {
    const { context, page } = await newPage({ reducedMotion: "reduce" });
    try {
      await openDemo(page);
      await page.locator(sel.launcher).click();
      expect(await page.locator(sel.panel).evaluate((el) => getComputedStyle(el).animationName)).toBe("none");
      await page.emulateMedia({ reducedMotion: "no-preference" });
      expect(await page.locator(sel.panel).evaluate((el) => getComputedStyle(el).animationName)).toBe("ow-in");
    } finally {
      await context.close();
    }
  });
});

/** A page on another origin that embeds the widget with a light (rejected) colour and hostile CSS. */
function hostPage(serviceUrl: string): string {
  const src = new URL("/widget.js", serviceUrl).href;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Another site</title>
<style>
  html { font-size: 62.5%; }
  button { display: none !important; }
  p, span, div { color: #ff00ff !important; font-family: "Comic Sans MS", cursive !important; }
</style></head>
<body><main><h1>Another site</h1><p>Some content.</p></main>
<script src="${src}" defer data-color="#ffd700" data-position="left" data-title="Hulp nodig?"></script>
</body></html>`;
}
