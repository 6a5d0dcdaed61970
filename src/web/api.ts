import { createHash, randomUUID } from "node:crypto";
import cors from "cors";
import express, { type Request, type RequestHandler, type Response, type Router } from "express";
import type { z } from "zod";
import type { Config } from "../config.js";
import { isLetterProblems, type Assistant } from "../core/index.js";
import type { Conversations } from "../conversation/index.js";
import { maskPersonalData } from "../stores/mask.js";
import type { Stores } from "../stores/types.js";
import { DOCX_TYPE, docxFileName, letterToDocx } from "../documents/letter-docx.js";
import type { SharedState } from "../shared-state.js";
import { locals, notFound, sendError } from "./middleware.js";
import { rateLimit } from "./rate-limit.js";
import { messages } from "./messages.js";
import { chatRequest, describeIssues, feedbackRequest, isWebConversationId, letterRequest } from "./schemas.js";

export interface ApiDeps {
  config: Pick<Config, "WIDGET_ORIGINS" | "RATE_LIMIT_PER_MINUTE" | "MAX_MESSAGE_CHARS" | "LOG_MESSAGE_TEXT">;
  assistant: Assistant;
  stores: Stores;
  /** The seam: answers, the handoff state, erasure. */
  conversations: Conversations;
  /** Where rate limits are counted (memory, or Redis for all instances). */
  shared: SharedState;
}

/** Validates a JSON body; on failure answers 400 (or 413) with the fields and returns undefined. */
function parseBody<S extends z.ZodType>(schema: S, req: Request, res: Response): z.infer<S> | undefined {
  const result = schema.safeParse(req.body);
  if (result.success) return result.data;
  // Text over the length limit is 413 (what the widget expects); everything else is 400.
  const tooLong = result.error.issues.every((i) => i.code === "too_big" && i.path[0] === "text");
  sendError(res, tooLong ? 413 : 400, describeIssues(result.error));
  return undefined;
}

const paramOf = (req: Request, name: string): string => {
  const v: unknown = req.params[name];
  return typeof v === "string" ? v : "";
};

/** An id from the URL, when it is one the web API hands out and the conversation exists. */
async function knownConversation(stores: Stores, id: string | null | undefined): Promise<string | undefined> {
  if (!id || !isWebConversationId(id)) return undefined;
  return (await stores.conversations.exists(id)) ? id : undefined;
}

