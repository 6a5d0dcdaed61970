#!/usr/bin/env node
// Bundles the embeddable chat widget: src/widget/index.ts -> dist/widget/widget.js (one minified IIFE, no
// imports at run time). Prints the gzipped size and fails when it is over the budget of 30 KB gzipped.
//
//   node scripts/build-widget.mjs            build
//   node scripts/build-widget.mjs --quiet    build, print nothing unless it fails

import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const entry = join(root, "src/widget/index.ts");
const outfile = join(root, "dist/widget/widget.js");
const BUDGET_BYTES = 30 * 1024;
const quiet = process.argv.includes("--quiet");

mkdirSync(dirname(outfile), { recursive: true });
try {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    format: "iife",
    platform: "browser",
    // Browsers of the last few years; anything older gets no widget rather than a broken one.
    target: ["es2020", "chrome90", "firefox90", "safari15", "edge90"],
    tsconfig: join(root, "src/widget/tsconfig.json"),
    legalComments: "none",
    sourcemap: false,
    logLevel: "warning",
  });
} catch {
  // esbuild has already printed the errors.
  process.exit(1);
}

const bytes = readFileSync(outfile);
const gzipped = gzipSync(bytes, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const line = `widget: ${relative(root, outfile)} ${kb(bytes.length)} minified, ${kb(gzipped)} gzipped (budget ${kb(BUDGET_BYTES)})`;
if (gzipped > BUDGET_BYTES) {
  console.error(`${line}\nwidget: over budget by ${kb(gzipped - BUDGET_BYTES)}; make the widget smaller`);
  process.exit(1);
}
if (!quiet) console.log(line);
