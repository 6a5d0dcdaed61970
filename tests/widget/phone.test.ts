// The widget on a parent's phone (issue 17), in real headless Chromium against the real service, at 320 and 375
// px wide phones (375×400 is a phone with the keyboard open) and a 1280 px desktop. Screenshots go to
// tests/artifacts/. Nothing is faked except where a test says so: the share sheet and the print dialog (which
// headless Chromium does not have) and, for error texts, one API answer.

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startService, type RunningService } from "../../src/web/start.js";
import { DARK_THEME } from "../../src/widget/contrast.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
const ARTIFACTS = join(repoRoot, "tests", "artifacts");

const W = "ouderwijzer-chat"; // Playwright's CSS selectors pierce the widget's open shadow root
const sel = {
  launcher: `${W} .launcher`,
  panel: `${W} .panel`,
  input: `${W} textarea#ow-input`,
  replies: `${W} .msg-bot:not([data-welcome])`,
  parents: `${W} .msg-parent`,
  error: `${W} #ow-error`,
  counter: `${W} #ow-counter`,
};

type Size = { width: number; height: number };
const PHONES: Size[] = [
  { width: 320, height: 568 },
  { width: 375, height: 667 },
  { width: 375, height: 400 }, // a 375×667 phone with the on-screen keyboard open
];
const PHONE = { width: 375, height: 667 };
const DESKTOP = { width: 1280, height: 800 };
const EVERY_WIDTH: Size[] = [{ width: 320, height: 568 }, PHONE, DESKTOP];
const label = (size: Size) => `${size.width}x${size.height}`;
/** Several viewports and axe runs per test, on a machine shared with other browser tests. */
const SLOW = 120_000;

/** The answer with the most sources in the knowledge base (seven), to see them folded. */
const MANY_SOURCES = "Mag de school mijn kind van school verwijderen?";
const CRISIS = "Mijn dochter zei vanavond dat ze niet meer wil leven.";
/** The widget's own phone number pattern (render.ts). */
const PHONE_NUMBER = /(?<![\d-])(112|113|0[1-9]\d{0,3}-\d{4,8})(?![\d-])(?!\.\p{L})/u;