/** The JSON API under /api: chat, transcript, erasure, feedback, topics. */
export function createApiRouter({ config, assistant, stores, conversations, shared }: ApiDeps): Router {
  const router = express.Router();
  // Per client IP, over all instances when REDIS_URL is set.
  const limited = (name: string, limit: number) =>
    rateLimit(shared.limiter({ name, points: limit, durationSeconds: 60 }), {
      limit,
      windowSeconds: 60,
      onLimited: (_req, res) => {
        locals(res).route ??= "(rate limited)";
        sendError(res, 429, { error: messages.rateLimited });
      },
    });
  const chatLimit = limited("chat", config.RATE_LIMIT_PER_MINUTE);
  // Reading, erasing and feedback are cheaper, but limited too so that nobody can try ids at speed.
  const otherLimit = limited("api", Math.min(config.RATE_LIMIT_PER_MINUTE * 4, Number.MAX_SAFE_INTEGER));
  const chatSchema = chatRequest(config.MAX_MESSAGE_CHARS);
  router.use(corsAndBody(config.WIDGET_ORIGINS));
  letterRoutes(router, assistant, otherLimit);

  router.post("/chat", chatLimit, async (req, res) => {
    locals(res).route = "POST /api/chat";
    const body = parseBody(chatSchema, req, res);
    if (!body) return;
    const clientId = body.clientMessageId?.toLowerCase();
    if (clientId) {
      // A retried send is answered with the first answer; a concurrent duplicate waits for it.
      const hash = createHash("sha256")
        .update(JSON.stringify([body.conversationId ?? null, body.text, ...(body.action ? [body.action] : [])]))
        .digest("hex");
      let claim = await stores.sends.begin(clientId, hash);
      for (let waited = 0; claim.state === "pending" && waited < 10_000; waited += 100) {
        await new Promise((r) => setTimeout(r, 100));
        claim = await stores.sends.begin(clientId, hash);
      }
      if (claim.state === "conflict") {
        sendError(res, 422, { error: messages.messageIdReused });
        return;
      }
      if (claim.state === "pending") {
        sendError(res, 409, { error: messages.messageInProgress }, { "Retry-After": "2" });
        return;
      }
      if (claim.state === "done") {
        locals(res).route = "POST /api/chat (repeated)";
        res.type("json").send(claim.response);
        return;
      }
    }
    try {
      await answerChat(body, clientId, res);
    } catch (err) {
      if (clientId) await stores.sends.abandon(clientId).catch(() => {});
      throw err;
    }
  });

  async function answerChat(body: z.infer<typeof chatSchema>, clientId: string | undefined, res: Response) {
    // An absent, malformed or unknown id starts a new conversation: clients cannot choose ids.
    const known = await knownConversation(stores, body.conversationId);
    const conversationId = known ?? randomUUID();
    const at = { conversationId, channel: "web" as const, chatRef: null, fresh: known === undefined };
    // A typed return code continues an open request for a person in its own conversation (issue 16). A tapped
    // choice does what it says; an entry the knowledge base no longer has is answered as the text.
    const resumed = body.action ? null : await conversations.resume(at, body.text);
    const turn =
      resumed ??
      (body.action ? await conversations.act(at, body.action, body.text) : null) ??
      (await conversations.answer(at, body.text));
    const { reply } = turn;
    Object.assign(locals(res), { kind: reply.kind, answerId: reply.answerId });
    // Off by default; for local debugging only, and even then masked.
    if (config.LOG_MESSAGE_TEXT) locals(res).log.debug({ messageText: maskPersonalData(body.text) }, "message text");
    // `relayed`: the message went to a person (issue 16); "staff" comes with an empty reply the widget does not draw.
    // `resumed`: the reply belongs to another conversation (the one of the return code); the widget loads it.
    const continued = resumed && resumed.conversationId !== conversationId ? resumed.conversationId : null;
    const payload = {
      conversationId: continued ?? conversationId,
      reply,
      handoff: turn.handoff,
      ...(turn.relayed ? { relayed: turn.relayed } : {}),
      ...(continued ? { resumed: true } : {}),
    };
    if (clientId) await stores.sends.complete(clientId, payload.conversationId, JSON.stringify(payload));
    res.json(payload);
  }

  router.get("/conversations/:id", otherLimit, async (req, res) => {
    locals(res).route = "GET /api/conversations/:id";
    const id = await knownConversation(stores, paramOf(req, "id"));
    const turns = id ? await stores.conversations.turns(id) : [];
    if (!id || turns.length === 0) {
      sendError(res, 404, { error: messages.conversationNotFound });
      return;
    }
    res.json({
      conversationId: id,
      turns: turns.map((t) => ({
        seq: t.seq,
        role: t.role,
        text: t.text,
        kind: t.kind,
        answerId: t.answerId,
        createdAt: t.createdAt.toISOString(),
      })),
      handoff: await conversations.view(id),
    });
  });

  router.delete("/conversations/:id", otherLimit, async (req, res) => {
    locals(res).route = "DELETE /api/conversations/:id";
    const id = paramOf(req, "id");
    // 204 whether or not it existed: erasing is idempotent and says nothing about other conversations.
    if (isWebConversationId(id)) await conversations.erase(id);
    res.status(204).end();
  });

  router.post("/feedback", otherLimit, async (req, res) => {
    locals(res).route = "POST /api/feedback";
    const body = parseBody(feedbackRequest, req, res);
    if (!body) return;
    const id = await knownConversation(stores, body.conversationId);
    if (!id) {
      sendError(res, 404, { error: messages.conversationNotFound });
      return;
    }
    // Only an answer the knowledge base has: anything else is refused before it reaches the store or the log.
    if (!assistant.entry(body.answerId)) {
      sendError(res, 400, { error: messages.invalidRequest, fields: { answerId: messages.unknownAnswer } });
      return;
    }
    await stores.feedback.add({
      conversationId: id,
      answerId: body.answerId,
      helpful: body.helpful,
      ...(body.comment !== undefined ? { comment: body.comment } : {}),
    });
    locals(res).answerId = body.answerId;
    res.status(201).json({ ok: true });
  });

  router.get("/topics", otherLimit, (_req, res) => {
    locals(res).route = "GET /api/topics";
    res.setHeader("Cache-Control", "public, max-age=300");
    res.json({ topics: assistant.topics() });
  });

  router.use(notFound());
  return router;
}

