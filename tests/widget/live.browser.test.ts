// A real conversation with a person (issue 16), in headless Chromium against the real service: the parent asks
// for a person in the widget, a staff member claims and answers through the console over HTTP, the parent's
// answer reaches the staff member (as typed while the request is open; masked in the transcript), and the
// conversation goes back to the chatbot. Screenshots in tests/artifacts/.

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConsole, type ConsoleHarness } from "../console/client.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const ARTIFACTS = join(repoRoot, "tests", "artifacts");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
const W = "ouderwijzer-chat";
const STAFF = "anna@steunpunt.example";

describe.skipIf(!hasChromium)("a two-way conversation with a staff member in the widget (Chromium)", () => {
  let h: ConsoleHarness;
  let browser: Browser;
  const started: Array<() => Promise<unknown>> = [];

  beforeAll(async () => {
    execFileSync(process.execPath, [join(repoRoot, "scripts", "build-widget.mjs"), "--quiet"], { stdio: "inherit" });
    mkdirSync(ARTIFACTS, { recursive: true });
    h = await startConsole({ HANDOFF_POLL_SECONDS: 2, RATE_LIMIT_PER_MINUTE: 1000 });
    started.push(() => h.close());
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

  /** Opens the demo page and the chat panel; `say` sends a message as the parent types it. */
  async function openChat(page: Page) {
    await page.goto(`${h.service.url}/`);
    await page.locator(`${W} .launcher`).click();
    const input = page.locator(`${W} textarea#ow-input`);
    const say = async (text: string) => {
      await input.fill(text);
      await input.press("Enter");
    };
    return { say };
  }

  /** The dialogue as a parent taps it: a person, consent, "Hier in de chat"; the request is then open. */
  async function requestPersonInChat(page: Page, say: (text: string) => Promise<void>) {
    await say("Ik wil met een mens praten");
    await page.locator(`${W} button`, { hasText: "Ja, dat mag" }).click();
    await page.locator(`${W} button`, { hasText: "Hier in de chat" }).click();
    await page.locator(`${W} button.back`).waitFor({ state: "visible", timeout: 10_000 });
  }

  it("parent asks for a person, staff claims and replies, parent answers, staff sees it, back to the chatbot", async () => {
    const password = await h.addStaff(STAFF);
    const context = await browser.newContext({ viewport: { width: 375, height: 700 } });
    const page = await context.newPage();
    const { say } = await openChat(page);
    const subtitle = page.locator(`${W} .subtitle`);
    expect(await subtitle.textContent()).toBe("Automatische chatbot, geen mens");

    // The dialogue: a person, consent, "Hier in de chat".
    await requestPersonInChat(page, say);
    const back = page.locator(`${W} button.back`);

    // Before anyone picked up, a message is passed on, not answered by the bot.
    await say("Wat is een TLV? Mijn nummer is 06-12345678");
    await expect
      .poll(() => page.locator(`${W} .msg-bot`).last().textContent(), { timeout: 10_000 })
      .toContain("Je bericht is doorgegeven aan een medewerker.");

    // Staff: claim and reply over HTTP.
    const staff = h.client();
    await staff.login(STAFF, password);
    const [request] = await h.service.stores.handoffs.list(["open"]);
    if (!request) throw new Error("no open request");
    const detail = await staff.get(`/console/verzoeken/${request.id}`);
    expect(detail.status).toBe(200);
    await staff.post(`/console/verzoeken/${request.id}/oppakken`);
    const sent = await staff.post(`/console/verzoeken/${request.id}/antwoord`, {
      text: "Hallo, ik ben Anna van het steunpunt. Hoe oud is je kind?",
    });
    expect(sent.location).toContain("melding=verstuurd");

    // The parent sees that a person picked up, with the reply; the header says a person is talking now.
    await page.locator(`${W} .note`, { hasText: "Een medewerker praat nu met je." }).waitFor({ timeout: 15_000 });
    await page.locator(`${W} .msg-staff`, { hasText: "Hoe oud is je kind?" }).waitFor({ timeout: 15_000 });
    expect(await subtitle.textContent()).toBe("Je praat nu met een medewerker: een mens");
    await page.screenshot({ path: join(ARTIFACTS, "live-widget-staff.png") });

    // The parent's answer goes to the staff member: nothing from the bot.
    const botsBefore = await page.locator(`${W} .msg-bot`).count();
    await say("Hij is 9. Bel me gerust op 06-12345678");
    await expect.poll(() => page.locator(`${W} .status`).textContent(), { timeout: 10_000 }).toBe("");
    expect(await page.locator(`${W} .msg-bot`).count()).toBe(botsBefore);

    // Staff see it: masked in the stored transcript, as typed in the live line while the request is open.
    const turns = await h.service.stores.conversations.turns(request.conversationId);
    const last = turns.at(-1);
    expect(last?.role).toBe("parent");
    expect(last?.text).toContain("Hij is 9.");
    expect(last?.text).not.toContain("06-12345678");
    const again = await staff.get(`/console/verzoeken/${request.id}`);
    expect(again.text).toContain("Hij is 9.");

    // Back to the chatbot: the request closes with a note for staff, and the bot answers again.
    await back.click();
    await expect
      .poll(() => page.locator(`${W} .msg-bot`).last().textContent(), { timeout: 10_000 })
      .toContain("Je praat weer met de chatbot.");
    expect((await h.service.stores.handoffs.get(request.id))?.status).toBe("closed");
    await expect.poll(() => subtitle.textContent()).toBe("Automatische chatbot, geen mens");
    expect(await back.isVisible()).toBe(false);
    // Not the note for a request staff closed.
    expect(await page.locator(`${W} .note`, { hasText: "heeft het gesprek afgesloten" }).count()).toBe(0);
    const closedPage = await staff.get(`/console/verzoeken/${request.id}`);
    expect(closedPage.text).toContain("Je praat weer met de chatbot.");
    await say("Wat is een TLV?");
    await expect
      .poll(() => page.locator(`${W} .msg-bot`).last().getAttribute("data-kind"), { timeout: 10_000 })
      .toBe("answer");
    await page.screenshot({ path: join(ARTIFACTS, "live-widget-back.png") });
    await context.close();
  }, 90_000);

  it("asks before erasing while a request is open, and staff then read that the parent erased it", async () => {
    const password = await h.addStaff(STAFF);
    const context = await browser.newContext({ viewport: { width: 375, height: 700 } });
    const page = await context.newPage();
    await requestPersonInChat(page, (await openChat(page)).say);
    const conversationId = await page.evaluate(() =>
      Object.values({ ...localStorage, ...sessionStorage }).find((v) => /[0-9a-f-]{36}/.test(v)),
    );
    const request = (await h.service.stores.handoffs.list(["open"])).at(-1);
    if (!request) throw new Error("no open request");
    expect(conversationId).toContain(request.conversationId);
    const staff = h.client();
    await staff.login(STAFF, password);
    await staff.post(`/console/verzoeken/${request.id}/oppakken`);

    // The first tap asks; nothing is erased yet.
    const erase = page.locator(`${W} .footer button`, { hasText: "Gesprek wissen" });
    await erase.click();
    await expect
      .poll(() => page.locator(`${W} .error`).textContent())
      .toContain("Je hebt een gesprek met een medewerker.");
    expect(await h.service.stores.conversations.exists(request.conversationId)).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, "live-widget-erase-confirm.png") });
    await page.locator(`${W} .footer button`, { hasText: "Ja, wissen" }).click();
    await expect
      .poll(() => h.service.stores.conversations.exists(request.conversationId), { timeout: 10_000 })
      .toBe(false);

    // Staff: not a dead link, but what happened.
    const gone = await staff.get(`/console/verzoeken/${request.id}`);
    expect(gone.status).toBe(410);
    expect(gone.text).toContain("De ouder heeft het gesprek gewist");
    expect(gone.text).not.toContain("Niet gevonden");
    await context.close();
  }, 90_000);

  it("finds an open request again in a new tab on the same device, and forgets it once it is closed", async () => {
    const password = await h.addStaff(STAFF);
    const context = await browser.newContext({ viewport: { width: 375, height: 700 } });
    const first = await context.newPage();
    await requestPersonInChat(first, (await openChat(first)).say);
    const request = (await h.service.stores.handoffs.list(["open"])).at(-1);
    if (!request) throw new Error("no open request");
    await first.close();

    // Staff answer while the tab is closed.
    const staff = h.client();
    await staff.login(STAFF, password);
    await staff.post(`/console/verzoeken/${request.id}/oppakken`);
    await staff.post(`/console/verzoeken/${request.id}/antwoord`, { text: "Ben je er nog? Groet, het steunpunt" });

    const second = await context.newPage();
    await second.goto(`${h.service.url}/`);
    await second.locator(`${W} .launcher`).click();
    await second.locator(`${W} .msg-staff`, { hasText: "Ben je er nog?" }).waitFor({ timeout: 15_000 });
    expect(await second.locator(`${W} .subtitle`).textContent()).toBe("Je praat nu met een medewerker: een mens");
    await second.screenshot({ path: join(ARTIFACTS, "live-widget-return.png") });

    // Closed by staff: the id leaves local storage.
    await staff.post(`/console/verzoeken/${request.id}/sluiten`);
    await second.locator(`${W} .note`, { hasText: "afgesloten" }).waitFor({ timeout: 15_000 });
    await expect.poll(() => second.evaluate(() => localStorage.length)).toBe(0);
    await context.close();
  }, 90_000);

  it("continues an open request in a second browser context (another device) with the return code", async () => {
    const password = await h.addStaff(STAFF);
    const phone = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const first = await phone.newPage();
    await requestPersonInChat(first, (await openChat(first)).say);
    const shown = first.locator(`${W} .return-code .code`);
    await shown.waitFor({ timeout: 10_000 });
    const code = (await shown.textContent()) ?? "";
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await first.screenshot({ path: join(ARTIFACTS, "live-widget-return-code.png") });
    const request = (await h.service.stores.handoffs.list(["open"])).at(-1);
    if (!request) throw new Error("no open request");
    // Only its hash is stored: not in the request, not in the transcript.
    expect(JSON.stringify(request)).not.toContain(code.replaceAll("-", ""));
    const stored = await h.service.stores.conversations.turns(request.conversationId);
    expect(JSON.stringify(stored)).not.toContain(code);
    await first.reload();
    await first.locator(`${W} .launcher`).click();
    await first.locator(`${W} .return-code .code`, { hasText: code }).waitFor({ timeout: 10_000 });

    const staff = h.client();
    await staff.login(STAFF, password);
    await staff.post(`/console/verzoeken/${request.id}/oppakken`);
    await staff.post(`/console/verzoeken/${request.id}/antwoord`, { text: "Welke school is het? Groet, Anna" });

    // Another device: nothing in common with the first but the code, typed in lower case without dashes.
    const laptop = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const other = await laptop.newPage();
    const { say: sayOther } = await openChat(other);
    // A wrong code is said to be unknown, and changes nothing.
    await sayOther("ABCD-EFGH-2345");
    await expect
      .poll(() => other.locator(`${W} .msg-bot`).last().textContent(), { timeout: 10_000 })
      .toContain("Die terugkomcode ken ik niet.");
    await sayOther(code.replaceAll("-", " ").toLowerCase());
    await other.locator(`${W} .msg-staff`, { hasText: "Welke school is het?" }).waitFor({ timeout: 15_000 });
    await expect
      .poll(() => other.locator(`${W} .msg-bot`).last().textContent(), { timeout: 10_000 })
      .toContain("Welkom terug. Een medewerker praat met je.");
    expect(await other.locator(`${W} .subtitle`).textContent()).toBe("Je praat nu met een medewerker: een mens");
    // The code the parent typed is not in the conversation.
    expect(await other.locator(`${W} .log`).textContent()).not.toContain(code.replaceAll("-", " ").toLowerCase());

    // The parent answers from the other device: staff see it, and when the parent was last active.
    await sayOther("Het is De Regenboog in groep 6.");
    await expect
      .poll(async () => (await staff.get(`/console/verzoeken/${request.id}`)).text, { timeout: 10_000 })
      .toContain("Het is De Regenboog in groep 6.");
    const detail = await staff.get(`/console/verzoeken/${request.id}`);
    expect(detail.text).toMatch(/Laatst actief: <time id="last-active" datetime="\d{4}-/);
    await other.screenshot({ path: join(ARTIFACTS, "live-widget-other-device.png") });

    // The first device sees the same conversation go on.
    await first.locator(`${W} .msg-staff`, { hasText: "Welke school is het?" }).waitFor({ timeout: 15_000 });

    // Once the request is closed, the code opens nothing.
    await staff.post(`/console/verzoeken/${request.id}/sluiten`);
    const after = await fetch(`${h.service.url}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: code }),
    });
    const body = (await after.json()) as { conversationId: string; reply: { text: string } };
    expect(body.conversationId).not.toBe(request.conversationId);
    expect(body.reply.text).toContain("Die terugkomcode ken ik niet.");
    await phone.close();
    await laptop.close();
  }, 120_000);
});
