/// <reference lib="dom" />
// The widget's client for the service's HTTP API. Failures become typed values the UI turns into Dutch text.

import { parseChatResponse, parseConversation, type WidgetChatResponse, type WidgetConversation } from "./reply.js";

export type ApiFailure =
  | { kind: "offline" }
  /** The device is online but the service could not be reached (down, refused, reset). */
  | { kind: "unreachable" }
  | { kind: "timeout" }
  | { kind: "too-long" }
  | { kind: "rate-limited"; retryAfterSeconds: number | null }
  | { kind: "busy" }
  | { kind: "not-found" }
  | { kind: "bad-request" }
  | { kind: "server" };

export class WidgetApiError extends Error {
  override readonly name = "WidgetApiError";
  constructor(readonly failure: ApiFailure) {
    super(`widget: request failed (${failure.kind})`);
  }
}

/** A letter the parent can fill in (GET /api/letters). */
export interface WidgetLetterField {
  name: string;
  label: string;
  required: boolean;
  /** "text", "long" or "date". */
  kind: string;
  hint?: string;
}
export interface WidgetLetter {
  id: string;
  title: string;
  purpose: string;
  recipient: string;
  fields: WidgetLetterField[];
}
/** A filled-in letter (POST /api/letters/:id). */
export interface WidgetFilledLetter {
  title: string;
  text: string;
  deadline: string | null;
  deadlineText: string | null;
  tips: string[];
}
/** The letter, or what is wrong per field (a 400). */
export type FillOutcome =
  { ok: true; letter: WidgetFilledLetter } | { ok: false; error: string; fields: Record<string, string> };

export interface ApiClient {
  /** The letters a parent can send, with their blanks. */
  letters(): Promise<WidgetLetter[]>;
  /** Fills a letter in on the service, which keeps nothing of it. */
  fillLetter(id: string, fields: Record<string, string>): Promise<FillOutcome>;
  /** The letter as a .docx; `text` is the letter as the parent edited it. */
  letterDocx(id: string, fields: Record<string, string>, text: string): Promise<Blob>;
  chat(conversationId: string | null, text: string, clientMessageId?: string): Promise<WidgetChatResponse>;
  /** The transcript (with staff replies) and where a handoff stands. */
  conversation(conversationId: string): Promise<WidgetConversation>;
  erase(conversationId: string): Promise<void>;
  feedback(input: { conversationId: string; answerId: string; helpful: boolean; comment?: string }): Promise<void>;
}

export interface ApiClientOptions {
  /** Base URL the API paths are resolved against, e.g. "https://host/". */
  baseUrl: string;
  /** Milliseconds before a request is given up. */
  timeoutMs: number;
  fetch: typeof fetch;
}

function retryAfter(response: Response): number | null {
  const value = response.headers.get("Retry-After");
  if (value === null) return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds) : null;
}

function failureFor(response: Response): ApiFailure {
  switch (response.status) {
    case 413:
      return { kind: "too-long" };
    case 404:
      return { kind: "not-found" };
    case 429:
      return { kind: "rate-limited", retryAfterSeconds: retryAfter(response) };
    case 503:
      return { kind: "busy" };
    default:
      return response.status >= 400 && response.status < 500 ? { kind: "bad-request" } : { kind: "server" };
  }
}

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const isOffline = (): boolean => typeof navigator !== "undefined" && !navigator.onLine;

/** GET /api/letters: the letters and their blanks; malformed ones are left out. */
function parseLetters(value: unknown): WidgetLetter[] {
  const list = isObject(value) && Array.isArray(value.letters) ? value.letters : [];
  return list.flatMap((l): WidgetLetter[] => {
    if (!isObject(l) || typeof l.id !== "string" || typeof l.title !== "string" || !Array.isArray(l.fields)) return [];
    const fields = l.fields.flatMap((f): WidgetLetterField[] =>
      isObject(f) && typeof f.name === "string" && typeof f.label === "string"
        ? [
            {
              name: f.name,
              label: f.label,
              required: f.required === true,
              kind: typeof f.kind === "string" ? f.kind : "text",
              ...(typeof f.hint === "string" ? { hint: f.hint } : {}),
            },
          ]
        : [],
    );
    return [
      {
        id: l.id,
        title: l.title,
        purpose: typeof l.purpose === "string" ? l.purpose : "",
        recipient: typeof l.recipient === "string" ? l.recipient : "",
        fields,
      },
    ];
  });
}

