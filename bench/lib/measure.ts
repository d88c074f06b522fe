/**
 * Shared measuring and reporting helpers for every benchmark process.
 *
 * Each benchmark runs in its own Node process (started by bench/run.ts with --expose-gc) so that
 * one benchmark's heap and JIT state never leak into another's figures. Results are printed as
 * one line per figure, `BENCH <name> <value> <unit> vs <baseline> ratio <r>`, which is the only
 * interface between a benchmark and the runner.
 */
import os from "node:os";

/** `--quick` shrinks N so the whole suite fits a smoke run on a 2-core shared machine. */
const quick = process.argv.includes("--quick");

/** Pick the full-size or the quick-size parameter. */
export function size(full: number, small: number): number {
  return quick ? small : full;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Milliseconds with sub-ms resolution; performance.now is monotonic, Date.now is not. */
export function now(): number {
  return performance.now();
}

/**
 * Run `fn` once as warm-up (JIT, caches, lazy module init), then `rounds` times, and return the
 * median duration in ms. The median resists the odd slow round that a shared machine produces.
 */
export async function timeRounds(rounds: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = now();
    await fn();
    times.push(now() - t0);
  }
  return median(times);
}

/** Force a full collection (twice: the first can leave finalizer work for the second). */
function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (!g) throw new Error("run node with --expose-gc (bench/run.ts does this)");
  g();
  g();
}

/** Heap in use after a full GC, in bytes: the memory the process really holds on to. */
export function heapUsed(): number {
  gc();
  return process.memoryUsage().heapUsed;
}

/** Baseline results of earlier benchmarks in this run, handed over by the runner. */
export interface Prior {
  value: number;
  unit: string;
}
function prior(name: string): Prior | undefined {
  const all = JSON.parse(process.env.BENCH_PRIOR ?? "{}") as Record<string, Prior>;
  return all[name];
}

function fmt(n: number): string {
  if (!Number.isFinite(n) || Number.isInteger(n)) return String(n);
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 1) return n.toFixed(2);
  return n.toPrecision(3);
}

/** A baseline's own line: it is the reference, so its ratio is 1 by definition. */
export function reportBaseline(name: string, value: number, unit: string): void {
  console.log(`BENCH ${name} ${fmt(value)} ${unit} vs (self) ratio 1`);
}

/**
 * One of our figures against a baseline figure from this run. `ratio` is always our cost over
 * the baseline's cost; for rates (higher is better) the cost is the inverse of the rate.
 */
export function report(
  name: string,
  value: number,
  unit: string,
  baselineName: string,
  higherIsBetter = false,
) {
  const base = prior(baselineName);
  let ratio = "n/a";
  if (base && base.value > 0 && value > 0) {
    ratio = fmt(higherIsBetter ? base.value / value : value / base.value);
  }
  console.log(`BENCH ${name} ${fmt(value)} ${unit} vs ${baselineName} ratio ${ratio}`);
}

/** A figure with an absolute target but no peer (e.g. replay time, bundle size). */
export function reportAbsolute(name: string, value: number, unit: string, against: string): void {
  console.log(`BENCH ${name} ${fmt(value)} ${unit} vs ${against} ratio n/a`);
}

/** Say plainly that a figure could not be measured, instead of printing a made-up one. */
export function skip(name: string, reason: string): void {
  console.log(`BENCH ${name} skipped: ${reason.replace(/\s+/g, " ")}`);
}

export function machine(): { cpu: string; cores: number; node: string; mem: string } {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    node: process.version,
    mem: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
  };
}
