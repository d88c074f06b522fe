/**
 * The benchmark list, in run order, and the targets from issue 8. Baselines come before the
 * figures that are compared with them, because the runner hands earlier results to later runs.
 */

export interface Benchmark {
  /** Path relative to bench/. */
  file: string;
  /** Hard limit for the whole process (halved with --quick); a benchmark should need far less. */
  timeoutS: number;
}

export const BENCHMARKS: Benchmark[] = [
  { file: "engine/xstate-baseline.ts", timeoutS: 120 },
  { file: "engine/bpmn-baseline.ts", timeoutS: 240 },
  { file: "engine/ours.ts", timeoutS: 300 },
  { file: "engine/restore.ts", timeoutS: 120 },
  { file: "idb/fake.ts", timeoutS: 170 },
  // The first run on a machine loads 1.6 million rows into a kept profile (minutes); later runs reuse it.
  { file: "idb/chromium.ts", timeoutS: 900 },
  { file: "forms/chromium.ts", timeoutS: 150 },
  { file: "forms/validate.ts", timeoutS: 120 },
  { file: "app/size.ts", timeoutS: 120 },
  { file: "app/lighthouse.ts", timeoutS: 170 },
];

export interface Target {
  /** Human wording for RESULTS.md. */
  text: string;
  /** Whether the target is on the ratio column or on the value itself. */
  on: "ratio" | "value";
  ok: (v: number) => boolean;
}

const ratioAtMost = (r: number): Target => ({ text: `ratio ≤ ${r}`, on: "ratio", ok: (v) => v <= r });
const below = (x: number, unit: string): Target => ({
  text: `< ${x} ${unit}`,
  on: "value",
  ok: (v) => v < x,
});
const atLeast = (x: number): Target => ({ text: `≥ ${x}`, on: "value", ok: (v) => v >= x });

export const TARGETS: Record<string, Target> = {
  "engine.ours.throughput-vs-xstate": ratioAtMost(3),
  "engine.ours.throughput-vs-bpmn": ratioAtMost(0.1),
  "restore.replay-1000-events": below(20, "ms"),
  "idb.fake.ours.inbox": below(50, "ms"),
  "idb.fake.ours.append": below(10, "ms"),
  "idb.chromium.ours.inbox": below(50, "ms"),
  "idb.chromium.ours.append": below(10, "ms"),
  "idb.fake.ours.inbox-vs-raw": ratioAtMost(1.5),
  "idb.fake.ours.append-vs-raw": ratioAtMost(1.5),
  "idb.chromium.ours.inbox-vs-raw": ratioAtMost(1.5),
  "idb.chromium.ours.append-vs-raw": ratioAtMost(1.5),
  "forms.ours.keystroke": ratioAtMost(0.33),
  "app.first-paint-js": below(250, "KB"),
  "app.lighthouse.performance": atLeast(95),
  "app.lighthouse.accessibility": atLeast(95),
  "app.lighthouse.best-practices": atLeast(95),
};
