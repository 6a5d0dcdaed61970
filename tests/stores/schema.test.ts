import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { migrations, postgresDialect, sqliteDialect } from "../../src/stores/schema.js";

// Released migrations have run in the field: their text must never change. One schema template serves both
// dialects; these are the SHA-256 digests (first 16 hex digits) of each migration as it was released.
const released = {
  sqlite: ["f54ec0829536a17b", "5189a991ee06b232", "0ab136ccbbe401a7", "7035577872cc09df"],
  postgres: ["ddae7e38ac43ffea", "4027051e58c88fd2", "aa63a728f101243c", "ba4333fd5a861abb"],
};

const digest = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 16);

describe("schema migrations", () => {
  it("renders every released SQLite migration exactly as released", () => {
    expect(migrations(sqliteDialect).slice(0, released.sqlite.length).map(digest)).toEqual(released.sqlite);
  });

  it("renders every released PostgreSQL migration exactly as released", () => {
    expect(migrations(postgresDialect).slice(0, released.postgres.length).map(digest)).toEqual(released.postgres);
  });

  it("has as many migrations for each dialect", () => {
    expect(migrations(sqliteDialect)).toHaveLength(migrations(postgresDialect).length);
  });
});
