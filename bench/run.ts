// npm run bench: runs every bench/*.ts that exports main(), in order, and prints their figures.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const dir = import.meta.dirname;
const order = ["core.ts", "http.ts", "telegram.ts", "console.ts"];
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts")
  .sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
for (const file of files) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { main?: () => Promise<void> };
  if (typeof mod.main === "function") {
    await mod.main();
    console.log();
  }
}
process.exit(0);
