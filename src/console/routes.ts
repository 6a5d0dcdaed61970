import { join } from "node:path";
import express, {
  type ErrorRequestHandler,
  type Request,
  type RequestHandler,
  type Response,
  type Router,
} from "express";
import { csrfSync } from "csrf-sync";
import type { Logger } from "pino";
import { z } from "zod";
import type { Config } from "../config.js";
import { isLetterProblems, type Assistant } from "../core/index.js";
import { DOCX_TYPE, docxFileName, letterToDocx } from "../documents/letter-docx.js";
import type { Conversations } from "../conversation/index.js";
import type { HandoffRecord, StaffRecord, Stores } from "../stores/types.js";
import { locals } from "../web/middleware.js";
import {
  consoleSession,
  isCsrfError,
  isSameOrigin,
  loadStaff,
  loginTokens,
  requireRole,
  requireStaff,
  sessionSecret,
  staffOf,
  type LoginGuard,
} from "./auth.js";
import { chartCss } from "./charts.js";
import { dummyHash, verifyPassword } from "./password.js";
import { createAssistInput } from "./assist-input.js";
import { composeDraft } from "./draft.js";
import type { SafeHtml } from "./html.js";
import { insightsRoutes } from "./insights-routes.js";
import {
  assistPage,
  auditPage,
  entryPage,
  errorPage,
  handoffListPage,
  handoffPage,
  knowledgePage,
  letterPage,
  lettersPage,
  loginPage,
  type AssistCandidate,
  type NavKey,
  type PageContext,
} from "./views.js";

export interface ConsoleDeps {
  config: Pick<
    Config,
    | "CONSOLE_SESSION_SECRET"
    | "DATA_DIR"
    | "CONSOLE_IDLE_MINUTES"
    | "CONSOLE_MAX_HOURS"
    | "CONSOLE_MAX_FAILED_LOGINS"
    | "SUGGESTIONS_DIR"
    | "RETENTION_DAYS"
  >;
  assistant: Assistant;
  stores: Stores;
  logger: Logger;
  /** The seam: staff replies (masked, delivered, stored), the close notice and erasure. */
  conversations: Conversations;
  publicDir: string;
  /** Failed-login protection (memory, or Redis for all instances). */
  loginGuard: LoginGuard;
  now?: () => Date;
}

const loginBody = z.object({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(1024),
  terug: z.string().max(500).optional(),
});
const assistBody = z.object({
  text: z.string().max(10_000).default(""),
  vorm: z.enum(["je", "u"]).default("u"),
  kies: z.union([z.string(), z.array(z.string())]).optional(),
});
const replyBody = z.object({
  text: z.string().trim().min(1, "Typ eerst een antwoord.").max(4000, "Gebruik maximaal 4000 tekens."),
});
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Only paths inside the console, never another site ("//evil.example"). */
function safeBack(back: string | undefined): string {
  return back && /^\/console(\/[A-Za-z0-9/_.\-?=&%]*)?$/.test(back) && !back.startsWith("//")
    ? back
    : "/console/verzoeken";
}

/**
 * The helpdesk console at /console: login, handoff requests, assist, knowledge base and insights.
 * Server-rendered HTML plus a small JSON API under /console/api.
 */
