import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Config } from "../../src/config.js";
import { createAssistant, type Assistant } from "../../src/core/index.js";
import { createLogger } from "../../src/logger.js";
import { createMemoryStores } from "../../src/stores/index.js";
import type { Stores } from "../../src/stores/types.js";
import { startService, type RunningService, type StartOptions } from "../../src/web/start.js";
import { realKnowledge } from "../helpers.js";

/** Log lines written by a service, parsed, to check what is (and is not) logged. */
export function captureLogs() {
  const lines: string[] = [];
  return {
    lines,
    destination: { write: (line: string) => void lines.push(line) },
    parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

export const tempDir = (prefix = "ow-web-") => mkdtempSync(join(tmpdir(), prefix));

export interface TestService extends RunningService {
  logs: ReturnType<typeof captureLogs>;
}

/**
 * A service on port 0 with memory stores and the real knowledge base (loaded once per file).
 * `wrap` can put a fake around the real assistant (delays, failures).
 */
export async function startTestService(
  overrides: Partial<Config> = {},
  options: { wrap?: (a: Assistant) => Assistant; stores?: Stores } & Omit<
    StartOptions,
    "assistant" | "stores" | "logger"
  > = {},
): Promise<TestService> {
  const logs = captureLogs();
  const config: Partial<Config> = { PORT: 0, HOST: "127.0.0.1", LOG_LEVEL: "info", ...overrides };
  const stores = options.stores ?? createMemoryStores();
  const real = createAssistant(realKnowledge(), { store: stores.conversations });
  const { wrap, ...rest } = options;
  const service = await startService(config, {
    ...rest,
    stores,
    assistant: wrap ? wrap(real) : real,
    logger: createLogger({ LOG_LEVEL: config.LOG_LEVEL ?? "info" }, logs.destination),
  });
  return { ...service, logs };
}

/** A promise with its resolve function, to hold requests in flight. */
export function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { opened, open };
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}
