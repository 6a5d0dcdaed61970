import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser and database tests share machine resources; keep files in a few workers.
    maxWorkers: 2,
  },
});
