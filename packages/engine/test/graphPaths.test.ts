import { describe, expect, it } from "vitest";
import { createMachine } from "xstate";
import { getSimplePaths } from "xstate/graph";
import type { Definition } from "../src/index";
import { actor, makeEngine, selectionDefinition } from "./fixtures";

/**
 * The step graph of a definition's top-level user tasks as a plain XState machine whose
 * events are outcome names, so xstate/graph can enumerate every simple path through it.
 */
function outline(def: Definition) {
  const states: Record<string, object> = {};
  for (const [id, step] of Object.entries(def.steps)) {
    if (step.kind === "end") states[id] = { type: "final" };
    else if (step.kind === "userTask") {
      const on: Record<string, string> = {};
      for (const [o, out] of Object.entries(step.outcomes)) if (out.to) on[o] = out.to;
      states[id] = { on };
    } else throw new Error(`outline handles user tasks only, not ${step.kind}`);
  }
  return createMachine({ id: def.id, initial: def.initial, states } as Parameters<typeof createMachine>[0]);
}

const who: Record<string, string> = { apply: "hr", review: "od1", notice: "od2" };

describe("path coverage (xstate/graph)", () => {
  const def = selectionDefinition();
  const paths = getSimplePaths(outline(def)).filter((p) => p.state.status === "done");

  it("finds every simple path from application to an end", () => {
    const ends = paths.map((p) => p.steps.map((s) => s.event.type).join(" > "));
    expect(ends).toContain("xstate.init > submit > pass > no-objection");
    expect(ends).toContain("xstate.init > submit > reject");
    expect(paths).toHaveLength(2);
  });

  it("the engine walks each path to the same end, one task at a time", async () => {
    for (const path of paths) {
      const { engine, nextAction } = makeEngine([def]);
      let i = await engine.start({
        definitionId: def.id,
        actor: actor("hr"),
        data: { candidateId: "cadre" },
        actionId: nextAction(),
      });
      for (const step of path.steps.slice(1)) {
        const task = i.tasks[0]!;
        i = await engine.act({
          taskId: task.id,
          actor: actor(who[task.step]!),
          outcome: step.event.type,
          formData: { name: "Li", age: 40 },
          opinion: "noted",
          actionId: nextAction(),
          expectedVersion: i.version,
        });
      }
      expect(i.status).toBe("completed");
      expect(i.steps).toEqual([String(path.state.value)]);
      expect(await engine.verify(i.id)).toEqual({ ok: true });
    }
  });
});