/** POST /api/letters/:id answered 400 with a body: the blanks to fill in again, each with its problem. */
function invalidFields(body: Record<string, unknown>): FillOutcome {
  const problems: Record<string, string> = {};
  if (isObject(body.fields))
    for (const [k, v] of Object.entries(body.fields)) if (typeof v === "string") problems[k] = v;
  return { ok: false, error: typeof body.error === "string" ? body.error : "", fields: problems };
}

/** POST /api/letters/:id answered 2xx: the letter. */
function filledLetter(body: unknown): FillOutcome {
  if (!isObject(body) || typeof body.text !== "string" || typeof body.title !== "string")
    throw new WidgetApiError({ kind: "server" });
  return {
    ok: true,
    letter: {
      title: body.title,
      text: body.text,
      deadline: typeof body.deadline === "string" ? body.deadline : null,
      deadlineText: typeof body.deadlineText === "string" ? body.deadlineText : null,
      tips: Array.isArray(body.tips) ? body.tips.filter((x): x is string => typeof x === "string") : [],
    },
  };
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const url = (path: string) => new URL(path, options.baseUrl).href;

  async function request(method: string, path: string, body?: unknown): Promise<unknown> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    let response: Response;
    try {
      response = await options.fetch(url(path), {
        method,
        mode: "cors",
        credentials: "omit",
        cache: "no-store",
        signal: controller.signal,
        headers:
          body === undefined
            ? { Accept: "application/json" }
            : { Accept: "application/json", "Content-Type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      clearTimeout(timer);
      // fetch rejects alike for "no internet" and "service down"; only the browser knows which it is.
      throw new WidgetApiError(
        controller.signal.aborted ? { kind: "timeout" } : isOffline() ? { kind: "offline" } : { kind: "unreachable" },
      );
    }
    try {
      if (!response.ok) throw new WidgetApiError(failureFor(response));
      if (response.status === 204) return null;
      const text = await response.text();
      return text === "" ? null : (JSON.parse(text) as unknown);
    } catch (error) {
      if (error instanceof WidgetApiError) throw error;
      throw new WidgetApiError(controller.signal.aborted ? { kind: "timeout" } : { kind: "server" });
    } finally {
      clearTimeout(timer);
    }
  }

  /** A request whose answer the caller reads itself (a 400 with fields, a file). */
  async function raw(path: string, body: unknown, accept: string): Promise<Response> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    try {
      const response = await options.fetch(url(path), {
        method: "POST",
        mode: "cors",
        credentials: "omit",
        cache: "no-store",
        signal: controller.signal,
        headers: { Accept: accept, "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      // Read the body before the timer ends, so a slow download counts too.
      const copy = new Response(await response.blob(), { status: response.status, headers: response.headers });
      return copy;
    } catch {
      throw new WidgetApiError(
        controller.signal.aborted ? { kind: "timeout" } : isOffline() ? { kind: "offline" } : { kind: "unreachable" },
      );
    } finally {
      clearTimeout(timer);
    }
  }
  const letterPath = (id: string) => `api/letters/${encodeURIComponent(id)}`;

  const conversationPath = (id: string) => `api/conversations/${encodeURIComponent(id)}`;

  return {
    async chat(conversationId, text, clientMessageId) {
      const body = {
        ...(conversationId ? { conversationId } : {}),
        text,
        ...(clientMessageId ? { clientMessageId } : {}),
      };
      const parsed = parseChatResponse(await request("POST", "api/chat", body));
      if (!parsed) throw new WidgetApiError({ kind: "server" });
      return parsed;
    },
    async conversation(conversationId) {
      const conversation = parseConversation(await request("GET", conversationPath(conversationId)), { times: true });
      if (!conversation) throw new WidgetApiError({ kind: "server" });
      return conversation;
    },
    async erase(conversationId) {
      try {
        await request("DELETE", conversationPath(conversationId));
      } catch (error) {
        // Already gone (erased elsewhere or past retention) is what the parent asked for.
        if (error instanceof WidgetApiError && error.failure.kind === "not-found") return;
        throw error;
      }
    },
    async feedback(input) {
      await request("POST", "api/feedback", input);
    },
    async letters() {
      return parseLetters(await request("GET", "api/letters"));
    },
    async fillLetter(id, fields) {
      const response = await raw(letterPath(id), { fields }, "application/json");
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        body = null;
      }
      if (response.status === 400 && isObject(body)) return invalidFields(body);
      if (!response.ok) throw new WidgetApiError(failureFor(response));
      return filledLetter(body);
    },
    async letterDocx(id, fields, text) {
      const response = await raw(letterPath(id), { fields, text }, DOCX_TYPE);
      if (!response.ok) throw new WidgetApiError(failureFor(response));
      return response.blob();
    },
  };
}
