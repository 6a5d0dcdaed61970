// Making a letter in the widget, in real headless Chromium against the real service (SQLite in a temp folder,
// the real knowledge base): the letter is offered under its answer, its form fills the blanks, the letter can be
// edited, copied and downloaded as .docx, and nothing filled in reaches the page's storage, the database or the log.

import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteStores } from "../../src/stores/index.js";
import type { Stores } from "../../src/stores/types.js";
import { startTestService, tempDir, type TestService } from "../web/harness.js";
import { docxText } from "../web/unzip.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
const W = "ouderwijzer-chat";
const MARK = "Grutto";

describe.skipIf(!hasChromium)("a letter made in the widget (Chromium, real service)", () => {
  let svc: TestService;
  let stores: Stores;
  let dataDir: string;
  let browser: Browser;
  /** What beforeAll started, closed in reverse order (beforeAll may fail half-way). */
  const started: Array<() => Promise<unknown>> = [];

  beforeAll(async () => {
    execFileSync(process.execPath, [join(repoRoot, "scripts", "build-widget.mjs"), "--quiet"], { stdio: "inherit" });
    dataDir = tempDir("ow-letter-widget-");
    stores = createSqliteStores({ dataDir });
    started.push(() => stores.close());
    svc = await startTestService({ LOG_LEVEL: "debug", RATE_LIMIT_PER_MINUTE: 1000 }, { stores });
    started.push(() => svc.close());
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    });
    started.push(() => browser.close());
  }, 60_000);

  afterAll(async () => {
    for (const close of started.reverse()) await close();
  });

  it("offers the letter under its answer, fills it, lets the parent edit, copy and download it, and keeps nothing", async () => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 667 },
      permissions: ["clipboard-read", "clipboard-write"],
    });
    const page = await context.newPage();
    await page.goto(`${svc.url}/`);
    await page.locator(`${W} .launcher`).click();
    await page.locator(`${W} textarea#ow-input`).fill("Hoe maak ik bezwaar tegen een besluit over een TLV?");
    await page.locator(`${W} textarea#ow-input`).press("Enter");
    const offer = page.locator(`${W} button.suggestion[data-letter="bezwaar-tlv"]`);
    await offer.waitFor({ state: "visible", timeout: 15_000 });
    expect(await offer.textContent()).toBe("Wil je hulp bij een bezwaarbrief tegen het TLV-besluit?");
    const chatTurns = await page.locator(`${W} .msg-parent`).count();
    await offer.click();

    const form = page.locator(`${W} .letter-form`);
    await form.waitFor({ timeout: 10_000 });
    // Tapping the offer sends nothing to the chat.
    expect(await page.locator(`${W} .msg-parent`).count()).toBe(chatTurns);
    // Sending without the blanks marks each required one, with its own message.
    await form.getByRole("button", { name: "Maak de brief" }).click();
    await expect.poll(() => form.locator('[aria-invalid="true"]').count()).toBeGreaterThan(3);
    expect(await form.locator("[name=ouderNaam]").getAttribute("aria-invalid")).toBe("true");
    expect(await form.locator(".field-error").first().textContent()).toContain("Vul dit in: Jouw naam");

    for (const input of await form.locator("input, textarea").all()) {
      const name = (await input.getAttribute("name")) as string;
      if (name === "briefDatum") continue; // left empty: the letter is dated today
      await input.fill((await input.getAttribute("type")) === "date" ? "2026-03-02" : `${MARK} ${name}`);
    }
    await form.getByRole("button", { name: "Maak de brief" }).click();
    const letterText = page.locator(`${W} textarea.letter-text`);
    await letterText.waitFor({ timeout: 10_000 });
    const text = await letterText.inputValue();
    expect(text).toContain(`${MARK} ouderNaam`);
    expect(text).toContain(`${MARK} bezwaarGronden`);
    expect(text).toContain("besluit van 2 maart 2026");
    expect(text).toContain("Handtekening:");
    expect(await page.locator(`${W} .letter-deadline`).textContent()).toContain("uiterlijk 13 april 2026");
    await page.screenshot({ path: join(repoRoot, "tests", "artifacts", "widget-letter-375x667.png") });

    // The parent edits the letter; copy and download take the edited text.
    await letterText.fill(`${text}\n\nPS ${MARK} aangepast`);
    await page.getByRole("button", { name: "Kopieer de brief" }).click();
    await expect.poll(() => page.locator(`${W} .letter-result .letter-status`).textContent()).toContain("gekopieerd");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`PS ${MARK} aangepast`);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download als Word-bestand" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("bezwaar-tlv.docx");
    const file = readFileSync(await download.path());
    expect(file.subarray(0, 2).toString()).toBe("PK");
    const docx = docxText(file);
    expect(docx).toContain(`PS ${MARK} aangepast`);
    expect(docx).toContain(`${MARK} ouderNaam`);

    // Nothing filled in stays in the page's storage, the database or the log.
    const storage = await page.evaluate(
      () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    );
    expect(storage).not.toContain(MARK);
    await context.close();
    expect(svc.logs.lines.join("\n")).not.toContain(MARK);
    await stores.close();
    for (const f of readdirSync(dataDir)) expect(readFileSync(join(dataDir, f)).includes(MARK), f).toBe(false);
    stores = createSqliteStores({ dataDir });
  }, 90_000);
});
