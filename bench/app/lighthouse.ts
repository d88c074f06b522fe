/**
 * Lighthouse 12 scores of the built app (performance, accessibility, best practices), run by the
 * lighthouse CLI against `vite preview` in Debian's Chromium, with Lighthouse's default mobile
 * profile and simulated slow 4G: the weak networks clerks work on. Target: 95 or more each.
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { CHROMIUM, CHROMIUM_FLAGS, chromiumMissing } from "../lib/browser";
import { reportAbsolute, skip } from "../lib/measure";
import { appMissing, buildApp, outDir, preview } from "./build";

const CATEGORIES = ["performance", "accessibility", "best-practices"] as const;
const missing = chromiumMissing() ?? appMissing();
if (missing) {
  for (const c of CATEGORIES) skip(`app.lighthouse.${c}`, missing);
  process.exit(0);
}
// app/size.ts builds just before in a full run; build here only when run on its own.
if (!existsSync(join(outDir, "index.html"))) buildApp();

const cli = fileURLToPath(new URL("../node_modules/.bin/lighthouse", import.meta.url));
// Kept after the run (bench/.out is git-ignored): its treemap and diagnostics say what to fix.
const report = join(outDir, "..", "lighthouse.json");
const server = await preview(47_812);
try {
  await promisify(execFile)(
    cli,
    [
      server.url,
      "--output=json",
      `--output-path=${report}`,
      `--only-categories=${CATEGORIES.join(",")}`,
      `--chrome-flags=--headless ${CHROMIUM_FLAGS.join(" ")}`,
      "--quiet",
    ],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, timeout: 150_000 },
  );
} catch (e) {
  // Lighthouse exits non-zero on some page errors yet still writes its report; read it if it did.
  if (!existsSync(report)) {
    for (const c of CATEGORIES)
      skip(`app.lighthouse.${c}`, `lighthouse failed: ${(e as Error).message.slice(0, 200)}`);
    process.exit(0);
  }
} finally {
  server.stop();
}

interface LhAudit {
  score: number | null;
  title: string;
  displayValue?: string;
  numericValue?: number;
}
const lhr = JSON.parse(readFileSync(report, "utf8")) as {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, LhAudit>;
  runtimeError?: { message: string };
};
if (lhr.runtimeError) console.error(`# lighthouse runtime error: ${lhr.runtimeError.message}`);
// The metrics behind the performance score, every run: scores vary, the metrics say why.
const METRICS = {
  FCP: "first-contentful-paint",
  LCP: "largest-contentful-paint",
  TBT: "total-blocking-time",
  SI: "speed-index",
  CLS: "cumulative-layout-shift",
};
const shown = Object.entries(METRICS).map(([k, id]) => `${k} ${lhr.audits[id]?.displayValue ?? "?"}`);
console.error(`# metrics: ${shown.join(", ")}`);
for (const c of CATEGORIES) {
  const cat = lhr.categories[c];
  if (!cat || cat.score === null) {
    skip(`app.lighthouse.${c}`, "no score in the report");
    continue;
  }
  // Name what cost points, so a missed target says where to look.
  for (const ref of cat.auditRefs) {
    const a = lhr.audits[ref.id];
    if (a && ref.weight > 0 && a.score !== null && a.score < 0.9) {
      console.error(`#   ${c}: ${ref.id} ${a.score} ${a.displayValue ?? ""} (${a.title})`);
    }
  }
  reportAbsolute(`app.lighthouse.${c}`, Math.round(cat.score * 100), "score", "target-95");
}