/**
 * CORS, no caching and the JSON body in one middleware (one router layer instead of three). A request without
 * an Origin header is not cross-origin: it only needs the Vary header that a cached answer must carry.
 */
function corsAndBody(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins.map((o) => new URL(o).origin));
  const corsHandler = cors({
    // Only the configured sites get an Access-Control-Allow-Origin header; no wildcard, no reflection.
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin) ? origin : false),
    methods: ["GET", "POST", "DELETE"],
    allowedHeaders: ["Content-Type"],
    exposedHeaders: ["Retry-After", "X-Request-Id"],
    maxAge: 600,
  });
  const json = express.json({ limit: "16kb" });
  return (req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    // express's Request is the IncomingMessage node created; its type is an interface over that instance.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
    const parse = () => json(req, res, next);
    if (req.headers.origin === undefined) {
      res.setHeader("Vary", "Origin");
      parse();
    } else corsHandler(req, res, (err?: unknown) => (err ? next(err) : parse()));
  };
}

/**
 * Letters: what the parent fills in is used for this one response only. It is never stored, never logged (the
 * request log gets the route and the letter id), and the response is no-store. Their own body limit: a letter
 * has several paragraphs.
 */
function letterRoutes(router: Router, assistant: Assistant, limit: RequestHandler): void {
  router.get("/letters", limit, (_req, res) => {
    locals(res).route = "GET /api/letters";
    res.json({ letters: assistant.letters() });
  });
  router.post("/letters/:id", limit, express.json({ limit: "64kb" }), async (req, res) => {
    locals(res).route = "POST /api/letters/:id";
    const id = paramOf(req, "id");
    const known = assistant.letters().find((l) => l.id === id);
    if (!known) {
      sendError(res, 404, { error: messages.letterNotFound });
      return;
    }
    Object.assign(locals(res), { kind: "letter", answerId: known.id });
    const body = parseBody(letterRequest, req, res);
    if (!body) return;
    const result = assistant.fillLetter(id, body.fields);
    if (!result) {
      sendError(res, 404, { error: messages.letterNotFound });
      return;
    }
    if (isLetterProblems(result)) {
      const labels = Object.keys(result.problems).map(
        (name) => known.fields.find((f) => f.name === name)?.label ?? name,
      );
      sendError(res, 400, { error: messages.letterFields(labels), fields: result.problems });
      return;
    }
    if (req.accepts(["application/json", DOCX_TYPE]) === DOCX_TYPE) {
      // The parent may have edited the letter before downloading it; the blanks were checked all the same.
      const edited = body.text?.trim();
      const file = await letterToDocx(edited ? { ...result, text: edited.replace(/\r\n?/gu, "\n") } : result);
      res
        .set({ "Content-Type": DOCX_TYPE, "Content-Disposition": `attachment; filename="${docxFileName(result)}"` })
        .send(file);
      return;
    }
    res.json({
      title: result.title,
      text: result.text,
      deadline: result.deadline,
      deadlineText: result.deadlineText,
      recipient: result.recipient,
      tips: result.tips,
      legalBasis: result.legalBasis,
    });
  });
}
