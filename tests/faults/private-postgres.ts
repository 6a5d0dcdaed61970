import { execFile } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

// A PostgreSQL cluster of the test's own (initdb in a temp folder, its own port), so that a test can really stop
// and start the server without touching the shared one other tests and engineers use.

const run = promisify(execFile);

export interface PrivatePostgres {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

function binDir(): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(":"))
    if (existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl"))) return dir;
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  for (const v of readdirSync(root).sort().reverse())
    if (existsSync(join(root, v, "bin", "initdb"))) return join(root, v, "bin");
  return undefined;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** Starts a private cluster, or returns undefined (with the reason) when PostgreSQL's programs are not installed. */
export async function startPrivatePostgres(): Promise<PrivatePostgres | string> {
  const bin = binDir();
  if (!bin) return "initdb and pg_ctl not found";
  const dir = mkdtempSync(join(tmpdir(), "ow-pg-"));
  const data = join(dir, "data");
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  // PostgreSQL refuses to run as root: then it runs as the "postgres" user.
  const sh = (cmd: string) =>
    asRoot ? run("su", ["postgres", "-s", "/bin/sh", "-c", cmd]) : run("/bin/sh", ["-c", cmd]);
  try {
    if (asRoot)
      chownSync(
        dir,
        Number((await run("id", ["-u", "postgres"])).stdout.trim()),
        Number((await run("id", ["-g", "postgres"])).stdout.trim()),
      );
    await sh(`${bin}/initdb -D ${data} -U postgres -A trust --no-sync -E UTF8 >/dev/null`);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    return `initdb failed: ${(err as Error).message.slice(0, 200)}`;
  }
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  const start = async () => {
    await sh(`${bin}/pg_ctl -D ${data} -o '${options}' -l ${dir}/log -w -t 30 start >/dev/null`);
  };
  const stop = async () => {
    await sh(`${bin}/pg_ctl -D ${data} -m fast -w -t 30 stop >/dev/null`);
  };
  await start();
  let running = true;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await stop();
      running = false;
    },
    async start() {
      await start();
      running = true;
    },
    async destroy() {
      if (running) await stop().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
