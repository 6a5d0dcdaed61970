import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A stand-in for the Telegram Bot API on loopback, strict where Telegram is strict: HTML must parse, messages
// must fit in 4,096 characters, callback data in 64 bytes. It records every call and can be told to fail.

export interface RecordedCall {
  method: string;
  // Bot API payloads are arbitrary JSON; the tests read their fields freely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  payload: Record<string, any>;
  /** When the call arrived (ms since epoch). */
  at: number;
  /** Whether the stand-in answered ok. */
  ok: boolean;
  errorCode?: number;
  description?: string;
}

export interface Failure {
  error_code: number;
  description: string;
  retry_after?: number;
}

export interface FakeBotApiOptions {
  token: string;
  username: string;
  /** Longest a getUpdates call is held open, whatever its timeout. Default 1 s. */
  maxPollSeconds: number;
}

const BOT_ID = 7_000_001;

// --- Telegram's HTML parse mode, as documented at core.telegram.org/bots/api#html-style ----------------------

const ALLOWED_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "a",
  "tg-emoji",
  "code",
  "pre",
  "blockquote",
]);

export type HtmlParse = { ok: true; text: string } | { ok: false; error: string };

/** Parses Telegram HTML like the Bot API: returns the visible text, or the "can't parse entities" error. */
export function parseTelegramHtml(html: string): HtmlParse {
  const stack: string[] = [];
  let text = "";
  let i = 0;
  const fail = (why: string): HtmlParse => ({
    ok: false,
    error: `Bad Request: can't parse entities: ${why} at byte offset ${Buffer.byteLength(html.slice(0, i))}`,
  });
  while (i < html.length) {
    const ch = html[i] as string;
    if (ch === "<") {
      const end = html.indexOf(">", i);
      if (end === -1) return fail("Unclosed start tag");
      const raw = html.slice(i + 1, end);
      const close = raw.startsWith("/");
      const m = /^\/?([a-z][a-z0-9-]*)(.*)$/is.exec(raw);
      if (!m) return fail(`Unsupported start tag "${raw}"`);
      const name = (m[1] as string).toLowerCase();
      const attrs = (m[2] as string).trim();
      if (!ALLOWED_TAGS.has(name)) return fail(`Unsupported start tag "${name}"`);
      if (close) {
        if (attrs) return fail("Unexpected end tag");
        if (stack.pop() !== name) return fail(`Unmatched end tag "${name}"`);
      } else {
        if (name === "a" && !/^href\s*=\s*"[^"<>]*"$/i.test(attrs)) return fail('Tag "a" must have a href attribute');
        if (name === "span" && !/^class\s*=\s*"tg-spoiler"$/i.test(attrs))
          return fail('Tag "span" must have class "tg-spoiler"');
        if (
          name !== "a" &&
          name !== "span" &&
          name !== "tg-emoji" &&
          name !== "pre" &&
          name !== "code" &&
          name !== "blockquote" &&
          attrs
        ) {
          return fail(`Tag "${name}" must have no attributes`);
        }
        if (name === "a") {
          const href = /"([^"]*)"/.exec(attrs)?.[1] ?? "";
          const bad = /&(?!(?:amp|lt|gt|quot|#\d+|#x[0-9a-f]+);)/i.test(href);
          if (bad) return fail("Character entity expected in href");
        }
        stack.push(name);
      }
      i = end + 1;
    } else if (ch === "&") {
      const m = /^&(amp|lt|gt|quot|#\d+|#x[0-9a-f]+);/i.exec(html.slice(i, i + 12));
      if (!m) return fail("Character entity expected");
      const n = (m[1] as string).toLowerCase();
      text +=
        n === "amp"
          ? "&"
          : n === "lt"
            ? "<"
            : n === "gt"
              ? ">"
              : n === "quot"
                ? '"'
                : String.fromCodePoint(
                    n.startsWith("#x") ? Number.parseInt(n.slice(2), 16) : Number.parseInt(n.slice(1), 10),
                  );
      i += m[0].length;
    } else {
      text += ch;
      i++;
    }
  }
  if (stack.length)
    return {
      ok: false,
      error: `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "${stack.at(-1)}"`,
    };
  return { ok: true, text };
}

// --- The server ------------------------------------------------------------------------------------------

// Updates and payloads are arbitrary JSON, built and read freely by the tests.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export class FakeBotApi {
  readonly token: string;
  readonly botInfo: Json;
  readonly calls: RecordedCall[] = [];
  apiRoot = "";
  webhookUrl = "";
  webhookSecret: string | undefined;
  commands: Json[] = [];
  /** Answers each call of a method this many ms late (a slow Telegram), e.g. { sendMessage: 300 }. */
  delayMs: Partial<Record<string, number>> = {};

  private server: Server | undefined;
  private port = 0;
  private readonly updates: Json[] = [];
  private nextUpdate = 1000;
  private nextMessage = 1;
  private readonly failures = new Map<string, Failure[]>();
  private readonly pollers = new Set<() => void>();
  private readonly opts: FakeBotApiOptions;

  private constructor(opts: Partial<FakeBotApiOptions>) {
    this.opts = {
      token: "123456789:TEST-token_abcdefghijklmnopqrstuvwxyz",
      username: "ouderwijzer_test_bot",
      maxPollSeconds: 1,
      ...opts,
    };
    this.token = this.opts.token;
    this.botInfo = {
      id: BOT_ID,
      is_bot: true,
      first_name: "Ouderwijzer",
      username: this.opts.username,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
    };
  }

  static async start(opts: Partial<FakeBotApiOptions> = {}): Promise<FakeBotApi> {
    const api = new FakeBotApi(opts);
    await api.up();
    return api;
  }

  /** Starts (or restarts, on the same port) the server. */
  async up(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    this.apiRoot = `http://127.0.0.1:${this.port}`;
  }

  /** Takes the server down: open connections are cut and new ones refused until `up()`. */
  async down(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }

  async close(): Promise<void> {
    for (const wake of this.pollers) wake();
    await this.down();
  }

  /** The next `times` calls of `method` fail with `failure` (429 with retry_after, 400, 500, …). */
  failNext(method: string, failure: Failure, times = 1): void {
    const list = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(failure);
    this.failures.set(method, list);
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** sendMessage calls that Telegram would have delivered. */
  sent(chatId?: number): RecordedCall[] {
    return this.calls.filter(
      (c) => c.method === "sendMessage" && c.ok && (chatId === undefined || c.payload.chat_id === chatId),
    );
  }

  /** Waits until `predicate` holds, polling every 20 ms; throws after `timeoutMs`. */
  async waitFor(predicate: () => boolean, timeoutMs = 5_000, what = "condition"): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`fake Bot API: timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Waits until at least `count` messages were delivered (to `chatId`, if given) and returns them. */
  async waitForSent(count: number, chatId?: number, timeoutMs = 5_000): Promise<RecordedCall[]> {
    await this.waitFor(() => this.sent(chatId).length >= count, timeoutMs, `${count} sent message(s)`);
    return this.sent(chatId);
  }

  // --- Updates ---------------------------------------------------------------------------------------------

  newUpdateId(): number {
    return this.nextUpdate++;
  }

  /** Queues an update for getUpdates (long polling). */
  pushUpdate(update: Json): Json {
    this.updates.push(update);
    for (const wake of this.pollers) wake();
    return update;
  }

  /** A text message from a parent in a private chat (chat id = user id), or in a group with `chat`. */
  message(chatId: number, text: string, extra: Json = {}): Json {
    const entities = text.startsWith("/")
      ? [{ type: "bot_command", offset: 0, length: text.split(/\s/)[0]?.length ?? 1 }]
      : undefined;
    return {
      update_id: this.newUpdateId(),
      message: {
        message_id: this.nextMessage++,
        date: Math.floor(Date.now() / 1000),
        chat:
          chatId > 0
            ? { id: chatId, type: "private", first_name: "Ouder" }
            : { id: chatId, type: "group", title: "Ouders groep 5" },
        from: { id: chatId > 0 ? chatId : 424242, is_bot: false, first_name: "Ouder" },
        text,
        ...(entities ? { entities } : {}),
        ...extra,
      },
    };
  }

  /** A tap on an inline button with `data` under a message of the bot. */
  callback(chatId: number, data: string, message: Json = {}): Json {
    return {
      update_id: this.newUpdateId(),
      callback_query: {
        id: String(this.nextMessage++),
        from: { id: chatId > 0 ? chatId : 424242, is_bot: false, first_name: "Ouder" },
        chat_instance: "ci-1",
        data,
        message: {
          message_id: this.nextMessage++,
          date: Math.floor(Date.now() / 1000),
          chat:
            chatId > 0
              ? { id: chatId, type: "private", first_name: "Ouder" }
              : { id: chatId, type: "group", title: "Ouders groep 5" },
          from: { id: BOT_ID, is_bot: true, first_name: "Ouderwijzer", username: this.opts.username },
          text: "…",
          ...message,
        },
      },
    };
  }

  // --- HTTP ------------------------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.url ?? "");
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const send = (status: number, body: Json) => {
      if (res.destroyed) return;
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (!m) {
      send(404, { ok: false, error_code: 404, description: "Not Found" });
      return;
    }
    const [, token, method] = m as unknown as [string, string, string];
    let payload: Json = {};
    const raw = Buffer.concat(chunks).toString("utf8");
    if (/^multipart\/form-data/i.test(req.headers["content-type"] ?? "")) {
      // Files (sendDocument) come as multipart/form-data: other fields as text (JSON for numbers and objects).
      try {
        payload = await readMultipart(req.headers["content-type"] as string, Buffer.concat(chunks));
      } catch {
        send(400, { ok: false, error_code: 400, description: "Bad Request: invalid multipart body" });
        return;
      }
    } else if (raw) {
      try {
        payload = JSON.parse(raw);
      } catch {
        send(400, { ok: false, error_code: 400, description: "Bad Request: invalid JSON" });
        return;
      }
    }
    const call: RecordedCall = { method, payload, at: Date.now(), ok: true };
    this.calls.push(call);
    const error = (f: Failure) => {
      call.ok = false;
      call.errorCode = f.error_code;
      call.description = f.description;
      send(f.error_code, {
        ok: false,
        error_code: f.error_code,
        description: f.description,
        ...(f.retry_after ? { parameters: { retry_after: f.retry_after } } : {}),
      });
    };
    if (token !== this.token) {
      error({ error_code: 401, description: "Unauthorized" });
      return;
    }
    const injected = this.failures.get(method)?.shift();
    if (injected) {
      error(injected);
      return;
    }
    const delay = this.delayMs[method];
    if (delay) await new Promise((r) => setTimeout(r, delay));
    const result = await this.dispatch(method, payload, req);
    if ("error" in result) {
      error(result.error);
      return;
    }
    send(200, { ok: true, result: result.result });
  }

  private async dispatch(
    method: string,
    p: Json,
    req: IncomingMessage,
  ): Promise<{ result: Json } | { error: Failure }> {
    const bad = (description: string) => ({ error: { error_code: 400, description: `Bad Request: ${description}` } });
    switch (method) {
      case "getMe":
        return { result: this.botInfo };
      case "setMyCommands":
        this.commands = p.commands ?? [];
        return { result: true };
      case "getMyCommands":
        return { result: this.commands };
      case "setWebhook":
        if (!p.url) return bad("bad webhook: An HTTPS URL must be provided for webhook");
        this.webhookUrl = p.url;
        this.webhookSecret = p.secret_token;
        return { result: true };
      case "deleteWebhook":
        this.webhookUrl = "";
        this.webhookSecret = undefined;
        return { result: true };
      case "getWebhookInfo":
        return { result: { url: this.webhookUrl, has_custom_certificate: false, pending_update_count: 0 } };
      case "getUpdates":
        return this.getUpdates(p, req);
      case "sendMessage":
        return this.sendMessage(p);
      case "answerCallbackQuery":
        if (!p.callback_query_id) return bad("query is too old and response timeout expired or query ID is invalid");
        return { result: true };
      case "editMessageReplyMarkup": {
        const keyboardError = checkKeyboard(p.reply_markup);
        if (keyboardError) return bad(keyboardError);
        return { result: true };
      }
      case "sendChatAction":
        return { result: true };
      case "sendDocument": {
        if (p.chat_id === undefined) return bad("chat_id is empty");
        const file = p.document as UploadedFile | undefined;
        if (!file || typeof file !== "object" || !Buffer.isBuffer(file.bytes))
          return bad("there is no document in the request");
        if (typeof p.caption === "string" && p.caption.length > 1024) return bad("message caption is too long");
        return {
          result: {
            message_id: this.nextMessage++,
            date: Math.floor(Date.now() / 1000),
            chat: { id: p.chat_id, type: "private" },
            document: {
              file_id: `doc-${this.nextMessage}`,
              file_unique_id: `u-${this.nextMessage}`,
              file_name: file.filename,
              file_size: file.bytes.length,
            },
            ...(p.caption ? { caption: p.caption } : {}),
          },
        };
      }
      default:
        return { error: { error_code: 404, description: "Not Found: method not found" } };
    }
  }

  private async getUpdates(p: Json, req: IncomingMessage): Promise<{ result: Json } | { error: Failure }> {
    if (this.webhookUrl) {
      return {
        error: {
          error_code: 409,
          description:
            "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
        },
      };
    }
    const offset: number = p.offset ?? 0;
    const limit: number = p.limit ?? 100;
    const take = () => {
      // An offset confirms every update below it.
      for (let i = this.updates.length - 1; i >= 0; i--)
        if (this.updates[i].update_id < offset) this.updates.splice(i, 1);
      return this.updates.slice(0, limit);
    };
    let batch = take();
    const timeout = Math.min(p.timeout ?? 0, this.opts.maxPollSeconds);
    if (batch.length === 0 && timeout > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.pollers.delete(done);
          resolve();
        };
        const timer = setTimeout(done, timeout * 1000);
        this.pollers.add(done);
        req.once("close", done);
      });
      batch = take();
    }
    return { result: batch };
  }

  private sendMessage(p: Json): { result: Json } | { error: Failure } {
    const bad = (description: string) => ({ error: { error_code: 400, description: `Bad Request: ${description}` } });
    if (p.chat_id === undefined) return bad("chat_id is empty");
    if (typeof p.text !== "string" || p.text.trim() === "") return bad("message text is empty");
    let text: string = p.text;
    if (p.parse_mode === "HTML") {
      const parsed = parseTelegramHtml(p.text);
      if (!parsed.ok) return { error: { error_code: 400, description: parsed.error } };
      text = parsed.text;
    } else if (p.parse_mode !== undefined) {
      return bad(`unsupported parse_mode ${p.parse_mode}`);
    }
    if (text.length > 4096) return bad("message is too long");
    const keyboardError = checkKeyboard(p.reply_markup);
    if (keyboardError) return bad(keyboardError);
    return {
      result: {
        message_id: this.nextMessage++,
        date: Math.floor(Date.now() / 1000),
        chat:
          p.chat_id > 0
            ? { id: p.chat_id, type: "private", first_name: "Ouder" }
            : { id: p.chat_id, type: "group", title: "Ouders groep 5" },
        from: { id: BOT_ID, is_bot: true, first_name: "Ouderwijzer", username: this.opts.username },
        text: text.trim(),
        ...(p.reply_markup ? { reply_markup: p.reply_markup } : {}),
      },
    };
  }
}

/** Telegram's checks on reply_markup (inline keyboard, reply keyboard or its removal); the error, or undefined. */
function checkKeyboard(markup: Json): string | undefined {
  if (markup === undefined) return undefined;
  if (markup.remove_keyboard !== undefined)
    return markup.remove_keyboard === true ? undefined : "remove_keyboard must be True";
  if (markup.keyboard !== undefined) {
    if (!Array.isArray(markup.keyboard)) return 'field "keyboard" of the ReplyKeyboardMarkup should be an Array';
    for (const row of markup.keyboard) {
      if (!Array.isArray(row)) return "keyboard rows must be arrays";
      for (const button of row)
        if (typeof button.text !== "string" || button.text.length === 0) return "BUTTON_TEXT_EMPTY";
    }
    return undefined;
  }
  if (!Array.isArray(markup.inline_keyboard))
    return 'field "inline_keyboard" of the InlineKeyboardMarkup should be an Array';
  for (const row of markup.inline_keyboard) {
    if (!Array.isArray(row)) return "inline keyboard rows must be arrays";
    for (const button of row) {
      if (typeof button.text !== "string" || button.text.length === 0) return "BUTTON_TEXT_EMPTY";
      if (button.callback_data !== undefined) {
        const bytes = Buffer.byteLength(button.callback_data, "utf8");
        if (bytes < 1 || bytes > 64) return "BUTTON_DATA_INVALID";
      }
    }
  }
  return undefined;
}

/** A file sent to the stand-in (sendDocument), as the bot sent it. */
export interface UploadedFile {
  filename: string;
  bytes: Buffer;
}

/**
 * Reads a multipart/form-data body: text fields (JSON where they are JSON), files as UploadedFile. Parsed by hand
 * and leniently, as Telegram does: grammY writes headers without a space after the colon and unquoted file names.
 */
async function readMultipart(contentType: string, body: Buffer): Promise<Json> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const mark = Buffer.from(`--${(boundary?.[1] ?? boundary?.[2] ?? "").trim()}`);
  if (mark.length <= 2) throw new Error("no boundary");
  const payload: Json = {};
  let at = body.indexOf(mark);
  while (at >= 0) {
    const partStart = at + mark.length;
    if (body.subarray(partStart, partStart + 2).toString() === "--") break;
    const next = body.indexOf(mark, partStart);
    if (next < 0) throw new Error("unterminated part");
    const part = body.subarray(partStart + 2, next - 2); // without the CRLF after the boundary and before the next
    const split = part.indexOf("\r\n\r\n");
    if (split < 0) throw new Error("part without headers");
    const headers = part.subarray(0, split).toString("utf8");
    const content = part.subarray(split + 4);
    const name = /name="?([^";\r\n]+)"?/i.exec(headers)?.[1];
    const filename = /filename="?([^";\r\n]+)"?/i.exec(headers)?.[1];
    if (!name) throw new Error("part without a name");
    if (filename !== undefined) payload[name] = { filename, bytes: Buffer.from(content) } satisfies UploadedFile;
    else {
      const value = content.toString("utf8");
      try {
        payload[name] = /^[[{\d"-]|^(true|false|null)$/.test(value) ? JSON.parse(value) : value;
      } catch {
        payload[name] = value;
      }
    }
    at = next;
  }
  // grammY sends a file as a separate part and refers to it with "attach://<name>".
  for (const [key, value] of Object.entries(payload)) {
    if (typeof value === "string" && value.startsWith("attach://"))
      payload[key] = payload[value.slice("attach://".length)];
  }
  return payload;
}
