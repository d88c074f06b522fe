import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Engine, Instance } from "../src/index";
import { instanceView } from "../src/runtime/instanceRecord";
import { copyIdRecord, idGet, merged, withIds } from "../src/runtime/shapes";
import { actor, makeEngine, selectionDefinition, submittedCase } from "./fixtures";
import { joint } from "./jointFixtures";

// The view an action returns reuses the task records its commit just stored, and looks records
// up in id-keyed context records with Reflect.get: neither may change a byte of what is returned.

/** The instance as a fresh engine would show it: replayed from the audit log, every task record built anew. */
async function rebuilt(engine: Engine, id: string): Promise<Instance> {
  return engine.replay(await engine.history(id));
}

const strip = (i: Instance): Omit<Instance, "notices"> => {
  const { notices: _notices, ...rest } = i;
  return rest;
};

const reviewers: Record<string, string> = { "k1-disc": "disc", "k1-police": "pol" };

/** One random step on a joint-review case: [what, which open task]. */
const step = fc.tuple(fc.constantFrom("claim", "release", "approve", "abstain", "addSigner"), fc.nat(5));

describe("views of actions", () => {
  it("equal the instance rebuilt from its log, whichever open tasks an action touched", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 8 }), async (steps) => {
        const { engine, nextAction } = makeEngine([joint("all")]);
        let view = await engine.start({
          definitionId: "joint-review",
          actor: actor("od1"),
          actionId: nextAction(),
        });
        for (const [what, n] of steps) {
          if (view.status !== "running") break;
          const open = view.tasks;
          const task = open[n % open.length];
          if (!task) break;
          const who = reviewers[String(task.item)] ?? "disc";
          const base = { actionId: nextAction(), expectedVersion: view.version };
          try {
            if (what === "claim") view = await engine.claim({ ...base, taskId: task.id, actor: actor(who) });
            else if (what === "release")
              view = await engine.release({ ...base, taskId: task.id, actor: actor(who) });
            else if (what === "addSigner")
              view = await engine.addSigner({
                ...base,
                instanceId: view.id,
                step: "joint",
                item: "k1-police",
                actor: actor("od1"),
              });
            else view = await engine.act({ ...base, taskId: task.id, actor: actor(who), outcome: what });
          } catch {
            // A refused action (e.g. releasing an unclaimed task) changes nothing; go on.
            view = await engine.get(view.id);
          }
          expect(JSON.stringify(strip(view))).toBe(JSON.stringify(strip(await rebuilt(engine, view.id))));
        }
      }),
      { numRuns: 40 },
    );
  });

  it("equal the instance rebuilt from its log on the selection procedure (subject, due times, ends)", async () => {
    const move = fc.tuple(fc.constantFrom("act", "claim", "tick", "cancel"), fc.nat(5), fc.nat(20));
    await fc.assert(
      fc.asyncProperty(fc.array(move, { maxLength: 8 }), async (moves) => {
        const env = makeEngine([selectionDefinition()]);
        const { engine, nextAction, clock } = env;
        let view = await submittedCase(env);
        for (const [what, n, days] of moves) {
          if (view.status !== "running") break;
          const task = view.tasks[0];
          const base = { actionId: nextAction(), expectedVersion: view.version };
          try {
            if (what === "tick") {
              clock.advanceDays(days);
              await engine.tick();
              view = await engine.get(view.id);
              continue;
            }
            if (what === "cancel")
              view = await engine.cancel({
                ...base,
                instanceId: view.id,
                actor: actor("od1"),
                reason: "withdrawn",
              });
            else if (!task) break;
            else if (what === "claim")
              view = await engine.claim({ ...base, taskId: task.id, actor: actor("od1") });
            else {
              const outcome = task.outcomes[n % task.outcomes.length]!.id;
              const who = task.step === "apply" ? "hr" : "od1";
              view = await engine.act({
                ...base,
                taskId: task.id,
                actor: actor(who),
                outcome,
                opinion: "why",
                formData: { name: "Li", age: 40 },
              });
            }
          } catch {
            view = await engine.get(view.id);
          }
          expect(JSON.stringify(strip(view))).toBe(JSON.stringify(strip(await rebuilt(engine, view.id))));
        }
      }),
      { numRuns: 40 },
    );
  });

  it("write a record's keys in the order a copy of it has, whichever optional keys it has", () => {
    const optional = ["outcome", "reason", "endedAt", "subject", "nextDue", "parent", "forms"] as const;
    fc.assert(
      fc.property(fc.subarray([...optional]), (present) => {
        const rec: Record<string, unknown> = {};
        for (const k of REQUIRED) rec[k] = `${k}-value`;
        for (const k of present) rec[k] = `${k}-value`;
        const view = instanceView(rec as never, [], []);
        expect(Object.keys(view)).toEqual(Object.keys(merged(rec, { tasks: [], notices: [] })));
        expect(JSON.stringify(view)).toBe(JSON.stringify(merged(rec, { tasks: [], notices: [] })));
      }),
    );
  });

  it("hand out the very task records the store keeps for the tasks the action opened", async () => {
    const { engine, store, nextAction } = makeEngine([joint("all")]);
    const started = await engine.start({
      definitionId: "joint-review",
      actor: actor("od1"),
      actionId: nextAction(),
    });
    const stored = await store.queryTasks({ instanceId: started.id, status: "open" });
    expect(started.tasks).toEqual(stored);
    // A claim changes one task: its record is the stored one, the other's is built again, equal.
    const claimed = await engine.claim({
      taskId: started.tasks[1]!.id,
      actor: actor("pol"),
      actionId: nextAction(),
      expectedVersion: started.version,
    });
    const after = await store.queryTasks({ instanceId: started.id, status: "open" });
    expect(claimed.tasks).toEqual(after);
    expect(claimed.tasks[1]!.claimedBy).toBe("pol");
    expect(claimed.tasks[0]!.claimedBy).toBeUndefined();
  });
});

describe("idGet", () => {
  const key = fc.oneof(
    fc.constantFrom("__proto__", "toString", "constructor", "hasOwnProperty", "valueOf", "i1.t1", ""),
    fc.string({ maxLength: 6 }),
  );
  it("is `rec[id]` for id-keyed records, prototype included", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.integer()), { maxLength: 6 }), key, (entries, probe) => {
        const built = withIds<number>(copyIdRecord({}), ...entries);
        const dropped = copyIdRecord(built, (v) => v % 2 === 0);
        for (const rec of [built, dropped, {} as Record<string, number>]) {
          expect(idGet(rec, probe)).toBe(rec[probe]);
          for (const [k] of entries) expect(idGet(rec, k)).toBe(rec[k]);
        }
      }),
    );
  });
});

/** The keys instanceRecord always writes, in its order (see a stored record in auditPins). */
const REQUIRED = [
  "id",
  "definitionId",
  "definitionVersion",
  "definitionHash",
  "version",
  "status",
  "steps",
  "data",
  "startedAt",
  "startedBy",
  "updatedAt",
  "children",
  "lastHash",
  "lastSeq",
  "snapshot",
];
