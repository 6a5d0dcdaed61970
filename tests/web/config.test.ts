import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../src/config.js";
import { trustProxySetting } from "../../src/web/app.js";
import { tempDir } from "./harness.js";

describe("parseConfig", () => {
  it("starts with safe defaults and no variables at all", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      DATA_DIR: "./data",
      RETENTION_DAYS: 30,
      WIDGET_ORIGINS: [],
      TRUST_PROXY: "false",
      MAX_MESSAGE_CHARS: 1000,
      LOG_MESSAGE_TEXT: false,
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  it("reads and converts values", () => {
    const config = parseConfig({
      PORT: "8080",
      WIDGET_ORIGINS: "https://school.example, https://steunpunt.example",
      DATABASE_URL: "postgres://u@db:5432/app",
      RATE_LIMIT_PER_MINUTE: "10",
      LOG_MESSAGE_TEXT: "no",
      RETENTION_DAYS: "",
    });
    expect(config).toMatchObject({
      PORT: 8080,
      WIDGET_ORIGINS: ["https://school.example", "https://steunpunt.example"],
      DATABASE_URL: "postgres://u@db:5432/app",
      RATE_LIMIT_PER_MINUTE: 10,
      LOG_MESSAGE_TEXT: false,
      RETENTION_DAYS: 30, // empty means unset
    });
  });

  const wrong: Array<[name: string, value: string]> = [
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["RETENTION_DAYS", "0"],
    ["DATABASE_URL", "mysql://u@db/app"],
    ["WIDGET_ORIGINS", "school.example"],
    ["WIDGET_ORIGINS", "https://ok.example,javascript:alert(1)"],
    ["RATE_LIMIT_PER_MINUTE", "0"],
    ["MAX_IN_FLIGHT", "-1"],
    ["MAX_MESSAGE_CHARS", "lots"],
    ["LOG_LEVEL", "loud"],
    ["LOG_MESSAGE_TEXT", "maybe"],
    ["TELEGRAM_BOT_TOKEN", "not-a-token"],
    ["TELEGRAM_WEBHOOK_URL", "http://insecure.example/hook"],
  ];
  it.each(wrong)("stops on a wrong %s (%j) with a message naming the variable", (name, value) => {
    expect(() => parseConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => parseConfig({ [name]: value })).toThrow(new RegExp(`\\b${name}\\b`));
  });

  it("requires a webhook secret with a webhook URL", () => {
    expect(() => parseConfig({ TELEGRAM_WEBHOOK_URL: "https://bot.example/hook" })).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
  });

  it("names every wrong variable at once", () => {
    try {
      parseConfig({ PORT: "x", LOG_LEVEL: "loud" });
      expect.unreachable();
    } catch (err) {
      expect(String(err)).toMatch(/PORT/);
      expect(String(err)).toMatch(/LOG_LEVEL/);
    }
  });
});

describe("trustProxySetting", () => {
  it("maps TRUST_PROXY to express's setting", () => {
    expect(trustProxySetting("false")).toBe(false);
    expect(trustProxySetting("")).toBe(false);
    expect(trustProxySetting("true")).toBe(true);
    expect(trustProxySetting("1")).toBe(1);
    expect(trustProxySetting("loopback, 10.0.0.0/8")).toBe("loopback, 10.0.0.0/8");
  });
});

/** Runs src/main.ts as `npm start` would, with the given environment. */
function runMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: new URL("../..", import.meta.url).pathname,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

describe("main", () => {
  it("refuses to start with a wrong variable, naming it, exit code 1", async () => {
    const run = runMain({ PORT: "abc" });
    expect(await run.exited).toBe(1);
    expect(run.err()).toMatch(/PORT/);
    expect(run.out()).not.toMatch(/Luistert/);
  });

  it("starts, serves, and on SIGTERM finishes and exits 0", async () => {
    const dir = tempDir("ow-main-");
    const run = runMain({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dir, LOG_LEVEL: "warn" });
    try {
      let port: string | undefined;
      // Start-up loads and indexes the knowledge base; on a busy machine that can take a while.
      for (let i = 0; i < 800 && !port; i++) {
        port = /Luistert op http:\/\/localhost:(\d+)/.exec(run.out())?.[1];
        if (!port) await new Promise((r) => setTimeout(r, 50));
      }
      expect(port, run.err()).toBeDefined();
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      const res = await fetch(`http://127.0.0.1:${port}/api/chat`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text: "Wat is een TLV?" }),
      });
      expect(res.status).toBe(200);
      run.child.kill("SIGTERM");
      expect(await run.exited).toBe(0);
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    } finally {
      run.child.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
