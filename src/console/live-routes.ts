import express, { type Request, type Response, type Router } from "express";
import { ERASED_BY_PARENT, type Conversations, type RelayEvent } from "../conversation/index.js";
import type { HandoffRecord, StaffRecord, Stores, TurnRecord } from "../stores/types.js";
import { staffOf } from "./auth.js";
import { html, type SafeHtml } from "./html.js";
import type { ConsoleKit } from "./kit.js";
import { formatDateTime } from "./views.js";

// The live side of a handoff request (issue 16): what the parent types while the request is open, as typed, pushed
// to the request page with server-sent events (behind the console login, like every page), the parent's last
// activity, and handing the conversation back to the chatbot.

export interface LiveRouteDeps extends ConsoleKit {
  stores: Stores;
  conversations: Conversations;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isOpen = (h: HandoffRecord) => h.status === "open" || h.status === "claimed";
/** A comment line every so often, so proxies keep the stream open. */
const KEEPALIVE_MS = 25_000;

/** When the parent last wrote: their last stored turn, or a later message in the live line. */
export function lastActivity(h: HandoffRecord, turns: TurnRecord[], conversations: Conversations): Date | null {
  const stored = turns.filter((t) => t.role === "parent").at(-1)?.createdAt ?? null;
  const live = conversations.relay.lastActive(h.id);
  if (!stored) return live;
  return live && live > stored ? live : stored;
}

export const ERASED_TEXT =
  "De ouder heeft het gesprek gewist. Het verzoek is daarmee gesloten; het gesprek is niet meer te lezen.";

/** Whether the parent erased the conversation of this request while it was open (an audit row, no content). */
export async function erasedByParent(stores: Pick<Stores, "audit">, id: string): Promise<boolean> {
  if (!UUID.test(id)) return false;
  return (await stores.audit.list({ targetId: id, limit: 20 })).some((a) => a.action === ERASED_BY_PARENT);
}

/** The live section of the request page: the parent's messages as typed (while open), last activity, hand back. */
export function liveSection(
  h: HandoffRecord,
  turns: TurnRecord[],
  options: { csrf: string; mine: boolean; conversations: Conversations },
): SafeHtml {
  const data = { ...options, lastActive: lastActivity(h, turns, options.conversations) };
  const open = isOpen(h);
  const messages = data.conversations.relay.unmasked(h.id, open);
  return html`<section aria-labelledby="live-title" id="live" ${open ? html`data-live="/console/verzoeken/${h.id}/live"` : ""}>
    <h2 id="live-title">Nieuwe berichten van de ouder</h2>
    <p>Laatst actief: <time id="last-active" ${data.lastActive ? html`datetime="${data.lastActive.toISOString()}"` : ""}>${data.lastActive ? formatDateTime(data.lastActive) : "onbekend"}</time></p>
    ${
      open
        ? html`<p class="hint">Zolang het verzoek open is, zie je hier wat de ouder typt, zoals getypt (ook een telefoonnummer of e-mailadres voor jou). Nieuwe berichten verschijnen vanzelf. Bewaard wordt alleen de onleesbaar gemaakte tekst.</p>`
        : html`<p class="hint">Het verzoek is afgesloten: de berichten zoals getypt zijn niet meer te zien.</p>`
    }
    <ol class="live-messages" id="live-messages" aria-live="polite">
      ${messages.map(
        (m) =>
          html`<li class="turn turn-parent"><p class="meta"><strong>Ouder</strong> <time datetime="${m.at.toISOString()}">${formatDateTime(m.at)}</time></p><p class="text">${m.text}</p></li>`,
      )}
    </ol>
    ${
      open && (data.mine || h.status === "open")
        ? html`<form method="post" action="/console/verzoeken/${h.id}/teruggeven" class="inline">
            <input type="hidden" name="_csrf" value="${data.csrf}">
            <button type="submit" class="secondary">Teruggeven aan de chatbot</button>
          </form>`
        : ""
    }
  </section>`;
}

const eventData = (event: RelayEvent) =>
  JSON.stringify(
    event.type === "parent" || event.type === "staff"
      ? { text: event.text, at: event.at.toISOString(), time: formatDateTime(event.at) }
      : { at: event.at.toISOString(), time: formatDateTime(event.at) },
  );

export function liveRoutes(deps: LiveRouteDeps): Router {
  const { stores, conversations, audit, route, now } = deps;
  const router = express.Router();
  const handoffParam = async (req: Request) => {
    const id = String(req.params.id ?? "");
    return UUID.test(id) ? stores.handoffs.get(id) : undefined;
  };

  // Server-sent events: "parent" (text as typed), "staff", "returned" (the parent came back with the return
  // code), "back" and "erased" (the request closed; the stream ends).
  router.get("/verzoeken/:id/live", async (req, res: Response) => {
    route(res, "GET /console/verzoeken/:id/live");
    const h = await handoffParam(req);
    if (!h || h.requestedAt === null || !isOpen(h)) {
      res.status(204).end();
      return;
    }
    res.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    });
    res.write("retry: 5000\n\n");
    const stop = conversations.relay.subscribe(h.id, (event) => {
      res.write(`event: ${event.type}\ndata: ${eventData(event)}\n\n`);
      if (event.type === "back" || event.type === "erased") end();
    });
    const keepalive = setInterval(() => res.write(": still here\n\n"), KEEPALIVE_MS);
    keepalive.unref();
    let ended = false;
    function end() {
      if (ended) return;
      ended = true;
      clearInterval(keepalive);
      stop();
      res.end();
    }
    req.on("close", end);
  });

  router.post("/verzoeken/:id/teruggeven", async (req, res) => {
    route(res, "POST /console/verzoeken/:id/teruggeven");
    const h = await handoffParam(req);
    if (!h || h.requestedAt === null) {
      res.redirect(303, "/console/verzoeken");
      return;
    }
    const staff = staffOf(res) as StaffRecord;
    // Like closing: whoever claimed it (or an admin); an unclaimed one anyone may hand back.
    if (h.status === "claimed" && h.claimedBy !== staff.id && staff.role !== "admin") {
      res.redirect(303, `/console/verzoeken/${h.id}?fout=niet-opgepakt`);
      return;
    }
    const closed = await stores.handoffs.transition(h.id, ["open", "claimed"], { status: "closed", closedAt: now() });
    if (closed) {
      await audit(staff, "handoff.close", "handoff", h.id);
      await conversations.handedBack(closed);
    }
    res.redirect(303, "/console/verzoeken?melding=afgesloten");
  });

  return router;
}
