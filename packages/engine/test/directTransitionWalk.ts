import { expect } from "vitest";
import type { CompiledDefinition } from "../src/compile/compileDefinition";
import { directInitial, directTransition } from "../src/compile/directStep";
import { initialSnapshot, nextSnapshot, type Snapshot } from "../src/compile/runMachine";
import type { StartInput, WfContext, WfEvent } from "../src/runtime/context";

/** Who acts in a walk's events. */
export interface Actor {
  id: string;
  unit: string;
  roles: string[];
}

/** A compiled definition and what random actions on it draw from. */
export interface WalkSetup {
  compiled: CompiledDefinition;
  clock: string;
  starts: Record<string, unknown>[];
  acts: { step: string; outcome: string; form?: unknown; actor: Actor }[];
}

/** One random action: [kind 0-99, pick, pick, minutes to advance the clock]. */
export type Choice = [number, number, number, number];

const local = (ms: number) => `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
const pick = <T>(list: readonly T[], n: number): T | undefined => list[n % Math.max(1, list.length)];

/** What walks covered: events stepped directly, events in all, and the states reached. */
export interface WalkStats {
  direct: number;
  events: number;
  reached: Set<string>;
}

/** Empty stats for a series of walks. */
export const walkStats = (): WalkStats => ({ direct: 0, events: 0, reached: new Set() });

/**
 * Start a case and apply the random actions, each through `nextSnapshot` (direct when it can)
 * and through XState's own `transition`, expecting the same snapshot or the same error every
 * time and the starting snapshot's context untouched. Adds what it covered to `stats`.
 */
export function walk(s: WalkSetup, start: number, choices: Choice[], stats: WalkStats): void {
  const c = s.compiled;
  let ms = Date.parse(s.clock);
  const someone = s.acts[0]?.actor ?? { id: "nobody", unit: "", roles: [] };
  const input: StartInput = {
    instanceId: "i1",
    definitionId: c.definition.id,
    data: pick(s.starts, start) ?? {},
    starter: { id: someone.id, unit: someone.unit },
    at: local(ms),
  };
  if (directInitial(c.direct, input)) stats.direct++;
  stats.events++;
  let snap = same(
    () => initialSnapshot(c, input),
    () => c.machine.getInitialSnapshot(c.scope as never, input),
  );
  for (const [kind, a, b, minutes] of choices) {
    if (snap?.status !== "active") break;
    ms += minutes * 60_000;
    const from: Snapshot = snap;
    const event = eventFor(s, from.context, [kind, a, b, minutes], ms);
    if (event.type === "wf.timer" && Date.parse(event.at) > ms) ms = Date.parse(event.at);
    const before = JSON.stringify(from.context);
    if (directTransition(c.direct, from.value, from.context, event)) stats.direct++;
    stats.events++;
    // A refused action leaves the case where it was.
    snap =
      same(
        () => nextSnapshot(c, from, event),
        () => c.machine.transition(from, event, c.scope as never),
      ) ?? from;
    expect(JSON.stringify(from.context), "the direct step wrote into the snapshot it started from").toBe(
      before,
    );
    if (snap) stats.reached.add(JSON.stringify(snap.value));
  }
}

/** The event a choice makes of the case as it is. */
function eventFor(s: WalkSetup, ctx: WfContext, [kind, a, b]: Choice, ms: number): WfEvent {
  const at = local(ms);
  const task = pick(Object.values(ctx.tasks), a);
  const taskId = task?.id ?? "no-such-task";
  const actor = pick(s.acts, b)?.actor ?? { id: "nobody", unit: "", roles: [] };
  const stepIds = [...s.compiled.index.byId.keys()];
  if (kind < 55) {
    const pool = s.acts.filter((x) => x.step === task?.step);
    const fromPool = pool[b % (pool.length + 2)];
    if (fromPool) {
      const e: WfEvent = { type: "wf.act", taskId, outcome: fromPool.outcome, actor: fromPool.actor, at };
      if (fromPool.form !== undefined) e.form = fromPool.form;
      if (b % 3 === 0) e.opinion = "同意";
      return e;
    }
    const step = task && s.compiled.index.byId.get(task.step)?.step;
    const outcomes = step && "outcomes" in step ? Object.keys(step.outcomes) : [];
    return { type: "wf.act", taskId, outcome: pick(outcomes, b) ?? "bogus", actor, form: {}, at };
  }
  if (kind < 70) {
    const timer = pick(Object.values(ctx.timers), a);
    const due = timer && Date.parse(timer.due) > ms ? timer.due : at;
    return { type: "wf.timer", timerId: timer?.id ?? "no-such-timer", at: due };
  }
  if (kind < 73) return { type: "wf.claim", taskId, actor, at };
  if (kind < 75) return { type: "wf.release", taskId, actor, at };
  if (kind < 78) return { type: "wf.delegate", taskId, actor, to: actor.id, at };
  if (kind < 81) return { type: "wf.cancel", actor, at, ...(b % 2 ? { reason: "撤销" } : {}) };
  const step = pick(stepIds, b) ?? "none";
  if (kind < 86) return { type: "wf.addSigner", step, item: pick(s.acts, a)?.actor.unit ?? "u1", actor, at };
  if (kind < 89) return { type: "wf.childStarted", step, childId: "child-1", at };
  if (kind < 92) return { type: "wf.childEnded", step, childId: "child-1", outcome: "done", at };
  if (kind < 95) return { type: "wf.nothing", at } as unknown as WfEvent;
  return { type: "wf.act", taskId: "no-such-task", outcome: "bogus", actor, at };
}

/** Run both; they must agree on the snapshot (key order included) or on the error. */
function same(ours: () => Snapshot, xstate: () => Snapshot): Snapshot | undefined {
  const a = outcome(ours);
  const b = outcome(xstate);
  expect(a.text).toBe(b.text);
  return a.snap;
}

function outcome(f: () => Snapshot): { snap?: Snapshot; text: string } {
  try {
    const snap = f();
    const error = snap.error instanceof Error ? snap.error.message : snap.error;
    const { value, status, output, context } = snap;
    return { snap, text: JSON.stringify({ value, status, output, error, context }) };
  } catch (e) {
    return { text: `throws: ${e instanceof Error ? e.message : String(e)}` };
  }
}