describe.skipIf(!hasChromium)("the widget on a parent's phone (Chromium, real service)", () => {
  let service: RunningService;
  let browser: Browser;
  let dataDir: string;
  let hostSite: Server;
  let hostOrigin: string;
  /** What beforeAll started, closed in reverse order (beforeAll may fail half-way). */
  const started: Array<() => unknown> = [];

  beforeAll(async () => {
    execFileSync(process.execPath, [join(repoRoot, "scripts", "build-widget.mjs"), "--quiet"], { stdio: "inherit" });
    mkdirSync(ARTIFACTS, { recursive: true });
    // Another site that embeds the widget with data-placement="start" (the widget first in the page).
    hostSite = createServer((req, res) => {
      if (req.url !== "/start") {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      res.end(placementPage(service.url));
    });
    await new Promise<void>((done) => hostSite.listen(0, "127.0.0.1", done));
    started.push(() => new Promise((done) => hostSite.close(done)));
    hostOrigin = `http://127.0.0.1:${(hostSite.address() as AddressInfo).port}`;
    dataDir = mkdtempSync(join(tmpdir(), "widget-phone-"));
    started.push(() => rmSync(dataDir, { recursive: true, force: true }));
    service = await startService({
      PORT: 0,
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      LOG_LEVEL: "silent",
      WIDGET_ORIGINS: [hostOrigin],
      RATE_LIMIT_PER_MINUTE: 1000,
      OPENING_HOURS: "altijd",
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

  async function newPage(
    viewport: Size,
    options: BrowserContextOptions = {},
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport, ...options });
    const page = await context.newPage();
    return { context, page };
  }

  /** Opens the demo page and the chat panel. */
  async function openChat(page: Page): Promise<void> {
    await page.goto(`${service.url}/`);
    await page.locator(sel.launcher).click();
    await page.locator(sel.input).waitFor();
  }

  /** Sends a question and waits until the reply is complete (its quiet parts shown). */
  async function ask(page: Page, question: string) {
    const replies = page.locator(sel.replies);
    const before = await replies.count();
    await page.locator(sel.input).fill(question);
    await page.locator(sel.input).press("Enter");
    const reply = replies.nth(before);
    await reply.waitFor({ timeout: 10_000 });
    await reply.locator(".after .time").waitFor({ state: "visible" });
    return reply;
  }

  /** Where the parts of the open panel are, in CSS pixels of the viewport. */
  const geometry = (page: Page) =>
    page.evaluate(async (tag) => {
      const shadow = document.querySelector(tag)!.shadowRoot!;
      // The panel slides in (0.18 s): measure where it comes to rest, also on a busy machine.
      await Promise.all(
        (shadow.querySelector(".panel")?.getAnimations() ?? []).map((a) => a.finished.catch(() => undefined)),
      );
      const box = (selector: string) => {
        const r = shadow.querySelector(selector)!.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };
      };
      return {
        panel: box(".panel"),
        log: box(".log"),
        counter: box("#ow-counter"),
        input: box("#ow-input"),
        send: box(".send"),
        vh: innerHeight,
        vw: innerWidth,
        pageWidth: document.documentElement.scrollWidth,
      };
    }, W);

  /** Whether keyboard focus is inside the open panel (the host has focus and its shadow root's element is in it). */
  const focusInPanel = (page: Page) =>
    page.evaluate((tag) => {
      const host = document.querySelector(tag)!;
      const inner = host.shadowRoot!.activeElement;
      return document.activeElement === host && inner !== null && inner.closest(".panel") !== null;
    }, W);

  const focusedInWidget = (page: Page) =>
    page.evaluate((tag) => {
      const host = document.querySelector(tag);
      const active = document.activeElement;
      if (!host || active !== host) return `page:${active?.localName ?? "none"}`;
      const inner = host.shadowRoot?.activeElement;
      return inner ? inner.id || inner.getAttribute("class") || inner.localName : "none";
    }, W);

  async function axeViolations(page: Page, state: string): Promise<string[]> {
    const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(JSON.stringify(result.passes)).toContain(W); // it looked inside the widget
    return result.violations.map(
      (v) => `${state}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
  }

  /**
   * Records what screen readers are given to announce from the transcript, following ARIA's rules: text that
   * appears (is added or unhidden) where the nearest element with a live setting (aria-live, or the implicit one
   * of role log/status/alert) is not "off", leaving out hidden, aria-hidden and aria-live="off" parts.
   */
  const recordAnnouncements = (page: Page) =>
    page.evaluate((tag) => {
      const shadow = document.querySelector(tag)!.shadowRoot!;
      const w = window as unknown as { __announced: string[] };
      w.__announced = [];
      const implicit: Record<string, string> = { log: "polite", status: "polite", alert: "assertive" };
      const politeness = (node: Node): string => {
        for (let el: Element | null = node instanceof Element ? node : node.parentElement; el; el = el.parentElement) {
          const live = el.getAttribute("aria-live");
          if (live) return live;
          const role = el.getAttribute("role");
          if (role && implicit[role]) return implicit[role];
        }
        return "off";
      };
      const shown = (node: Node): boolean => {
        for (let el: Element | null = node instanceof Element ? node : node.parentElement; el; el = el.parentElement) {
          if (el.hasAttribute("hidden") || el.getAttribute("aria-hidden") === "true") return false;
        }
        return true;
      };
      const perceivable = (node: Node): string => {
        if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? "";
        if (!(node instanceof Element)) return "";
        if (
          node.hasAttribute("hidden") ||
          node.getAttribute("aria-hidden") === "true" ||
          node.getAttribute("aria-live") === "off"
        )
          return "";
        return Array.from(node.childNodes).map(perceivable).join("");
      };
      new MutationObserver((records) => {
        const said: string[] = [];
        for (const record of records) {
          const nodes = record.type === "childList" ? Array.from(record.addedNodes) : [record.target];
          for (const node of nodes) {
            if (!node.isConnected || !shown(node) || politeness(node) === "off") continue;
            const text = perceivable(node).replace(/\s+/g, " ").trim();
            if (text) said.push(text);
          }
        }
        if (said.length > 0) w.__announced.push(said.join(" "));
      }).observe(shadow.querySelector(".log")!, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
        attributeFilter: ["hidden", "aria-hidden"],
      });
    }, W);
  const announced = (page: Page) => page.evaluate(() => (window as unknown as { __announced: string[] }).__announced);

  it(
    "gives the messages the screen: the header takes at most 20 % of the height, the counter stays in sight",
    async () => {
      for (const size of [...PHONES, DESKTOP]) {
        const { context, page } = await newPage(size);
        try {
          await openChat(page);
          await ask(page, "Wat is een TLV?");
          const g = await geometry(page);
          const header = g.log.top - Math.max(0, g.panel.top);
          if (size !== DESKTOP) {
            // Full screen, and the header no more than a fifth of it.
            expect(g.panel, label(size)).toMatchObject({ top: 0, left: 0, bottom: size.height, right: size.width });
            expect(header, label(size)).toBeLessThanOrEqual(0.2 * size.height);
            // The messages get most of what is left under the header: more than half of the screen.
            expect(g.log.height, label(size)).toBeGreaterThan(0.5 * size.height);
          } else {
            expect(header).toBeLessThanOrEqual(0.2 * g.panel.height);
          }
          // The counter, the input and the send button are on screen, not cut off; nothing scrolls sideways.
          for (const part of [g.counter, g.input, g.send]) {
            expect(part.top, label(size)).toBeGreaterThanOrEqual(0);
            expect(part.bottom, label(size)).toBeLessThanOrEqual(size.height);
            expect(part.right, label(size)).toBeLessThanOrEqual(size.width);
          }
          expect(await page.locator(sel.counter).isVisible()).toBe(true);
          expect(await page.locator(sel.counter).textContent()).toBe("0 van 1000 tekens");
          expect(g.pageWidth).toBe(size.width);
          await page.screenshot({
            path: join(ARTIFACTS, `widget-${size === DESKTOP ? "desktop" : "phone"}-${label(size)}.png`),
          });
        } finally {
          await context.close();
        }
      }
    },
    SLOW,
  );

  it(
    "follows the keyboard: when the screen gets lower while typing, the panel shrinks with it and the input stays in sight",
    async () => {
      const { context, page } = await newPage(PHONE);
      try {
        await openChat(page);
        await ask(page, "Wat is een OPP?");
        await page.locator(sel.input).focus();
        await page.locator(sel.input).pressSequentially("Moet ik het tekenen");
        await page.setViewportSize({ width: 375, height: 400 }); // the keyboard comes up
        await expect.poll(async () => (await geometry(page)).panel.bottom).toBe(400);
        const g = await geometry(page);
        expect(g.log.top - g.panel.top).toBeLessThanOrEqual(80);
        expect(g.input.bottom).toBeLessThanOrEqual(400);
        expect(g.counter.bottom).toBeLessThanOrEqual(400);
        expect(await page.locator(sel.counter).textContent()).toBe("19 van 1000 tekens");
        expect(await focusedInWidget(page)).toBe("ow-input");
        await page.screenshot({ path: join(ARTIFACTS, "widget-phone-keyboard-375x400.png") });
      } finally {
        await context.close();
      }
    },
    SLOW,
  );

  it(
    "is a modal dialog on a phone: the page behind is inert, Tab stays inside, Escape closes and focus returns",
    async () => {
      for (const size of [{ width: 320, height: 568 }, PHONE]) {
        const { context, page } = await newPage(size);
        try {
          await openChat(page);
          await ask(page, "Wat is een TLV?");
          const panel = page.locator(sel.panel);
          expect(await panel.getAttribute("role")).toBe("dialog");
          expect(await panel.getAttribute("aria-modal")).toBe("true");
          const inert = () =>
            page.evaluate(
              (tag) => ({
                main: document.querySelector("main")!.inert,
                skip: document.querySelector<HTMLElement>("ouderwijzer-skip")?.inert ?? null,
                widget: (document.querySelector(tag) as HTMLElement).inert,
              }),
              W,
            );
          expect(await inert()).toEqual({ main: true, skip: true, widget: false });

          const seen = new Set<string>();
          for (let i = 0; i < 30; i++) {
            await page.keyboard.press("Tab");
            expect(await focusInPanel(page), `${label(size)} Tab ${i + 1}: ${await focusedInWidget(page)}`).toBe(true);
            seen.add(await focusedInWidget(page));
          }
          // The round went through the whole panel, from the close button to the privacy link.
          expect([...seen]).toEqual(expect.arrayContaining(["close", "log", "ow-input", "send", "keep-toggle"]));
          for (let i = 0; i < 30; i++) {
            await page.keyboard.press("Shift+Tab");
            expect(await focusInPanel(page), `${label(size)} Shift+Tab ${i + 1}`).toBe(true);
          }

          await page.keyboard.press("Escape");
          expect(await panel.isHidden()).toBe(true);
          expect(await focusedInWidget(page)).toBe("launcher");
          expect(await panel.getAttribute("aria-modal")).toBe("false");
          expect(await inert()).toEqual({ main: false, skip: false, widget: false });
        } finally {
          await context.close();
        }
      }
      // On a desktop the panel floats beside the page: not modal, the page stays usable.
      const { context, page } = await newPage(DESKTOP);
      try {
        await openChat(page);
        expect(await page.locator(sel.panel).getAttribute("aria-modal")).toBe("false");
        expect(await page.evaluate(() => document.querySelector("main")!.inert)).toBe(false);
      } finally {
        await context.close();
      }
    },
    SLOW,
  );

  it(
    "makes every phone number a tap-to-call link, at 320, 375 and 1280 px",
    async () => {
      for (const size of EVERY_WIDTH) {
        const { context, page } = await newPage(size);
        try {
          await openChat(page);
          const welcomeLinks = await page
            .locator(`${W} .msg-bot[data-welcome] a[href^="tel:"]`)
            .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
          expect(welcomeLinks, label(size)).toEqual(["tel:08005010"]);
          const reply = await ask(page, CRISIS);
          expect(await reply.getAttribute("data-kind")).toBe("crisis");
          const links = await reply
            .locator(`a[href^="tel:"]`)
            .evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute("href")]));
          expect(links[0], label(size)).toEqual(["112", "tel:112"]); // danger first
          expect(
            links.map((l) => l[1]),
            label(size),
          ).toEqual(expect.arrayContaining(["tel:113", "tel:08000113"]));
          // No number is left as plain text.
          const plain = await reply.evaluate((el) => {
            const out: string[] = [];
            const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode())
              if (!n.parentElement?.closest("a")) out.push(n.textContent ?? "");
            return out.join(" ");
          });
          expect(PHONE_NUMBER.exec(plain)?.[0], label(size)).toBeUndefined();
          // Tap targets: each link is on screen when scrolled to, not cut off.
          const first = reply.locator(`a[href="tel:112"]`).first();
          await first.scrollIntoViewIfNeeded();
          const box = (await first.boundingBox())!;
          expect(box.x + box.width).toBeLessThanOrEqual(size.width);
          if (size.width === 375) await page.screenshot({ path: join(ARTIFACTS, `widget-crisis-${label(size)}.png`) });
        } finally {
          await context.close();
        }
      }
    },
    SLOW,
  );

  it(
    "'Bewaar dit antwoord': copies, prints a clean view (question, answer, sources, legal basis, date) and shares on a phone",
    async () => {
      const { context, page } = await newPage(PHONE);
      try {
        await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: service.url });
        // Headless Chromium has no share sheet and no print dialog: stand-ins that record what they were given.
        await page.addInitScript(() => {
          const w = window as unknown as { __shared: ShareData[]; __printed: number };
          w.__shared = [];
          w.__printed = 0;
          Object.defineProperty(navigator, "share", {
            configurable: true,
            value: async (data: ShareData) => void w.__shared.push(data),
          });
          window.print = () => {
            w.__printed++;
          };
        });
        await openChat(page);
        const reply = await ask(page, "Wat is een TLV?");
        const question = ((await reply.locator(".question").textContent()) ?? "")
          .replace("Antwoord op de vraag:", "")
          .trim();
        expect(question).toContain("TLV");
        const keep = reply.getByRole("button", { name: "Bewaar dit antwoord" });
        expect(await keep.getAttribute("aria-expanded")).toBe("false");
        await keep.click();
        expect(await keep.getAttribute("aria-expanded")).toBe("true");
        await page.screenshot({ path: join(ARTIFACTS, "widget-keep-375x667.png") });

        // Copy: the whole answer as text, with the question, the sources' addresses, the legal basis and the date.
        await reply.getByRole("button", { name: "Kopiëren" }).click();
        await expect.poll(() => reply.locator(".keep-note").textContent()).toContain("gekopieerd");
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        expect(copied).toContain(`Vraag: ${question}`);
        expect(copied).toContain("toelaatbaarheidsverklaring");
        expect(copied).toContain("Wat kun je nu doen?\n1. ");
        expect(copied).toMatch(/Bronnen:\n- .+: https:\/\//);
        expect(copied).toMatch(/Wettelijke basis: .+\. Bijgewerkt op \d{1,2} \w+ 20\d\d\./);
        expect(copied).toMatch(/Antwoord van \d{1,2} \w+ 20\d\d om \d\d:\d\d\./);
        expect(copied).not.toContain("**");

        // Share: the phone's share sheet gets the same text.
        await reply.getByRole("button", { name: "Delen" }).click();
        await expect
          .poll(() => page.evaluate(() => (window as unknown as { __shared: ShareData[] }).__shared.length))
          .toBe(1);
        const shared = await page.evaluate(() => (window as unknown as { __shared: ShareData[] }).__shared[0]);
        expect(shared).toEqual({ title: question, text: copied });

        // Print: the print dialog opens, and on paper there is only the clean view.
        await reply.getByRole("button", { name: "Afdrukken of pdf" }).click();
        expect(await page.evaluate(() => (window as unknown as { __printed: number }).__printed)).toBe(1);
        await page.emulateMedia({ media: "print" });
        const view = page.locator(`${W} .print-view`);
        expect(await view.isVisible()).toBe(true);
        expect(await page.locator("main").isVisible()).toBe(false);
        expect(await page.locator(sel.panel).isVisible()).toBe(false);
        expect(await page.locator(sel.launcher).isVisible()).toBe(false);
        expect(await view.locator("h1").textContent()).toBe(`Vraag: ${question}`);
        const paper = (await view.textContent()) ?? "";
        expect(paper).toContain("toelaatbaarheidsverklaring");
        expect(paper).toContain("Wat kun je nu doen?");
        expect(paper).toMatch(/Bronnen.*https:\/\//s);
        expect(paper).toMatch(/Wettelijke basis: .+Bijgewerkt op/);
        expect(paper).toMatch(/Antwoord van \d{1,2} \w+ 20\d\d om \d\d:\d\d/);
        await page.screenshot({ path: join(ARTIFACTS, "widget-print-375x667.png"), fullPage: true });
        await page.pdf({ path: join(ARTIFACTS, "widget-print.pdf"), format: "A4" });
        // After printing, the site prints as it did before.
        await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
        expect(await view.count()).toBe(0);
        expect(await page.locator("main").isVisible()).toBe(true);
        await page.emulateMedia({ media: null });
      } finally {
        await context.close();
      }

      // Without a share sheet (most desktops) there is no "Delen".
      const desktop = await newPage(DESKTOP);
      try {
        await openChat(desktop.page);
        const reply = await ask(desktop.page, "Wat is een TLV?");
        await reply.getByRole("button", { name: "Bewaar dit antwoord" }).click();
        expect(await reply.getByRole("button", { name: "Kopiëren" }).isVisible()).toBe(true);
        expect(await reply.getByRole("button", { name: "Afdrukken of pdf" }).isVisible()).toBe(true);
        expect(await reply.getByRole("button", { name: "Delen" }).count()).toBe(0);
      } finally {
        await desktop.context.close();
      }
    },
    SLOW,
  );

  it(
    "folds the sources after two behind 'Meer bronnen', with short section names",
    async () => {
      for (const size of EVERY_WIDTH) {
        const { context, page } = await newPage(size);
        try {
          await openChat(page);
          const reply = await ask(page, MANY_SOURCES);
          const items = reply.locator(".sources li");
          // The number of sources follows the knowledge base; the answer asked for has more than two.
          const total = await items.count();
          expect(total, label(size)).toBeGreaterThan(2);
          const visibleCount = () =>
            items.evaluateAll((lis) => lis.filter((li) => li.getClientRects().length > 0).length);
          expect(await visibleCount()).toBe(2);
          const more = reply.getByRole("button", { name: `Meer bronnen (${total - 2})` });
          expect(await more.getAttribute("aria-expanded")).toBe("false");
          await more.click();
          expect(await visibleCount()).toBe(total);
          const less = reply.getByRole("button", { name: "Minder bronnen" });
          expect(await less.getAttribute("aria-expanded")).toBe("true");
          // Section names are the last step of the chapter path, not the path itself.
          expect(await reply.locator(".sources .section").allTextContents()).not.toContainEqual(
            expect.stringContaining(" > "),
          );
          await reply.locator(".sources").scrollIntoViewIfNeeded();
          await page.screenshot({ path: join(ARTIFACTS, `widget-sources-${label(size)}.png`) });
          await less.click();
          expect(await visibleCount()).toBe(2);
        } finally {
          await context.close();
        }
      }
    },
    SLOW,
  );

  it(
    "announces the answer text only: not the question above it, sources, suggestions, 'Bewaar' or 'Was dit nuttig?'",
    async () => {
      for (const size of [PHONE, DESKTOP]) {
        const { context, page } = await newPage(size);
        try {
          await openChat(page);
          await recordAnnouncements(page);
          const reply = await ask(page, MANY_SOURCES);
          await reply.getByRole("button", { name: "Ja, dit antwoord was nuttig" }).waitFor();
          const text = ((await reply.locator(".text").textContent()) ?? "").replace(/\s+/g, " ").trim();
          // One announcement: "Chatbot:" and the answer. The parent's own message is not read back.
          expect(await announced(page), label(size)).toEqual([`Chatbot: ${text}`]);

          // Everything around the answer is there to read, but in parts that are not announced.
          for (const part of [
            ".question",
            ".steps",
            ".sources",
            ".legal",
            ".keep",
            ".suggestions",
            ".feedback",
            ".time",
          ]) {
            const quiet = await reply
              .locator(part)
              .first()
              .evaluate((el) => el.closest('[aria-live="off"]') !== null && el.getClientRects().length > 0);
            expect(quiet, `${label(size)} ${part}`).toBe(true);
          }
          // Unfolding sources and opening 'Bewaar' add nothing to what is announced.
          await reply.getByRole("button", { name: /^Meer bronnen \(\d+\)$/ }).click();
          await reply.getByRole("button", { name: "Bewaar dit antwoord" }).click();
          expect(await announced(page)).toHaveLength(1);

          // A crisis reply is announced with its help lines.
          const crisis = await ask(page, CRISIS);
          const crisisText = ((await crisis.locator(".text").textContent()) ?? "").replace(/\s+/g, " ").trim();
          expect((await announced(page))[1]).toBe(`Chatbot: ${crisisText}`);
          expect(crisisText).toContain("112");
          expect(await announced(page)).toHaveLength(2);
        } finally {
          await context.close();
        }
      }
    },
    SLOW,
  );

  it(
    "labels choices for what they are and disables them once used; a failed send gives them back",
    async () => {
      const { context, page } = await newPage(PHONE);
      try {
        await openChat(page);
        const welcome = page.locator(`${W} .msg-bot[data-welcome] .suggestions .label`);
        expect(await welcome.textContent()).toBe("Kies een vraag, of typ zelf een vraag:");

        const consent = await ask(page, "Ik wil met een mens praten");
        expect(await consent.getAttribute("data-kind")).toBe("handoff");
        const choices = consent.locator("[data-choice]");
        expect(await choices.locator(".label").textContent()).toBe("Kies een antwoord:");
        const yes = choices.getByRole("button", { name: "Ja, dat mag" });
        const no = choices.getByRole("button", { name: "Nee, liever niet" });
        expect(await yes.isEnabled()).toBe(true);

        // The service cannot be reached: the choice comes back, with the text in the input to send again.
        await page.route("**/api/chat", (route) => route.abort("connectionrefused"));
        await yes.click();
        await expect.poll(() => page.locator(sel.error).textContent()).toContain("niet bereikbaar");
        expect(await yes.isEnabled()).toBe(true);
        expect(await no.isEnabled()).toBe(true);
        expect(await yes.textContent()).toBe("Ja, dat mag");
        expect(await page.locator(sel.input).inputValue()).toBe("Ja, dat mag");
        await page.unroute("**/api/chat");
        await page.locator(sel.input).fill("");

        const replies = page.locator(sel.replies);
        await yes.click();
        const contact = replies.nth(1);
        await contact.locator(".after .time").waitFor({ state: "visible" });
        // Used: both buttons are off, the chosen one says so.
        expect(await yes.isDisabled()).toBe(true);
        expect(await no.isDisabled()).toBe(true);
        expect(await yes.textContent()).toBe("Ja, dat mag (gekozen)");
        expect(await consent.getByRole("button", { name: "Ja, dat mag (gekozen)" }).count()).toBe(1);
        const chat = contact.locator("[data-choice]").getByRole("button", { name: "Hier in de chat" });
        expect(await chat.isEnabled()).toBe(true);
        await page.screenshot({ path: join(ARTIFACTS, "widget-choices-375x667.png") });

        // Typing something else instead passes the choice by: it is closed too.
        await ask(page, "Wat is een TLV?");
        expect(await chat.isDisabled()).toBe(true);

        // A reply that is not sure what was meant says so above its candidates; an answer's follow-ups likewise.
        expect(await replies.nth(2).locator(".suggestions .label").textContent()).toBe(
          "Misschien wil je ook dit weten:",
        );
        await page.getByRole("button", { name: "Nieuw gesprek" }).click();
        const clarify = await ask(page, "toets");
        expect(await clarify.getAttribute("data-kind")).toBe("clarify");
        expect(await clarify.locator(".suggestions .label").textContent()).toBe("Bedoel je een van deze vragen?");
        expect(await clarify.locator("button.suggestion").first().isEnabled()).toBe(true);
        expect(await axeViolations(page, "choices")).toEqual([]);
      } finally {
        await context.close();
      }
    },
    SLOW,
  );

  it(
    "puts the time on every message, and the service's times on a restored conversation",
    async () => {
      const { context, page } = await newPage(PHONE);
      try {
        await openChat(page);
        const reply = await ask(page, "Wat is een TLV?");
        const times = async () =>
          page.locator(`${W} .msg-parent time, ${W} .msg-bot:not([data-welcome]) time`).evaluateAll((els) =>
            els.map((el) => {
              const at = new Date(el.getAttribute("datetime")!);
              const hhmm = `${String(at.getHours()).padStart(2, "0")}:${String(at.getMinutes()).padStart(2, "0")}`;
              return { datetime: el.getAttribute("datetime")!, text: el.textContent, hhmm };
            }),
          );
        const shown = await times();
        expect(shown).toHaveLength(2);
        for (const t of shown) {
          expect(t.text).toBe(t.hhmm); // today: the clock time only
          expect(Math.abs(Date.now() - Date.parse(t.datetime))).toBeLessThan(60_000);
        }
        expect(await reply.locator(".time").isVisible()).toBe(true);

        // After a reload the transcript comes from the service, with the times it stored.
        const id = await page.evaluate(
          () => Object.entries(sessionStorage).find(([k]) => k.endsWith(":conversation"))?.[1],
        );
        const transcript = (await (await fetch(`${service.url}/api/conversations/${id}`)).json()) as {
          turns: Array<{ createdAt: string }>;
        };
        await page.reload();
        await page.locator(sel.launcher).click();
        await page.locator(sel.parents).first().waitFor();
        expect((await times()).map((t) => t.datetime)).toEqual(transcript.turns.map((t) => t.createdAt));
      } finally {
        await context.close();
      }
    },
    SLOW,
  );

  it(
    "errors say what happened and keep the draft; a paste over the limit is cut with a notice",
    async () => {
      const { context, page } = await newPage(PHONE);
      try {
        await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: service.url });
        await openChat(page);
        const input = page.locator(sel.input);

        // The service is down while the phone is online: not the parent's internet.
        await page.route("**/api/chat", (route) => route.abort("connectionrefused"));
        await input.fill("Wat is een OPP?");
        await input.press("Enter");
        await expect.poll(() => page.locator(sel.error).textContent()).toContain("De chatbot is nu niet bereikbaar");
        const down = (await page.locator(sel.error).textContent()) ?? "";
        expect(down).toContain("Probeer het over een paar minuten opnieuw");
        expect(down).not.toMatch(/internet|verbinding/i);
        expect(await input.inputValue()).toBe("Wat is een OPP?");
        expect(await page.locator(sel.parents).count()).toBe(0);
        await page.screenshot({ path: join(ARTIFACTS, "widget-error-375x667.png") });

        // The service answers with an error of its own.
        await page.unroute("**/api/chat");
        await page.route("**/api/chat", (route) =>
          route.fulfill({ status: 500, contentType: "application/json", body: '{"error":"x"}' }),
        );
        await input.press("Enter");
        await expect.poll(() => page.locator(sel.error).textContent()).toContain("Er ging iets mis bij de chatbot");
        expect(await input.inputValue()).toBe("Wat is een OPP?");
        await page.unroute("**/api/chat");

        // A real paste of 1,500 characters: the first 1,000 stay, and the parent is told.
        await input.fill("");
        const long = "Mijn zoon heeft veel hulp nodig. ".repeat(50).slice(0, 1500);
        await page.evaluate((text) => navigator.clipboard.writeText(text), long);
        await input.focus();
        await page.keyboard.press("Control+V");
        expect(await input.inputValue()).toBe(long.slice(0, 1000));
        expect(await page.locator(sel.counter).textContent()).toBe("1000 van 1000 tekens");
        const notice = (await page.locator(sel.error).textContent()) ?? "";
        expect(notice).toContain("te lang");
        expect(notice).toContain("de eerste 1000 tekens");
        expect(await input.getAttribute("aria-invalid")).toBeNull();
        expect(await input.getAttribute("aria-describedby")).toContain("ow-error");
        // Typing on clears the notice; a paste that fits says nothing.
        await input.fill("Wat is ");
        await page.evaluate(() => navigator.clipboard.writeText("een TLV?"));
        await input.press("End");
        await page.keyboard.press("Control+V");
        expect(await input.inputValue()).toBe("Wat is een TLV?");
        expect(await page.locator(sel.error).textContent()).toBe("");
      } finally {
        await context.close();
      }
    },
    SLOW,
  );

  it(
    "is reachable early in the tab order: a skip button first in the page, or data-placement='start'",
    async () => {
      const { context, page } = await newPage(DESKTOP);
      try {
        await page.goto(`${service.url}/`);
        await page.locator(sel.launcher).waitFor();
        const skip = page.getByRole("button", { name: "Naar de chatbot" });
        expect((await skip.boundingBox())!.width).toBeLessThanOrEqual(1); // out of sight until it has focus
        await page.keyboard.press("Tab");
        expect(await page.evaluate(() => document.activeElement?.localName)).toBe("ouderwijzer-skip");
        const box = (await skip.boundingBox())!;
        expect(box.width).toBeGreaterThan(50);
        expect(box.y).toBeGreaterThanOrEqual(0);
        await page.screenshot({ path: join(ARTIFACTS, "widget-skip-link-1280.png") });
        await page.keyboard.press("Enter");
        expect(await focusedInWidget(page)).toBe("launcher");
        await page.keyboard.press("Enter");
        expect(await focusedInWidget(page)).toBe("ow-input");
        expect(await axeViolations(page, "skip")).toEqual([]);
      } finally {
        await context.close();
      }

      const start = await newPage(DESKTOP);
      try {
        await start.page.goto(`${hostOrigin}/start`);
        await start.page.locator(sel.launcher).waitFor();
        expect(await start.page.evaluate(() => document.body.firstElementChild?.localName)).toBe(W);
        expect(await start.page.locator("ouderwijzer-skip").count()).toBe(0);
        await start.page.keyboard.press("Tab");
        expect(await focusedInWidget(start.page)).toBe("launcher");
      } finally {
        await start.context.close();
      }
    },
    SLOW,
  );

  it(
    "follows the system's dark mode, with enough contrast",
    async () => {
      for (const size of [PHONE, DESKTOP]) {
        const { context, page } = await newPage(size, { colorScheme: "dark" });
        try {
          await openChat(page);
          const reply = await ask(page, MANY_SOURCES);
          await reply.getByRole("button", { name: /^Meer bronnen \(\d+\)$/ }).click();
          await reply.getByRole("button", { name: "Bewaar dit antwoord" }).click();
          const colours = await page.locator(`${W} .log`).evaluate((el) => ({
            background: getComputedStyle(el).backgroundColor,
            text: getComputedStyle(el.querySelector(".msg-bot .text")!).color,
          }));
          const rgb = (hex: string) =>
            `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;
          expect(colours).toEqual({ background: rgb(DARK_THEME.background), text: rgb(DARK_THEME.text) });
          expect(await axeViolations(page, `dark ${label(size)}`)).toEqual([]);
          await page.screenshot({ path: join(ARTIFACTS, `widget-dark-${label(size)}.png`) });
        } finally {
          await context.close();
        }
      }
      // And light when the system is light.
      const { context, page } = await newPage(PHONE, { colorScheme: "light" });
      try {
        await openChat(page);
        expect(await page.locator(`${W} .log`).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
          "rgb(255, 255, 255)",
        );
      } finally {
        await context.close();
      }
    },
    SLOW,
  );

  it(
    "has no axe violations (WCAG 2.1 A/AA) at 320, 375 and 1280 px: closed, and open with every new part showing",
    async () => {
      for (const size of EVERY_WIDTH) {
        const { context, page } = await newPage(size);
        try {
          await page.goto(`${service.url}/`);
          await page.locator(sel.launcher).waitFor();
          const violations = await axeViolations(page, `closed ${label(size)}`);
          await page.locator(sel.launcher).click();
          const reply = await ask(page, MANY_SOURCES);
          await reply.getByRole("button", { name: /^Meer bronnen \(\d+\)$/ }).click();
          await reply.getByRole("button", { name: "Bewaar dit antwoord" }).click();
          violations.push(...(await axeViolations(page, `open ${label(size)}`)));
          expect(violations).toEqual([]);
        } finally {
          await context.close();
        }
      }
    },
    SLOW,
  );

  it("stays within the budget of 30 KB gzipped", () => {
    const bundle = readFileSync(join(repoRoot, "dist", "widget", "widget.js"));
    const kb = gzipSync(bundle, { level: 9 }).length / 1024;
    console.info(`[tests/widget] widget.js ${kb.toFixed(1)} KB gzipped`);
    expect(kb).toBeLessThanOrEqual(30);
  });
});

/** A page on another origin that puts the widget first in its body (data-placement="start"). */
function placementPage(serviceUrl: string): string {
  const src = new URL("/widget.js", serviceUrl).href;
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Een school</title></head>
<body><main><h1>Een school</h1><p>Tekst met <a href="#a">een link</a> en <a href="#b">nog een</a>.</p></main>
<script src="${src}" defer data-placement="start"></script>
</body></html>`;
}
