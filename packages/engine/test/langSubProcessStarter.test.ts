import { describe, expect, it } from "vitest";
import { type Definition, EngineError, formatIssue, validateDefinition } from "../src/index";
import { actor, makeEngine } from "./fixtures";

const t = (s: string) => ({ zh: s, en: s });

const child: Definition = {
  id: "child",
  version: 1,
  title: t("Child"),
  roles: ["org-dept"],
  start: { roles: ["org-dept"] },
  data: {},
  initial: "work",
  steps: {
    work: {
      kind: "userTask",
      assignee: { person: "starter.id" },
      outcomes: { done: { label: t("Done"), to: "end" } },
    },
    end: { kind: "end", outcome: "done" },
  },
};

function parent(starter?: { person: string; unit: string }): Definition {
  return {
    id: "parent",
    version: 1,
    title: t("Parent"),
    roles: ["unit-hr"],
    start: { roles: ["unit-hr"] },
    data: { who: { type: "person" } },
    initial: "spawn",
    steps: {
      spawn: {
        kind: "subProcess",
        definition: "child",
        wait: true,
        ...(starter ? { starter } : {}),
        to: "end",
      },
      end: { kind: "end", outcome: "done" },
    },
  };
}

describe("subProcess starter", () => {
  it("starts the child as the person and unit the step names", async () => {
    const { engine, store, nextAction } = makeEngine([
      child,
      parent({ person: "data.who", unit: "'k1-od'" }),
    ]);
    const p = await engine.start({
      definitionId: "parent",
      actor: actor("hr"),
      data: { who: "od1" },
      actionId: nextAction(),
    });
    const c = await store.loadInstance(p.children[0]!.instanceId);
    expect(c?.startedBy).toEqual({ id: "od1", unit: "k1-od" });
    const [task] = await engine.tasks.forActor(actor("od1"));
    expect(task?.instanceId).toBe(c?.id);
  });

  it("without it, the child inherits the parent's starter", async () => {
    const { engine, store, nextAction } = makeEngine([child, parent()]);
    const p = await engine.start({ definitionId: "parent", actor: actor("hr"), actionId: nextAction() });
    const c = await store.loadInstance(p.children[0]!.instanceId);
    expect(c?.startedBy).toEqual({ id: "hr", unit: "u1" });
  });

  it("an unknown person refuses the move (step-failed), and the expressions are checked at load", async () => {
    const { engine, nextAction } = makeEngine([child, parent({ person: "data.who", unit: "'k1-od'" })]);
    const error = await engine
      .start({ definitionId: "parent", actor: actor("hr"), data: { who: "nobody" }, actionId: nextAction() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe("step-failed");
    expect(String((error as Error).message)).toMatch(/starter person/);

    const bad = validateDefinition(parent({ person: "data.whom", unit: "'k1-od'" }));
    expect(bad.ok ? [] : bad.issues.map(formatIssue).join("\n")).toMatch(
      /^steps\.spawn\.starter\.person: .*whom/m,
    );
  });
});
