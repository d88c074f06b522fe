/**
 * Restore and replay. (1) Rehydrate 10,000 waiting cases from the store with a fresh engine (an
 * app reload): `engine.get` for each, which loads the record and rebuilds its task view; the
 * baseline restores the same number of persisted snapshots of the hand-written XState machine
 * into live actors. (2) Replay one case of about 1,000 audit events with `engine.replay`
 * (target under 20 ms): a case sent back for correction again and again.
 */

import { type Instance, sha256HexFast } from "@wf/engine";
import { createActor } from "xstate";
import { median, now, report, reportAbsolute, reportBaseline, size } from "../lib/measure";
import { drive, makeWorld, PHASES, type Phase } from "./world";
import { idleCases, selection } from "./xstate-baseline";

const n = size(10_000, 1_000);
const rounds = size(5, 3);

// ---- (1) rehydrate ----
const reviewAt = PHASES.findIndex((p) => p.kind === "act" && p.step === "review");
// Building the store is not measured; the fast hash only makes that preparation quicker.
const built = makeWorld(sha256HexFast);
const ids = (await drive(built, n, reviewAt, "restore")).map((c) => c.id);

const oursTimes: number[] = [];
for (let r = 0; r <= rounds; r++) {
  const t0 = now();
  const fresh = makeWorld(undefined, built.store);
  for (const id of ids) {
    const inst = await fresh.engine.get(id);
    if (inst.tasks.length === 0) throw new Error(`${id} has no open task after restore`);
  }
  if (r > 0) oursTimes.push(now() - t0); // round 0 warms up
}

const snapshots = idleCases(n);
const xsTimes: number[] = [];
for (let r = 0; r <= rounds; r++) {
  const t0 = now();
  for (const snapshot of snapshots) {
    const actor = createActor(selection, { snapshot: snapshot as never, input: { villageId: "" } }).start();
    if (actor.getSnapshot().value !== "review") throw new Error("restored to the wrong state");
    actor.stop();
  }
  if (r > 0) xsTimes.push(now() - t0);
}
// Both sides ran in this process, so the baseline is handed to `report` directly.
const unit = `ms/${n}cases`;
process.env.BENCH_PRIOR = JSON.stringify({ "restore.xstate.rehydrate": { value: median(xsTimes), unit } });
reportBaseline("restore.xstate.rehydrate", median(xsTimes), unit);
report("restore.ours.rehydrate", median(oursTimes), unit, "restore.xstate.rehydrate");

// ---- (2) replay a long case ----
const phase = (step: string): Extract<Phase, { kind: "act" }> => {
  const p = PHASES.find((x) => x.kind === "act" && x.step === step);
  if (p?.kind !== "act") throw new Error(`no ${step} in the happy path`);
  return p;
};
const w = makeWorld(sha256HexFast);
const startPhase = PHASES[0]!;
if (startPhase.kind !== "start") throw new Error("the happy path must begin with a start");
let inst: Instance = await w.engine.start({
  definitionId: "first-secretary-selection",
  actor: startPhase.actor,
  data: startPhase.data,
  actionId: "long-0",
});
let a = 0;
const act = async (p: Extract<Phase, { kind: "act" }>, outcome = p.outcome, opinion?: string) => {
  const task = inst.tasks.find((t) => t.step === p.step && t.status === "open")!;
  inst = await w.engine.act({
    taskId: task.id,
    actor: p.actor,
    outcome,
    actionId: `long-${++a}`,
    expectedVersion: inst.version,
    ...(p.form !== undefined ? { formData: p.form } : {}),
    ...(opinion ? { opinion } : {}),
  });
};
await act(phase("apply"));
await act(phase("recommend"));
// Each round trip: the review returns it, the cadre resubmits, the unit recommends again.
while (inst.version < 998) {
  await act(phase("review"), "return", "材料不全,请补充后重新提交。");
  await act(phase("apply"));
  await act(phase("recommend"));
}
const events = await w.engine.history(inst.id);
const replayTimes: number[] = [];
for (let r = 0; r <= size(9, 5); r++) {
  const t0 = now();
  const replayed = await w.engine.replay(events);
  if (r > 0) replayTimes.push(now() - t0);
  if (replayed.version !== inst.version || replayed.steps.join() !== inst.steps.join()) {
    throw new Error(
      `replay gave version ${replayed.version} at ${replayed.steps}, live ${inst.version} at ${inst.steps}`,
    );
  }
}
console.error(`# replayed ${events.length} events`);
reportAbsolute("restore.replay-1000-events", median(replayTimes), "ms", "target-20ms");
