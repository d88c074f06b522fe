/**
 * Baseline (a): the eight-step first-secretary selection as a hand-written XState 5 machine, the
 * floor our engine stands on (it compiles JSON definitions to XState machines). No validation,
 * no authorization, no audit log: only the state changes a clerk's actions cause.
 *
 * Path driven per case (the same nine actions the other engines are driven through):
 * start -> submit -> recommend -> pass -> pass -> propose -> approve -> notice timer -> dispatch.
 */
import { assign, createActor, createMachine } from "xstate";
import { heapUsed, reportBaseline, size, timeRounds } from "../lib/measure";

/** Actions per case: start, seven user decisions, and the notice period's timer. */
export const ACTIONS_PER_CASE = 9;

type Ev =
  | { type: "submit" | "recommend" | "decline" | "pass" | "reject" | "fail" | "propose" }
  | { type: "return" | "approve" | "defer" | "objection" | "dispatch"; opinion?: string }
  | { type: "timeout" };

export const selection = createMachine({
  id: "first-secretary-selection",
  types: {} as { context: { villageId: string; step: number }; events: Ev; input: { villageId: string } },
  context: ({ input }) => ({ villageId: input.villageId, step: 0 }),
  initial: "apply",
  // Counting steps in context keeps the machine honest: a real app keeps at least this much data.
  on: { "*": { actions: assign({ step: ({ context }) => context.step + 1 }) } },
  states: {
    apply: { on: { submit: "recommend" } },
    recommend: { on: { recommend: "review", decline: "declined" } },
    review: { on: { pass: "inspect", return: "apply", reject: "rejected" } },
    inspect: { on: { pass: "match", fail: "failed" } },
    match: { on: { propose: "decide", return: "inspect" } },
    decide: { on: { approve: "notice", reject: "rejected", defer: "decide" } },
    // The notice period ends by a timer event sent by the driver (as our engine's tick does);
    // XState's own `after` would not survive persistence, so neither side uses it.
    notice: { on: { timeout: "dispatch", objection: "inspect" } },
    dispatch: { on: { dispatch: "dispatched" } },
    dispatched: { type: "final" },
    declined: { type: "final" },
    rejected: { type: "final" },
    failed: { type: "final" },
  },
});

const PATH: Ev["type"][] = [
  "submit",
  "recommend",
  "pass",
  "pass",
  "propose",
  "approve",
  "timeout",
  "dispatch",
];

/** Drive one case from application to dispatch; throws if the machine does not end dispatched. */
export function runCase(i: number): void {
  const actor = createActor(selection, { input: { villageId: `v${i % 2000}` } }).start();
  for (const type of PATH) actor.send({ type } as Ev);
  const snap = actor.getSnapshot();
  if (snap.value !== "dispatched") throw new Error(`case ${i} ended in ${String(snap.value)}`);
  actor.stop();
}

/** Cases waiting at the qualification review, kept alive as an app would keep them. */
export function idleCases(n: number): unknown[] {
  const held: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const actor = createActor(selection, { input: { villageId: `v${i % 2000}` } }).start();
    actor.send({ type: "submit" });
    actor.send({ type: "recommend" });
    // Keep the persisted snapshot, what a store-backed app keeps per idle case.
    held.push(actor.getPersistedSnapshot());
    actor.stop();
  }
  return held;
}

async function main(): Promise<void> {
  const n = size(10_000, 2_000);
  const ms = await timeRounds(5, () => {
    for (let i = 0; i < n; i++) runCase(i);
  });
  reportBaseline("engine.xstate.throughput", (n * ACTIONS_PER_CASE) / (ms / 1000), "actions/s");

  const idle = size(10_000, 2_000);
  const before = heapUsed();
  const held = idleCases(idle);
  const after = heapUsed();
  reportBaseline("engine.xstate.idle-memory", (after - before) / idle, "B/case");
  if (held.length !== idle) throw new Error("unreachable: keeps `held` alive until after the measurement");
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
