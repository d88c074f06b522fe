import { describe, expect, it } from "vitest";
import { validateDefinition } from "../src/index";
import { actor, makeEngine, selectionDefinition } from "./fixtures";

describe("smoke", () => {
  it("validates the fixture", () => {
    const r = validateDefinition(selectionDefinition());
    expect(r.ok ? [] : r.issues).toEqual([]);
  });
  it("runs a case", async () => {
    const { engine, nextAction } = makeEngine([selectionDefinition()]);
    const i = await engine.start({
      definitionId: "mini-selection",
      actor: actor("cadre"),
      data: { candidateId: "cadre" },
      actionId: nextAction(),
    });
    expect(i.steps).toEqual(["apply"]);
    expect(i.tasks).toHaveLength(1);
    const t = i.tasks[0]!;
    const i2 = await engine.act({
      taskId: t.id,
      actor: actor("hr"),
      outcome: "submit",
      formData: { name: "Li", age: 40 },
      actionId: nextAction(),
      expectedVersion: i.version,
    });
    expect(i2.steps).toEqual(["review"]);
    expect(i2.notices.map((n) => n.rule)).toEqual(["young"]);
    expect(i2.tasks[0]?.assignee).toEqual({ role: "org-dept", unit: "k1-od" });
  });
});
