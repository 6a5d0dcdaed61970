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

export interface ApiClient {
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

const isOffline = (): boolean => typeof navigator !== "undefined" && navigator.onLine === false;

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
        headers: body === undefined ? { Accept: "application/json" } : { Accept: "application/json", "Content-Type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      clearTimeout(timer);
      // fetch rejects alike for "no internet" and "service down"; only the browser knows which it is.
      throw new WidgetApiError(controller.signal.aborted ? { kind: "timeout" } : isOffline() ? { kind: "offline" } : { kind: "unreachable" });
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

  const conversationPath = (id: string) => `api/conversations/${encodeURIComponent(id)}`;

  return {
    async chat(conversationId, text, clientMessageId) {
      const body = { ...(conversationId ? { conversationId } : {}), text, ...(clientMessageId ? { clientMessageId } : {}) };
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
  };
}
