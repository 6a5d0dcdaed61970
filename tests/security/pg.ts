import pg from "pg";

// The PostgreSQL the security and fault tests use (the same as tests/stores): skipped with a notice when absent.

export const pgUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

async function reachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export const pgAvailable = await reachable();
if (!pgAvailable)
  console.warn(
    `[security] PostgreSQL not reachable at ${pgUrl.replace(/\/\/[^@]*@/, "//***@")}: its tests are SKIPPED`,
  );

const schemas: string[] = [];

/** A fresh schema name for one test; dropped by `dropSchemas`. */
export function freshSchema(prefix: string): string {
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  schemas.push(name);
  return name;
}

export async function dropSchemas(): Promise<void> {
  if (!pgAvailable || schemas.length === 0) return;
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    for (const s of schemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  } finally {
    await client.end();
  }
}
