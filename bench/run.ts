/**
 * `pnpm bench [--quick] [--only <substring>]`: runs every benchmark in its own Node process (so
 * heaps, JIT state and GC pressure never mix), hands each one the figures of the baselines that
 * ran before it (ratios compare runs made minutes apart on the same machine, not figures from
 * another day), and writes bench/RESULTS.md with the machine and the date (a `--quick` or
 * `--only` run writes bench/.out/RESULTS.partial.md instead, leaving the full run's table alone).
 */
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { machine, type Prior } from "./lib/measure";
import { BENCHMARKS, TARGETS } from "./suite";

const here = fileURLToPath(new URL(".", import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const onlyAt = args.indexOf("--only");
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;

interface Row {
  name: string;
  value?: number;
  unit?: string;
  vs?: string;
  ratio?: string;
  skipped?: string;
}

const LINE = /^BENCH (\S+) (\S+) (\S+) vs (\S+) ratio (\S+)\s*$/;
const SKIP = /^BENCH (\S+) skipped: (.*)$/;

/** Lines a benchmark writes to stderr starting with "# ": details worth keeping beside figures. */
const notes: string[] = [];

/** Run one benchmark file; resolve with its BENCH lines, whatever the exit status. */
function runOne(file: string, prior: Record<string, Prior>, timeoutMs: number): Promise<Row[]> {
  return new Promise((resolve) => {
    const rows: Row[] = [];
    const child = spawn(
      process.execPath,
      ["--expose-gc", "--max-old-space-size=3072", "--import", "tsx", file, ...(quick ? ["--quick"] : [])],
      {
        cwd: here,
        env: { ...process.env, BENCH_PRIOR: JSON.stringify(prior) },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    // A hung browser or engine must not hang the suite: its figures become a skip line.
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    let buf = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => {
      buf += d.toString();
      let nl = buf.indexOf("\n");
      while (nl >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        nl = buf.indexOf("\n");
        const m = LINE.exec(line);
        const s = SKIP.exec(line);
        if (m) rows.push({ name: m[1]!, value: Number(m[2]), unit: m[3]!, vs: m[4]!, ratio: m[5]! });
        else if (s) rows.push({ name: s[1]!, skipped: s[2]! });
        if (m || s) console.log(line);
      }
    });
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString();
    });
    const keepNotes = () => {
      for (const line of err.split("\n")) {
        if (line.startsWith("# ")) {
          notes.push(`${file}: ${line.slice(2).trim()}`);
          console.error(`#   ${line.slice(2).trim()}`);
        }
      }
    };
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      keepNotes();
      if (code !== 0) {
        const why = signal ? `killed by ${signal} after ${timeoutMs / 1000} s` : `exit ${code}`;
        // Node ends a crash with the stack and its version; the line naming the error says more.
        const lines = err.trim().split("\n");
        const named = lines
          .filter((l) => /\b\w*(Error|error)\b/.test(l) && !l.includes("node:internal"))
          .at(-1);
        const last = (named ?? lines.at(-1) ?? "").trim().slice(0, 300);
        const line = `BENCH ${file} skipped: crashed (${why}) ${last}`;
        console.log(line);
        rows.push({ name: file, skipped: `crashed (${why}) ${last}` });
      }
      resolve(rows);
    });
  });
}

function targetCell(row: Row): string {
  const t = TARGETS[row.name];
  if (!t) return "";
  if (row.value === undefined) return `${t.text}: not measured`;
  const v = t.on === "ratio" ? Number(row.ratio) : row.value;
  if (!Number.isFinite(v)) return `${t.text}: no baseline`;
  return `${t.text}: ${t.ok(v) ? "met" : "**missed**"}`;
}

async function main(): Promise<void> {
  const started = new Date();
  // The machine is shared: its load average says how much the figures of this run can be trusted.
  const loadBefore = loadavg()[0]!;
  const prior: Record<string, Prior> = {};
  const rows: Row[] = [];
  for (const b of BENCHMARKS) {
    if (only && !b.file.includes(only)) continue;
    console.error(`# ${b.file}${quick ? " (quick)" : ""}`);
    const t0 = performance.now();
    const got = await runOne(b.file, prior, (quick ? 0.5 : 1) * b.timeoutS * 1000);
    console.error(`#   ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    for (const r of got) if (r.value !== undefined) prior[r.name] = { value: r.value, unit: r.unit! };
    rows.push(...got);
  }

  const m = machine();
  const load = `load average ${loadBefore.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end`;
  const md = [
    "# Benchmark results",
    "",
    `Run ${started.toISOString()}${quick ? " with `--quick` (smaller N)" : ""}${only ? `, only \`${only}\`` : ""}.`,
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.mem} RAM, Node ${m.node}, ${process.platform}; ${load}.`,
    "",
    "`ratio` = our cost / the baseline's cost on the same work (below 1 means we are faster).",
    "Baselines print `vs (self) ratio 1`. Produced by `pnpm bench`; see bench/README.md.",
    "",
    "| benchmark | value | unit | vs | ratio | target |",
    "| --- | ---: | --- | --- | ---: | --- |",
    ...rows.map((r) =>
      r.skipped !== undefined
        ? `| ${r.name} | skipped | | | | ${r.skipped.replace(/\|/g, "/")} |`
        : `| ${r.name} | ${r.value} | ${r.unit} | ${r.vs} | ${r.ratio} | ${targetCell(r)} |`,
    ),
    "",
    "## Notes from the benchmarks",
    "",
    ...notes.map((n) => `- ${n}`),
    "",
  ].join("\n");
  // RESULTS.md holds a whole run at full size; a partial or quick run must not replace it with
  // a subset, so it goes beside the other scratch output.
  const partial = quick || only !== undefined;
  const out = partial ? ".out/RESULTS.partial.md" : "RESULTS.md";
  if (partial) mkdirSync(new URL("./.out/", import.meta.url), { recursive: true });
  writeFileSync(new URL(`./${out}`, import.meta.url), md);
  console.error(`# wrote bench/${out} (${rows.length} rows)`);
}

await main();
