/**
 * Where the JavaScript before first paint comes from: builds apps/web once more with source maps
 * (into bench/.out/web-map, so the measured build stays untouched) and attributes every byte of
 * the entry chunk to the package whose source produced it. Diagnostic, not a benchmark: run
 * `pnpm --filter @wf/bench exec tsx app/composition.ts` when app.first-paint-js misses its target.
 * With arguments, attributes the chunks whose file names contain them instead (`… composition.ts
 * Root`): what the first screen waits for after the first paint.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { webDir } from "./build";

const out = fileURLToPath(new URL("../.out/web-map/", import.meta.url));
execFileSync(
  join(webDir, "node_modules/.bin/vite"),
  ["build", "--outDir", out, "--emptyOutDir", "--manifest", "--sourcemap", "--logLevel", "error"],
  {
    cwd: webDir,
    stdio: ["ignore", "ignore", "inherit"],
  },
);
const m = JSON.parse(readFileSync(join(out, ".vite/manifest.json"), "utf8")) as Record<
  string,
  { file: string; isEntry?: boolean; src?: string }
>;
const wanted = process.argv.slice(2);
const entry = Object.entries(m).find(([k, c]) => c.isEntry && k.endsWith("index.html"))?.[1];
if (!entry) throw new Error("no index.html entry in the manifest");
const files = wanted.length
  ? [...new Set(Object.values(m).map((c) => c.file))].filter(
      (f) => f.endsWith(".js") && wanted.some((w) => f.includes(w)),
    )
  : [entry.file];

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
/** Decode one line's segments: [generatedColumn, sourceIndex] pairs (VLQ, fields are deltas). */
function* segments(line: string, state: { src: number }) {
  let col = 0;
  for (const seg of line.split(",")) {
    if (!seg) continue;
    const fields: number[] = [];
    let value = 0;
    let shift = 0;
    for (const ch of seg) {
      const d = B64.indexOf(ch);
      value += (d & 31) << shift;
      if (d & 32) shift += 5;
      else {
        fields.push(value & 1 ? -(value >> 1) : value >> 1);
        value = 0;
        shift = 0;
      }
    }
    col += fields[0]!;
    if (fields.length > 1) state.src += fields[1]!;
    yield [col, fields.length > 1 ? state.src : -1] as const;
  }
}

/** node_modules/.pnpm/<pkg>/node_modules/<name>/… → name; packages/<x>/… → @wf/<x>. */
function owner(source: string): string {
  const nm = source.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = source.slice(nm + 13).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const pkg = /(packages|apps|workflows)\/([^/]+)/.exec(source);
  return pkg ? (pkg[1] === "workflows" ? "workflows (JSON)" : `${pkg[1]}/${pkg[2]}`) : source;
}

for (const file of files) attribute(file);

function attribute(file: string) {
  const code = readFileSync(join(out, file), "utf8");
  const map = JSON.parse(readFileSync(join(out, `${file}.map`), "utf8")) as {
    sources: string[];
    mappings: string;
  };
  const bytes = new Map<string, string[]>();
  const lines = code.split("\n");
  const state = { src: 0 };
  map.mappings.split(";").forEach((mline, i) => {
    const text = lines[i] ?? "";
    const segs = [...segments(mline, state)];
    segs.forEach(([col, src], j) => {
      const end = segs[j + 1]?.[0] ?? text.length;
      const who = src >= 0 ? owner(map.sources[src]!) : "(generated)";
      const list = bytes.get(who) ?? [];
      list.push(text.slice(col, end));
      bytes.set(who, list);
    });
  });
  // gzip of each owner's bytes alone overstates a little (no shared dictionary); good enough to rank.
  const rows = [...bytes].map(([who, parts]) => ({
    who,
    raw: parts.join("").length,
    gz: gzipSync(parts.join("")).length,
  }));
  rows.sort((a, b) => b.raw - a.raw);
  console.log(
    `${file}: ${(code.length / 1024).toFixed(0)} KB raw, ${(gzipSync(code).length / 1024).toFixed(1)} KB gzipped`,
  );
  for (const r of rows.slice(0, 25))
    console.log(
      `${(r.raw / 1024).toFixed(1).padStart(8)} KB raw ${(r.gz / 1024).toFixed(1).padStart(7)} KB gz  ${r.who}`,
    );
}
