import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Actor,
  type Definition,
  EngineError,
  type Instance,
  indexStepIds,
  type TaskRecord,
} from "../src/index";
import { actor, makeEngine, people, selectionDefinition } from "./fixtures";
import { joint } from "./jointFixtures";
import { childDefinition, recallDefinition } from "./recallFixtures";

const actors: Actor[] = [
  ...people.map((p) => actor(p.id)),
  { id: "od1", unit: "k1-od", roles: ["unit-hr", "org-dept"] },
];
const outcomes = [
  "submit",
  "pass",
  "return",
  "reject",
  "no-objection",
  "upheld",
  "recall",
  "warn",
  "done",
  "drop",
  "finish",
  "bogus",
];

const command = fc.record({
  kind: fc.constantFrom(
    "act",
    "act",
    "act",
    "act",
    "claim",
    "release",
    "delegate",
    "tick",
    "cancel",
    "addSigner",
  ),
  task: fc.nat(),
  who: fc.nat(),
  outcome: fc.nat(),
  age: fc.constantFrom(30, 40, 60),
  named: fc.boolean(),
  opinion: fc.boolean(),
  stale: fc.boolean(),
  retry: fc.boolean(),
  days: fc.integer({ min: 0, max: 4 }),
});

type Command = typeof command extends fc.Arbitrary<infer T> ? T : never;

/** Whether an actor may act on a task, decided independently of the engine's code. */
function allowed(t: TaskRecord, a: Actor): boolean {
  const holds = (role: string, unit: string) =>
    a.unit === unit &&
    a.roles.includes(role) &&
    (people.find((p) => p.id === a.id)?.memberships.some((m) => m.role === role && m.unit === unit) ?? true);
  if (t.claimedBy !== undefined && t.claimedBy !== a.id) return false;
  if (t.delegatedTo !== undefined)
    return t.delegatedTo === a.id || (t.escalatedTo ? holds(t.escalatedTo.role, t.escalatedTo.unit) : false);
  if ("person" in t.assignee) return t.assignee.person === a.id;
  return (
    holds(t.assignee.role, t.assignee.unit) ||
    (t.escalatedTo ? holds(t.escalatedTo.role, t.escalatedTo.unit) : false)
  );
}

const step = { age: 40 as const, named: true, opinion: true, stale: false, retry: false, days: 0, task: 0 };
/** hr submits a valid application, od1 rejects it with an opinion: the case ends. */
const endingExample: Command[] = [
  { ...step, kind: "act", who: actors.findIndex((a) => a.id === "hr"), outcome: outcomes.indexOf("submit") },
  { ...step, kind: "act", who: actors.findIndex((a) => a.id === "od1"), outcome: outcomes.indexOf("reject") },
];

/** Evidence that the runs exercise something: accepted acts, refusals, ended cases. */
const stats = { accepted: 0, refused: 0, ended: 0 };

async function runSequence(defs: Definition[], startId: string, starter: Actor, cmds: Command[]) {
  const { engine, nextAction, clock, store } = makeEngine(defs);
  const def = defs.find((d) => d.id === startId)!;
  const stepIds = new Set(indexStepIds(def));
  let inst: Instance = await engine.start({
    definitionId: startId,
    actor: starter,
    data: startId === "mini-selection" ? { candidateId: "cadre" } : {},
    actionId: nextAction(),
  });
  let lastAction: { id: string; version: number } | undefined;
  for (const c of cmds) {
    const before = await engine.get(inst.id);
    const open = before.tasks;
    const task = open.length > 0 ? open[c.task % open.length] : undefined;
    const who = actors[c.who % actors.length]!;
    const expectedVersion = c.stale ? before.version - 1 : before.version;
    const actionId = c.retry && lastAction ? lastAction.id : nextAction();
    let accepted = false;
    try {
      if (c.kind === "act" && task) {
        await engine.act({
          taskId: task.id,
          actor: who,
          outcome: outcomes[c.outcome % outcomes.length]!,
          formData: c.named ? { name: "Li", age: c.age } : { age: c.age },
          ...(c.opinion ? { opinion: "because" } : {}),
          actionId,
          expectedVersion,
        });
        accepted = true;
        stats.accepted++;
      } else if (c.kind === "claim" && task) {
        await engine.claim({ taskId: task.id, actor: who, actionId });
      } else if (c.kind === "release" && task) {
        await engine.release({ taskId: task.id, actor: who, actionId });
      } else if (c.kind === "delegate" && task) {
        await engine.delegate({
          taskId: task.id,
          actor: who,
          to: actors[(c.who + 1) % actors.length]!.id,
          actionId,
        });
      } else if (c.kind === "tick") {
        await engine.tick(clock.advanceDays(c.days));
      } else if (c.kind === "addSigner") {
        const units = ["k1-court", "k1-disc", "nowhere"];
        await engine.addSigner({
          instanceId: inst.id,
          step: "joint",
          item: units[c.task % units.length],
          actor: who,
          actionId,
        });
      } else if (c.kind === "cancel") {
        await engine.cancel({ instanceId: inst.id, actor: who, actionId, expectedVersion });
      }
    } catch (error) {
      // Every refusal is a typed engine error, never a crash.
      expect(error).toBeInstanceOf(EngineError);
      stats.refused++;
    }
    const after = await engine.get(inst.id);
    const retried = c.retry && lastAction !== undefined && actionId === lastAction.id;
    if (accepted && task && !retried) {
      // An act that went through was by an allowed actor against the current version.
      expect(allowed(task, who)).toBe(true);
      expect(c.stale).toBe(false);
      expect(after.version).toBeGreaterThan(before.version);
    }
    if (c.kind === "act" && c.stale && !retried) expect(after.version).toBe(before.version);
    if (after.version !== before.version && !retried) lastAction = { id: actionId, version: after.version };
    for (const s of after.steps) expect(stepIds.has(s)).toBe(true);
    if (after.status !== "running") {
      expect(after.tasks).toEqual([]);
      expect(await store.queryTasks({ instanceId: after.id, status: "open" })).toEqual([]);
    }
    inst = after;
  }
  if (inst.status !== "running") stats.ended++;
  for (const i of await store.queryInstances({})) {
    expect(await engine.verify(i.id)).toEqual({ ok: true });
    expect(await engine.replay(await engine.history(i.id))).toEqual(await engine.get(i.id));
  }
}

// Generous: hundreds of cases per run, and CI machines here are often loaded.
describe("properties over random action sequences", { timeout: 60_000 }, () => {
  it("selection: state stays in the definition, log verifies, replay equals live, refusals are typed", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { maxLength: 25 }), (cmds) =>
        runSequence([selectionDefinition()], "mini-selection", actor("hr"), cmds),
      ),
      // A fixed example that reaches an end, so the ended-case checks never go unexercised.
      { numRuns: 60, examples: [[endingExample]] },
    );
    expect(stats).toMatchObject({ accepted: expect.any(Number), ended: expect.any(Number) });
    expect(Math.min(stats.accepted, stats.refused, stats.ended)).toBeGreaterThan(0);
  });

  it("recall with branches and a sub-process: the same invariants hold", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { maxLength: 25 }), (cmds) =>
        runSequence([childDefinition(), recallDefinition()], "mini-recall", actor("od1"), cmds),
      ),
      { numRuns: 40 },
    );
  });

  it("joint review (会签 with veto, 加签): the same invariants hold", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { maxLength: 20 }), (cmds) =>
        runSequence([joint("all")], "joint-review", actor("od1"), cmds),
      ),
      { numRuns: 40 },
    );
  });
});
