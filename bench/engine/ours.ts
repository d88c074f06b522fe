/**
 * Engine throughput: cases of the first-secretary selection from application to dispatch, in
 * memory, with form validation, eligibility rules, role and separation-of-duties checks and the
 * SHA-256 hash-chained audit log all on; and heap per idle case. Compared with the hand-written
 * XState machine (a) and bpmn-engine (b), whose figures the runner hands over from this run.
 */
import { sha256HexFast } from "@wf/engine";
import { heapUsed, median, now, report, size } from "../lib/measure";
import { drive, makeWorld, PHASES } from "./world";
import { runCase as runXstateCase } from "./xstate-baseline";

const n = size(10_000, 1_000);
// Start + user decisions + the notice timer: the nine actions the baselines count too.
const actionsPerCase = PHASES.filter((p) => p.kind !== "tick").length + 1;
if (actionsPerCase !== 9) throw new Error(`the happy path has ${actionsPerCase} actions, the baselines 9`);

/**
 * Actions per second over n cases on a fresh engine and store, and the XState baseline's rate
 * measured in slices between our phases: on a shared machine the load changes from minute to
 * minute (ratios of runs made a minute apart moved by 2x), so each baseline slice runs right
 * after one of our phases and both see the same conditions. One pass over 10,000 cases is
 * 90,000 actions, itself an average over many; rounds are only repeated in --quick runs.
 */
async function throughput(
  hash?: (text: string) => Promise<string>,
  count = n,
): Promise<{ ours: number; xstate: number }> {
  // Both sides warm up on the same number of actions (2,000 cases each): JIT tiers, inline caches,
  // V8's hidden-class transitions for the per-case task ids, expression caches. With 200 of ours
  // against 2,000 of XState's, our first ~1,000 measured cases still ran at 1.5-5x the steady cost.
  const warm = Math.min(2000, count);
  await drive(makeWorld(hash), warm, PHASES.length, "warm");
  for (let i = 0; i < warm; i++) runXstateCase(i);
  const ours: number[] = [];
  const xstate: number[] = [];
  // Each slice does as many baseline actions as one of our phases (count actions).
  const slice = Math.ceil(count / 9);
  for (let r = 0; r < size(1, 3); r++) {
    const w = makeWorld(hash);
    let xsMs = 0;
    let xsCases = 0;
    const t0 = now();
    const cases = await drive(w, count, PHASES.length, `r${r}`, () => {
      // Our garbage is collected on our clock (the young generation emptied before the slice),
      // so a scavenge our phase made due does not land in the baseline's time.
      minorGc();
      const s0 = now();
      for (let i = 0; i < slice; i++) runXstateCase(xsCases + i);
      xsCases += slice;
      xsMs += now() - s0;
    });
    ours.push(now() - t0 - xsMs);
    xstate.push((xsCases * 9) / (xsMs / 1000));
    const last = cases[count - 1]!;
    if (last.status !== "completed" || last.outcome !== "dispatched") {
      throw new Error(`case ended ${last.status}/${last.outcome ?? "-"} at ${last.steps.join(",")}`);
    }
  }
  const ms = median(ours);
  console.error(`# ${count} cases in ${(ms / 1000).toFixed(2)} s${hash ? " (async hash port)" : ""}`);
  return { ours: (count * actionsPerCase) / (ms / 1000), xstate: median(xstate) };
}

function minorGc(): void {
  const gc = (globalThis as { gc?: (o?: { type: "minor" | "major" }) => void }).gc;
  if (!gc) throw new Error("run with node --expose-gc (the runner does)");
  gc({ type: "minor" });
}

const { ours: rate, xstate: xs } = await throughput();
console.error(`# XState baseline in slices between our phases: ${xs.toFixed(0)} actions/s`);
const prior = JSON.parse(process.env.BENCH_PRIOR ?? "{}");
process.env.BENCH_PRIOR = JSON.stringify({
  ...prior,
  "engine.xstate.throughput": { value: xs, unit: "actions/s" },
});
report("engine.ours.throughput-vs-xstate", rate, "actions/s", "engine.xstate.throughput", true);
report("engine.ours.throughput-vs-bpmn", rate, "actions/s", "engine.bpmn.throughput", true);
// The floor under the engine: the compiled machine's transitions alone. `replay` folds a case's
// audit log through the machine (no checks, no hashing, no store), so per event it is what the
// XState part of an action costs. A whole action cannot have a lower ratio than this plus
// validation, rules, hashing and the store write.
{
  const w1 = makeWorld();
  const [one] = await drive(w1, 1, PHASES.length, "floor");
  const events = await w1.engine.history(one!.id);
  const reps = size(3000, 500);
  for (let i = 0; i < reps / 5; i++) await w1.engine.replay(events); // warm-up
  const rates: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < 5; r++) {
    const xs0 = now();
    for (let i = 0; i < reps; i++) runXstateCase(i);
    const xsCost = (now() - xs0) / (reps * 9);
    const t0 = now();
    for (let i = 0; i < reps; i++) await w1.engine.replay(events);
    const cost = (now() - t0) / (reps * events.length);
    rates.push(1000 / cost);
    ratios.push(cost / xsCost);
  }
  console.log(
    `BENCH engine.ours.transitions-only-vs-xstate ${median(rates).toFixed(0)} events/s vs engine.xstate.throughput ratio ${median(ratios).toFixed(2)}`,
  );
}

// The same through an asynchronous hash port (`hash: sha256HexFast`, the same SHA-256 behind a
// promise): what a host that passes its own async hash, e.g. Web Crypto's, pays for one await per
// event against the engine's default synchronous hash. A third of the cases: a hint, not a target.
const fast = await throughput(sha256HexFast, Math.ceil(n / 3));
console.log(
  `BENCH engine.ours.throughput-asynchash-vs-xstate ${fast.ours.toFixed(0)} actions/s vs engine.xstate.throughput ratio ${(fast.xstate / fast.ours).toFixed(2)}`,
);

// Idle cases: started, applied and recommended, waiting at the qualification review. Everything
// the engine keeps for them (instance, snapshot, tasks, audit events) is in the MemoryStore.
const idle = size(10_000, 1_000);
const reviewAt = PHASES.findIndex((p) => p.kind === "act" && p.step === "review");
const before = heapUsed();
const w = makeWorld();
await drive(w, idle, reviewAt, "idle");
const after = heapUsed();
report("engine.ours.idle-memory", (after - before) / idle, "B/case", "engine.xstate.idle-memory");
if (!w.store) throw new Error("unreachable: keeps the store alive until after the measurement");
