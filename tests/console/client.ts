import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Config } from "../../src/config.js";
import { createLoginGuard, type LoginGuardOptions } from "../../src/console/auth.js";
import { hashPassword } from "../../src/console/password.js";
import type { StaffRole } from "../../src/stores/types.js";
import { startService, type RunningService, type StartOptions } from "../../src/web/start.js";

/** Test accounts use a cheaper scrypt cost (the hash records it; verification reads it from there), so that the
 * many logins of the tests stay fast. The production cost is checked in staff-cli.test.ts. */
export const FIXTURE_SCRYPT = { N: 2 ** 14, r: 8, p: 1 } as const;

// A console user over real HTTP: keeps the session cookie and the page's CSRF token like a browser would.

export interface Page {
  status: number;
  headers: Headers;
  text: string;
  location: string | null;
}

export class ConsoleClient {
  cookie: string | undefined;
  csrf: string | undefined;

  constructor(readonly base: string) {}

  private remember(response: Response) {
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(";");
      if (pair?.startsWith("ow_console=")) this.cookie = /Expires=Thu, 01 Jan 1970/i.test(c) ? undefined : pair;
    }
  }

  private async read(response: Response): Promise<Page> {
    this.remember(response);
    const text = await response.text();
    const token = /<meta name="csrf-token" content="([^"]+)">/.exec(text)?.[1];
    if (token) this.csrf = token;
    return { status: response.status, headers: response.headers, text, location: response.headers.get("location") };
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Page> {
    return this.read(
      await fetch(this.base + path, {
        redirect: "manual",
        headers: { ...(this.cookie ? { cookie: this.cookie } : {}), ...headers },
      }),
    );
  }

  /** Posts a form; the CSRF token goes along unless `csrf` is false. */
  async post(
    path: string,
    form: Record<string, string | string[]> = {},
    options: { csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<Page> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const item of [v].flat()) body.append(k, item);
    if (options.csrf !== false && this.csrf) body.set("_csrf", this.csrf);
    return this.read(
      await fetch(this.base + path, {
        method: "POST",
        redirect: "manual",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          ...(this.cookie ? { cookie: this.cookie } : {}),
          ...options.headers,
        },
        body,
      }),
    );
  }

  /** Logs in like a browser: the login page, the form, then the page it redirects to (with a fresh CSRF token). */
  async login(email: string, password: string): Promise<Page> {
    await this.get("/console/inloggen");
    const result = await this.post("/console/inloggen", { email, password });
    if (result.status === 303 && result.location) await this.get(result.location);
    return result;
  }
}

export interface ConsoleHarness {
  service: RunningService;
  dataDir: string;
  /** Delays the login guard asked for (instead of sleeping). */
  delays: number[];
  addStaff(email: string, role?: StaffRole): Promise<string>;
  client(): ConsoleClient;
  close(): Promise<void>;
}

export async function startConsole(
  config: Partial<Config> = {},
  guard: Partial<LoginGuardOptions> = {},
  options: StartOptions & { dataDir?: string } = {},
): Promise<ConsoleHarness> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "ow-console-"));
  const delays: number[] = [];
  const service = await startService(
    { PORT: 0, HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "silent", OPENING_HOURS: "altijd", ...config },
    {
      loginGuard: createLoginGuard({
        sleep: async (ms) => {
          delays.push(ms);
        },
        ...guard,
      }),
      drainTimeoutMs: 1000,
      ...options,
    },
  );
  return {
    service,
    dataDir,
    delays,
    async addStaff(email, role = "agent") {
      const password = `pw-${email}-Secret123`;
      const existing = await service.stores.staff.byEmail(email);
      if (!existing)
        await service.stores.staff.add({ email, passwordHash: await hashPassword(password, FIXTURE_SCRYPT), role });
      return password;
    },
    client: () => new ConsoleClient(service.url),
    async close() {
      await service.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
