/**
 * JavaScript a clerk downloads before the first paint: the entry chunk of apps/web and every
 * chunk it imports statically (transitively), gzipped, from a fresh production build. Chunks
 * loaded by dynamic import (the designers) are listed apart: they cost nothing until opened.
 * There is no peer here; the target is absolute (under 250 KB gzipped).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { reportAbsolute, skip } from "../lib/measure";
import { appMissing, buildApp, type ManifestChunk, manifest, outDir } from "./build";

const missing = appMissing();
if (missing) {
  skip("app.first-paint-js", missing);
  process.exit(0);
}
buildApp();
const m = manifest();
const entries = Object.entries(m).filter(([, c]) => c.isEntry && c.file.endsWith(".js"));
// The page's entry is the one built from index.html; the service worker is not a page script.
const entry = entries.find(([key]) => key.endsWith("index.html"))?.[1] ?? entries[0]?.[1];
if (!entry) {
  skip("app.first-paint-js", "no JavaScript entry in the Vite manifest");
  process.exit(0);
}

const gz = (file: string) => gzipSync(readFileSync(join(outDir, file))).length;
const seen = new Set<string>();
const walk = (c: ManifestChunk) => {
  if (seen.has(c.file)) return;
  seen.add(c.file);
  for (const key of c.imports ?? []) walk(m[key]!);
};
walk(entry);
const firstPaint = [...seen];
const lazy = Object.values(m)
  .filter((c) => c.file.endsWith(".js") && !seen.has(c.file) && !c.isEntry)
  .map((c) => c.file);

let total = 0;
for (const f of firstPaint) {
  const kb = gz(f) / 1024;
  total += kb;
  console.error(`#   before paint  ${kb.toFixed(1).padStart(7)} KB  ${f}`);
}
let lazyTotal = 0;
for (const f of lazy) lazyTotal += gz(f) / 1024;
console.error(`#   ${lazy.length} chunks on demand, ${lazyTotal.toFixed(1)} KB gzipped in all`);
reportAbsolute("app.first-paint-js", total, "KB", "target-250KB");
reportAbsolute("app.on-demand-js", lazyTotal, "KB", "none");
