import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser and database tests share machine resources; keep files in a few workers.
    maxWorkers: 2,
    // Files share a worker's module graph instead of a fresh one each: about 75 s less per run of the suite on a
    // two-core machine (CI runs it twice). Tests therefore inject what they would mock (no vi.mock of modules).
    isolate: false,
  },
});