export function createConsoleRouter(deps: ConsoleDeps): Router {
  const { config, assistant, stores, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const guard = deps.loginGuard;
  const router = express.Router();
  const { csrfSynchronisedProtection, generateToken } = csrfSync({
    getTokenFromRequest: (req) => {
      const body = req.body as { _csrf?: unknown } | undefined;
      const header = req.headers["x-csrf-token"];
      return typeof body?._csrf === "string" ? body._csrf : typeof header === "string" ? header : undefined;
    },
  });

  // Public: the stylesheets and script (no data in them).
  router.get("/assets/charts.css", (_req, res) => {
    res.type("css").setHeader("Cache-Control", "public, max-age=300");
    res.send(chartCss);
  });
  router.use("/assets", express.static(join(deps.publicDir, "console-assets"), { maxAge: "5m", fallthrough: false }));

  router.use((_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    // Never cached by proxies, never indexed, never framed (helmet sets frame-ancestors 'none' as well).
    res.setHeader("X-Robots-Tag", "noindex, nofollow");
    next();
  });
  router.use(consoleSession(config, stores));
  router.use(express.urlencoded({ extended: false, limit: "32kb", parameterLimit: 50 }));
  router.use(express.json({ limit: "32kb" }));
  router.use(loadStaff(stores, config.CONSOLE_MAX_HOURS, now));
  const csrf = csrfSynchronisedProtection;

  const audit = (
    staff: StaffRecord | null,
    action: string,
    targetType: string | null = null,
    targetId: string | null = null,
  ) => stores.audit.append({ staffId: staff?.id ?? null, action, targetType, targetId });

  const openCount = async () => (await stores.handoffs.list(["open", "claimed"])).length;
  const login = loginTokens(sessionSecret(config));
  const ctxFor = async (
    req: Request,
    res: Response,
    nav?: NavKey,
    extra: Partial<PageContext> = {},
  ): Promise<PageContext> => {
    const staff = staffOf(res);
    return {
      // Without a login the page only needs the login form's token, which needs no session (nothing is stored).
      csrf: staff ? generateToken(req) : login.issue(),
      ...(staff ? { staff, openCount: await openCount() } : {}),
      ...(nav ? { nav } : {}),
      ...extra,
    };
  };
  const send = (res: Response, page: SafeHtml, status = 200) => {
    res.status(status).type("html").send(page.value);
  };
  const route = (res: Response, name: string) => {
    locals(res).route = name;
  };

  // --- Login and logout ---------------------------------------------------------------------------------

  router.get("/inloggen", async (req, res) => {
    route(res, "GET /console/inloggen");
    if (staffOf(res)) return res.redirect(303, "/console/verzoeken");
    const back = typeof req.query.terug === "string" ? req.query.terug : undefined;
    const notice =
      req.query.uitgelogd === "1"
        ? "Je bent uitgelogd."
        : req.query.verlopen === "1"
          ? "Je sessie is verlopen. Log opnieuw in."
          : undefined;
    send(res, loginPage(await ctxFor(req, res, undefined, notice ? { notice } : {}), back ? { back } : {}));
  });

  // The login form: its own session-less token, from this site only (see loginTokens).
  const loginCsrf: RequestHandler = (req, _res, next) => {
    const token = (req.body as { _csrf?: unknown } | undefined)?._csrf ?? req.get("x-csrf-token");
    if (login.verify(token) && isSameOrigin(req)) return next();
    next(Object.assign(new Error("invalid csrf token"), { code: "EBADCSRFTOKEN", status: 403 }));
  };

  router.post("/inloggen", loginCsrf, async (req, res) => {
    route(res, "POST /console/inloggen");
    const parsed = loginBody.safeParse(req.body);
    const fail = async (status: number, error: string, email?: string) =>
      send(
        res,
        loginPage(await ctxFor(req, res, undefined, { error }), {
          ...(email ? { email } : {}),
          back: parsed.data?.terug ?? "",
        }),
        status,
      );
    if (!parsed.success) return fail(400, "Vul je e-mailadres en wachtwoord in.");
    const { email, password } = parsed.data;
    const ip = req.ip ?? "unknown";
    const lockedFor = await guard.blockedFor(email, ip);
    if (lockedFor > 0) {
      res.setHeader("Retry-After", String(lockedFor));
      await audit(null, "login.locked");
      return fail(
        429,
        `Te vaak een verkeerd wachtwoord. Probeer het over ${Math.ceil(lockedFor / 60)} minuten opnieuw.`,
        email,
      );
    }
    const staff = await stores.staff.byEmail(email);
    // Check a hash also for unknown addresses, so the answer time does not tell which addresses exist.
    const ok = await verifyPassword(password, staff?.passwordHash ?? (await dummyHash()));
    if (!ok || !staff || staff.disabled) {
      const locked = await guard.failed(email, ip);
      await audit(staff ?? null, "login.failed");
      if (locked > 0) res.setHeader("Retry-After", String(locked));
      return fail(
        locked > 0 ? 429 : 401,
        locked > 0
          ? `Te vaak een verkeerd wachtwoord. Probeer het over ${Math.ceil(locked / 60)} minuten opnieuw.`
          : "Dit e-mailadres of wachtwoord klopt niet.",
        email,
      );
    }
    await guard.succeeded(email, ip);
    // A new session id at login (no session fixation), with a new CSRF token.
    await new Promise<void>((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
    req.session.staffId = staff.id;
    req.session.loginAt = now().getTime();
    await new Promise<void>((resolve, reject) => req.session.save((err) => (err ? reject(err) : resolve())));
    await audit(staff, "login");
    logger.info({ event: "console-login", staffId: staff.id }, "console: staff logged in");
    res.redirect(303, safeBack(parsed.data.terug));
  });

  router.post("/uitloggen", csrf, async (req, res) => {
    route(res, "POST /console/uitloggen");
    const staff = staffOf(res);
    if (staff) await audit(staff, "logout");
    await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
    res.clearCookie("ow_console", { path: "/console", httpOnly: true, sameSite: "strict" });
    res.redirect(303, "/console/inloggen?uitgelogd=1");
  });

  // Everything below needs a logged-in staff member.
  router.use("/api", requireStaff("api"));
  router.use(requireStaff("page"));
  // Every change (POST, PUT, DELETE) carries the session's CSRF token: in a form field or the X-CSRF-Token header.
  router.use(csrf);

  router.get("/", (_req, res) => res.redirect(303, "/console/verzoeken"));

  // --- Handoff requests -------------------------------------------------------------------------------------

  const staffNames = async () => new Map((await stores.staff.list()).map((s) => [s.id, s.email]));
  const handoffParam = async (req: Request): Promise<HandoffRecord | undefined> => {
    const id = String(req.params.id ?? "");
    return UUID.test(id) ? stores.handoffs.get(id) : undefined;
  };
  const notFoundPage = async (req: Request, res: Response) =>
    send(
      res,
      errorPage(
        await ctxFor(req, res, "verzoeken"),
        404,
        "Dit verzoek bestaat niet (meer). Verzoeken worden na de bewaartermijn gewist.",
      ),
      404,
    );

  router.get("/verzoeken", async (req, res) => {
    route(res, "GET /console/verzoeken");
    const [open, closed, names] = await Promise.all([
      stores.handoffs.list(["open", "claimed"]),
      stores.handoffs.list(["closed"]),
      staffNames(),
    ]);
    const recentClosed = closed
      .filter((h) => h.requestedAt !== null)
      .sort((a, b) => (b.closedAt?.getTime() ?? 0) - (a.closedAt?.getTime() ?? 0))
      .slice(0, 20);
    send(
      res,
      handoffListPage(await ctxFor(req, res, "verzoeken", noticeOf(req)), {
        open,
        closed: recentClosed,
        now: now(),
        staffNames: names,
      }),
    );
  });

  router.get("/verzoeken/:id", async (req, res) => {
    route(res, "GET /console/verzoeken/:id");
    const h = await handoffParam(req);
    if (!h || h.requestedAt === null) return notFoundPage(req, res);
    const staff = staffOf(res) as StaffRecord;
    // Reading a conversation is recorded before it is shown.
    await audit(staff, "conversation.view", "handoff", h.id);
    const [turns, names] = await Promise.all([stores.conversations.turns(h.conversationId), staffNames()]);
    send(
      res,
      handoffPage(await ctxFor(req, res, "verzoeken", noticeOf(req)), {
        handoff: h,
        turns,
        now: now(),
        claimedByName: h.claimedBy === null ? null : (names.get(h.claimedBy) ?? `#${h.claimedBy}`),
        mine: h.status === "claimed" && h.claimedBy === staff.id,
      }),
    );
  });

  router.post("/verzoeken/:id/oppakken", async (req, res) => {
    route(res, "POST /console/verzoeken/:id/oppakken");
    const h = await handoffParam(req);
    if (!h || h.requestedAt === null) return notFoundPage(req, res);
    const staff = staffOf(res) as StaffRecord;
    // The form says what the page showed: an open request ("open") or one claimed by a colleague (their id). The
    // claim succeeds only if that is still so, in one atomic step: of two staff members claiming at the same
    // moment one wins, and the other is told, instead of both being told they have it.
    const seen = (req.body as { van?: unknown }).van;
    const patch = { status: "claimed" as const, claimedBy: staff.id, claimedAt: now() };
    const claimed =
      seen === "open"
        ? await stores.handoffs.transition(h.id, ["open"], patch)
        : typeof seen === "string" && /^\d{1,9}$/.test(seen)
          ? await stores.handoffs.transition(h.id, ["claimed"], patch, { claimedBy: Number(seen) })
          : await stores.handoffs.transition(h.id, ["open", "claimed"], patch);
    if (claimed) await audit(staff, "handoff.claim", "handoff", h.id);
    const outcome = claimed
      ? "opgepakt"
      : (await stores.handoffs.get(h.id))?.status === "closed"
        ? "gesloten"
        : "al-opgepakt";
    res.redirect(303, `/console/verzoeken/${h.id}?melding=${outcome}`);
  });

  router.post("/verzoeken/:id/antwoord", async (req, res) => {
    route(res, "POST /console/verzoeken/:id/antwoord");
    const h = await handoffParam(req);
    if (!h || h.requestedAt === null) return notFoundPage(req, res);
    const staff = staffOf(res) as StaffRecord;
    const body = replyBody.safeParse(req.body);
    if (!body.success || h.status !== "claimed" || h.claimedBy !== staff.id) {
      return res.redirect(303, `/console/verzoeken/${h.id}?fout=${!body.success ? "antwoord" : "niet-opgepakt"}`);
    }
    const outcome = await deps.conversations.staffReply(h, body.data.text);
    if (!outcome.sent) {
      logger.warn(
        { event: "handoff-delivery", handoffId: h.id, err: (outcome.error as Error).message },
        "console: staff reply not delivered",
      );
      return res.redirect(303, `/console/verzoeken/${h.id}?fout=verzenden`);
    }
    await audit(staff, "handoff.reply", "handoff", h.id);
    res.redirect(303, `/console/verzoeken/${h.id}?melding=verstuurd`);
  });

  router.post("/verzoeken/:id/sluiten", async (req, res) => {
    route(res, "POST /console/verzoeken/:id/sluiten");
    const h = await handoffParam(req);
    if (!h || h.requestedAt === null) return notFoundPage(req, res);
    const staff = staffOf(res) as StaffRecord;
    // Whoever claimed a request closes it (or an admin); an unclaimed one anyone may close.
    if (h.status === "claimed" && h.claimedBy !== staff.id && staff.role !== "admin") {
      return res.redirect(303, `/console/verzoeken/${h.id}?fout=niet-opgepakt`);
    }
    const closed = await stores.handoffs.transition(h.id, ["open", "claimed"], { status: "closed", closedAt: now() });
    if (closed) {
      await audit(staff, "handoff.close", "handoff", h.id);
      await deps.conversations.notifyClosed(h);
    }
    res.redirect(303, "/console/verzoeken?melding=afgesloten");
  });

  // Erasing a conversation (a parent's request by phone or mail, AVG art. 17) is for admins only, and audited.
  router.post("/verzoeken/:id/wissen", requireRole("admin"), async (req, res) => {
    route(res, "POST /console/verzoeken/:id/wissen");
    const h = await handoffParam(req);
    if (!h) return notFoundPage(req, res);
    if ((req.body as { zeker?: unknown }).zeker !== "ja")
      return res.redirect(303, `/console/verzoeken/${h.id}?fout=bevestig`);
    await deps.conversations.erase(h.conversationId);
    await audit(staffOf(res) as StaffRecord, "conversation.erase", "handoff", h.id);
    res.redirect(303, "/console/verzoeken?melding=gewist");
  });

  router.get("/api/verzoeken", async (_req, res) => {
    route(res, "GET /console/api/verzoeken");
    const open = await stores.handoffs.list(["open", "claimed"]);
    res.json({
      requests: open.map((h) => ({
        id: h.id,
        channel: h.channel,
        status: h.status,
        contactKind: h.contactKind,
        requestedAt: h.requestedAt?.toISOString() ?? null,
        claimedBy: h.claimedBy,
      })),
    });
  });

  // --- Assist -------------------------------------------------------------------------------------------------

  /**
   * The best entries for a pasted question or e-mail: the text as a whole and each question in it, best first.
   * What is searched is bounded (see assist-input.ts), so no paste costs more than a chat message.
   */
  const assistInput = createAssistInput(assistant);
  const bestEntries = (text: string, limit: number): AssistCandidate[] => {
    const best = new Map<string, { entry: AssistCandidate["entry"]; confidence: number }>();
    for (const part of assistInput(text)) {
      for (const s of assistant.suggest(part, limit)) {
        const seen = best.get(s.entry.id);
        if (!seen || seen.confidence < s.confidence) best.set(s.entry.id, s);
      }
    }
    return [...best.values()]
      .sort((a, b) => b.confidence - a.confidence)
      .slice(0, limit)
      .map((s) => ({ ...s, citations: assistant.citationsOf(s.entry.id) }));
  };
  const draftsFor = (chosen: AssistCandidate[]) => {
    const entries = chosen.map((c) => ({
      question: c.entry.question,
      answer: c.entry.answer,
      nextSteps: c.entry.nextSteps,
      citations: c.citations,
    }));
    return { je: composeDraft({ entries, form: "je" }), u: composeDraft({ entries, form: "u" }) };
  };

  router.get("/hulp", async (req, res) => {
    route(res, "GET /console/hulp");
    send(
      res,
      assistPage(await ctxFor(req, res, "hulp"), { text: "", form: "u", candidates: [], chosen: [], drafts: null }),
    );
  });

  router.post("/hulp", async (req, res) => {
    route(res, "POST /console/hulp");
    const body = assistBody.safeParse(req.body);
    if (!body.success || body.data.text.trim() === "") {
      return send(
        res,
        assistPage(await ctxFor(req, res, "hulp", { error: "Plak eerst een vraag of e-mail." }), {
          text: "",
          form: "u",
          candidates: [],
          chosen: [],
          drafts: null,
        }),
        400,
      );
    }
    const { text, vorm } = body.data;
    const candidates = bestEntries(text, 3);
    const asked = body.data.kies === undefined ? undefined : [body.data.kies].flat();
    const chosen = asked ? candidates.filter((c) => asked.includes(c.entry.id)) : candidates.slice(0, 1);
    send(
      res,
      assistPage(await ctxFor(req, res, "hulp"), {
        text,
        form: vorm,
        candidates,
        chosen: chosen.map((c) => c.entry.id),
        drafts: draftsFor(chosen),
      }),
    );
  });

  router.post("/api/hulp", async (req, res) => {
    route(res, "POST /console/api/hulp");
    const body = assistBody.safeParse(req.body);
    if (!body.success || body.data.text.trim() === "")
      return res.status(400).json({ error: "Stuur een vraag in 'text'." });
    const candidates = bestEntries(body.data.text, 3);
    res.json({
      candidates: candidates.map((c) => ({
        id: c.entry.id,
        question: c.entry.question,
        confidence: c.confidence,
        answer: c.entry.answer,
        nextSteps: c.entry.nextSteps,
        citations: c.citations,
      })),
      draft: draftsFor(candidates.slice(0, 1))[body.data.vorm],
    });
  });

  // --- Letters: made for a parent on the phone; nothing filled in is stored or logged (the audit log gets the
  // letter id only) -------------------------------------------------------------------------------------------

  router.get("/brieven", async (req, res) => {
    route(res, "GET /console/brieven");
    send(res, lettersPage(await ctxFor(req, res, "brieven"), assistant.letters()));
  });
  const letterParam = (req: Request) => assistant.letters().find((l) => l.id === String(req.params.id));
  const letterNotFound = async (req: Request, res: Response) =>
    send(res, errorPage(await ctxFor(req, res, "brieven"), 404, "Deze brief bestaat niet."), 404);

  router.get("/brieven/:id", async (req, res) => {
    route(res, "GET /console/brieven/:id");
    const letter = letterParam(req);
    if (!letter) return letterNotFound(req, res);
    send(res, letterPage(await ctxFor(req, res, "brieven"), letter, { values: {}, problems: {}, filled: null }));
  });

  router.post("/brieven/:id", async (req, res) => {
    route(res, "POST /console/brieven/:id");
    const letter = letterParam(req);
    if (!letter) return letterNotFound(req, res);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values: Record<string, string> = {};
    for (const f of letter.fields) {
      const v = body[f.name];
      if (typeof v === "string") values[f.name] = v;
    }
    const result = assistant.fillLetter(letter.id, values);
    if (!result) return letterNotFound(req, res);
    if (isLetterProblems(result)) {
      const ctx = await ctxFor(req, res, "brieven", {
        error: "Niet alle gegevens zijn goed ingevuld. Kijk bij de velden met een melding.",
      });
      return send(res, letterPage(ctx, letter, { values, problems: result.problems, filled: null }), 400);
    }
    await audit(staffOf(res) ?? null, "letter.make", "letter", letter.id);
    if (body.formaat === "docx") {
      const edited = typeof body.tekst === "string" ? body.tekst.replace(/\r\n?/gu, "\n").trim() : "";
      const file = await letterToDocx(edited ? { ...result, text: edited } : result);
      res
        .set({ "Content-Type": DOCX_TYPE, "Content-Disposition": `attachment; filename="${docxFileName(result)}"` })
        .send(file);
      return;
    }
    send(
      res,
      letterPage(
        await ctxFor(req, res, "brieven", { notice: "De brief staat klaar. Niets ervan is bewaard." }),
        letter,
        { values, problems: {}, filled: result },
      ),
    );
  });

  // --- Knowledge base -------------------------------------------------------------------------------------

  router.get("/kennisbank", async (req, res) => {
    route(res, "GET /console/kennisbank");
    const query = typeof req.query.q === "string" ? req.query.q.slice(0, 300).trim() : "";
    const topic = typeof req.query.onderwerp === "string" ? req.query.onderwerp : null;
    const results = query ? bestEntries(query, 10) : null;
    send(
      res,
      knowledgePage(await ctxFor(req, res, "kennisbank"), { query, topics: assistant.topics(), topic, results }),
    );
  });

  router.get("/kennisbank/:id", async (req, res) => {
    route(res, "GET /console/kennisbank/:id");
    const entry = assistant.entry(String(req.params.id));
    if (!entry)
      return send(
        res,
        errorPage(await ctxFor(req, res, "kennisbank"), 404, "Deze vraag staat niet in de kennisbank."),
        404,
      );
    const related = entry.related.flatMap((id) => assistant.entry(id) ?? []);
    send(
      res,
      entryPage(
        await ctxFor(req, res, "kennisbank"),
        { entry, confidence: 1, citations: assistant.citationsOf(entry.id) },
        related,
      ),
    );
  });

  // --- Insights and audit -----------------------------------------------------------------------------------

  router.use(insightsRoutes({ stores, assistant, config, ctxFor, send, audit, route, now }));

  router.get("/audit", requireRole("admin"), async (req, res) => {
    route(res, "GET /console/audit");
    const [rows, names] = await Promise.all([stores.audit.list({ limit: 200 }), staffNames()]);
    await audit(staffOf(res) as StaffRecord, "audit.view");
    send(res, auditPage(await ctxFor(req, res, "audit"), rows, names));
  });

  router.use(async (req, res) => {
    route(res, "(console not found)");
    send(res, errorPage(await ctxFor(req, res), 404, "Deze pagina bestaat niet."), 404);
  });

  const onError: ErrorRequestHandler = (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const status = isCsrfError(err) ? 403 : ((err as { status?: number }).status ?? 500);
    if (status >= 500) return next(err);
    const message =
      status === 403 && isCsrfError(err)
        ? "Dit formulier is verlopen of kwam niet van de console. Laad de pagina opnieuw en probeer het nog eens."
        : status === 403
          ? "Dit mag alleen een beheerder."
          : "Dit verzoek klopt niet.";
    if (req.originalUrl.startsWith("/console/api/") || req.is("application/json")) {
      res.status(status).json({ error: message });
      return;
    }
    ctxFor(req, res).then(
      (ctx) => send(res, errorPage(ctx, status, message), status),
      () => res.status(status).type("text").send(message),
    );
  };
  router.use(onError);
  return router;
}

const NOTICES: Record<string, string> = {
  opgepakt: "Je hebt dit verzoek opgepakt.",
  gesloten: "Dit verzoek kon niet worden opgepakt: het is al afgesloten.",
  "al-opgepakt": "Een collega heeft dit verzoek net opgepakt. Kijk hieronder wie.",
  verstuurd: "Je antwoord is verstuurd.",
  afgesloten: "Het verzoek is afgesloten.",
  gewist: "Het gesprek en het verzoek zijn gewist.",
};

const ERRORS: Record<string, string> = {
  antwoord: "Typ een antwoord van hoogstens 4000 tekens.",
  "niet-opgepakt": "Pak het verzoek eerst op.",
  verzenden: "Het antwoord kon niet worden verstuurd. Probeer het opnieuw.",
  bevestig: "Vink eerst aan dat je het gesprek echt wilt wissen.",
};

function noticeOf(req: Request): Partial<PageContext> {
  const key = typeof req.query.melding === "string" ? req.query.melding : "";
  const error = typeof req.query.fout === "string" ? ERRORS[req.query.fout] : undefined;
  return { ...(NOTICES[key] ? { notice: NOTICES[key] } : {}), ...(error ? { error } : {}) };
}
