import express, { type Request, type Response, type Router } from "express";
import type { Logger } from "pino";
import { z } from "zod";
import type { Assistant } from "../core/index.js";
import type { Conversations } from "../conversation/index.js";
import type { HandoffRecord, StaffRecord, Stores } from "../stores/types.js";
import { requireRole, staffOf } from "./auth.js";
import type { ConsoleKit } from "./kit.js";
import { ERASED_TEXT, erasedByParent, liveSection } from "./live-routes.js";
import { errorPage, handoffListPage, handoffPage, type PageContext } from "./views.js";

// Handoff requests: the list, one request with its (masked) conversation, claim, reply, close and (admins) erase.

export interface HandoffRouteDeps extends ConsoleKit {
  assistant: Assistant;
  stores: Stores;
  logger: Logger;
  /** The seam: staff replies (masked, delivered, stored), the close notice and erasure. */
  conversations: Conversations;
}

const replyBody = z.object({
  text: z.string().trim().min(1, "Typ eerst een antwoord.").max(4000, "Gebruik maximaal 4000 tekens."),
});
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function handoffRoutes(deps: HandoffRouteDeps): Router {
  const { stores, logger, ctxFor, send, audit, route, now } = deps;
  const router = express.Router();

  const staffNames = async () => new Map((await stores.staff.list()).map((s) => [s.id, s.email]));
  const handoffParam = async (req: Request) => {
    const id = String(req.params.id ?? "");
    return UUID.test(id) ? stores.handoffs.get(id) : undefined;
  };
  const notFoundPage = async (req: Request, res: Response) => {
    // A request whose conversation the parent erased while it was open: say so, not "not found".
    const erased = await erasedByParent(stores, String(req.params.id ?? ""));
    const status = erased ? 410 : 404;
    const text = erased ? ERASED_TEXT : "Dit verzoek bestaat niet (meer). Verzoeken worden na de bewaartermijn gewist.";
    send(res, errorPage(await ctxFor(req, res, "verzoeken"), status, text), status);
  };
  const back = (res: Response, h: HandoffRecord, query: string) => {
    res.redirect(303, `/console/verzoeken/${h.id}?${query}`);
  };

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
    const ctx = await ctxFor(req, res, "verzoeken", noticeOf(req));
    const mine = h.status === "claimed" && h.claimedBy === staff.id;
    const live = liveSection(h, turns, { csrf: ctx.csrf, mine, conversations: deps.conversations });
    send(
      res,
      handoffPage(ctx, {
        live,
        handoff: h,
        turns,
        now: now(),
        claimedByName: h.claimedBy === null ? null : (names.get(h.claimedBy) ?? `#${h.claimedBy}`),
        mine,
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
    if (claimed) {
      await audit(staff, "handoff.claim", "handoff", h.id);
      // Telegram is told at once (the widget sees the claim on its next poll); a takeover is not news to the parent.
      if (h.status === "open") await deps.conversations.notifyClaimed(claimed);
    }
    const outcome = claimed
      ? "opgepakt"
      : (await stores.handoffs.get(h.id))?.status === "closed"
        ? "gesloten"
        : "al-opgepakt";
    back(res, h, `melding=${outcome}`);
  });

  router.post("/verzoeken/:id/antwoord", async (req, res) => {
    route(res, "POST /console/verzoeken/:id/antwoord");
    const h = await handoffParam(req);
    if (!h || h.requestedAt === null) return notFoundPage(req, res);
    const staff = staffOf(res) as StaffRecord;
    const body = replyBody.safeParse(req.body);
    if (!body.success || h.status !== "claimed" || h.claimedBy !== staff.id) {
      back(res, h, `fout=${!body.success ? "antwoord" : "niet-opgepakt"}`);
      return;
    }
    const outcome = await deps.conversations.staffReply(h, body.data.text);
    if (!outcome.sent) {
      logger.warn(
        { event: "handoff-delivery", handoffId: h.id, err: (outcome.error as Error).message },
        "console: staff reply not delivered",
      );
      back(res, h, "fout=verzenden");
      return;
    }
    await audit(staff, "handoff.reply", "handoff", h.id);
    back(res, h, "melding=verstuurd");
  });

  router.post("/verzoeken/:id/sluiten", async (req, res) => {
    route(res, "POST /console/verzoeken/:id/sluiten");
    const h = await handoffParam(req);
    if (!h || h.requestedAt === null) return notFoundPage(req, res);
    const staff = staffOf(res) as StaffRecord;
    // Whoever claimed a request closes it (or an admin); an unclaimed one anyone may close.
    if (h.status === "claimed" && h.claimedBy !== staff.id && staff.role !== "admin") {
      back(res, h, "fout=niet-opgepakt");
      return;
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
    if ((req.body as { zeker?: unknown }).zeker !== "ja") {
      back(res, h, "fout=bevestig");
      return;
    }
    await deps.conversations.erase(h.conversationId);
    await audit(staffOf(res) as StaffRecord, "conversation.erase", "handoff", h.id);
    res.redirect(303, "/console/verzoeken?melding=gewist");
  });

  router.get("/api/verzoeken", async (_req, res) => {
    route(res, "GET /console/api/verzoeken");
    res.json({ requests: (await stores.handoffs.list(["open", "claimed"])).map(requestJson) });
  });

  return router;
}

/** An open request for the JSON API: no contact details, no text. */
function requestJson(h: HandoffRecord) {
  return {
    id: h.id,
    channel: h.channel,
    status: h.status,
    contactKind: h.contactKind,
    requestedAt: h.requestedAt?.toISOString() ?? null,
    claimedBy: h.claimedBy,
  };
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
