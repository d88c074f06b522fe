import { describe, expect, it } from "vitest";
import {
  addStep,
  connectSteps,
  definitionGraph,
  disconnect,
  findStep,
  listSteps,
  removeStep,
  renameStep,
  STEP_KINDS,
  updateStep,
} from "../src/index.ts";
import { sampleDefinition } from "./fixtures.ts";

describe("adding steps", () => {
  it("adds every kind with a fresh kebab-case id and the first role", () => {
    let def = sampleDefinition();
    const ids: string[] = [];
    for (const kind of [...STEP_KINDS, "userTask" as const]) {
      const added = addStep(def, kind);
      def = added.def;
      ids.push(added.id);
      expect(def.steps[added.id]?.kind).toBe(kind);
    }
    expect(ids).toEqual([
      "task",
      "joint-review",
      "route-2",
      "wait-2",
      "parallel",
      "sub-process",
      "end",
      "task-2",
    ]);
    expect(def.steps.task?.assignee?.role).toBe("unit-hr");
  });

  it("makes the first step of an empty definition its initial step", () => {
    const def = { ...sampleDefinition(), initial: "", steps: {} };
    expect(addStep(def, "userTask").def.initial).toBe("task");
  });

  it("adds a step inside a parallel branch, creating the branch", () => {
    const { def, id } = addStep(sampleDefinition(), "userTask", { parallel: "both", branch: "right" });
    expect(findStep(def, id)?.branch).toEqual({ parallel: "both", name: "right" });
    expect(def.steps.both?.branches).toMatchObject({ right: { initial: "task" } });
  });
});

describe("connecting steps", () => {
  it("gives a user task a new outcome, or retargets a named one", () => {
    const def = connectSteps(sampleDefinition(), "decide", "apply");
    expect(def.steps.decide?.outcomes?.submit).toMatchObject({ to: "apply", label: { zh: "提交至申请" } });
    const retarget = connectSteps(sampleDefinition(), "review", "done", "pass");
    expect(retarget.steps.review?.outcomes?.pass).toEqual({ label: { zh: "通过", en: "Pass" }, to: "done" });
  });

  it("fills an automatic route's otherwise first, then adds a condition to write", () => {
    const def = connectSteps(sampleDefinition(), "route", "apply");
    expect(def.steps.route?.choose).toEqual([
      { when: "data.urgent", to: "decide" },
      { when: "", to: "apply" },
    ]);
  });

  it("sets `to` on other kinds and refuses arrows out of end steps or to unknown steps", () => {
    expect(connectSteps(sampleDefinition(), "wait", "@branchEnd").steps.both).toBeDefined();
    expect(() => connectSteps(sampleDefinition(), "done", "apply")).toThrow(/end step/);
    expect(() => connectSteps(sampleDefinition(), "apply", "nowhere")).toThrow(/no step "nowhere"/);
    expect(() => connectSteps(sampleDefinition(), "apply", "@branchEnd")).toThrow(/not in one/);
  });

  it("disconnects one arrow; a condition is removed with its entry", () => {
    const def = disconnect(sampleDefinition(), "route", ["choose", 0, "to"]);
    expect(def.steps.route?.choose).toEqual([]);
    const outcome = disconnect(sampleDefinition(), "review", ["outcomes", "pass", "to"]);
    expect(outcome.steps.review?.outcomes?.pass).toEqual({ label: { zh: "通过", en: "Pass" } });
  });
});

describe("renaming and removing steps", () => {
  it("renames a step and every reference to it, keeping its place", () => {
    const def = renameStep(sampleDefinition(), "apply", "application");
    expect(Object.keys(def.steps)[0]).toBe("application");
    expect(def.initial).toBe("application");
    expect(def.steps.review?.outcomes?.return?.to).toBe("application");
    expect(def.separationOfDuties?.[0]?.steps).toEqual(["application", "review"]);
    const inspect = renameStep(sampleDefinition(), "inspect", "inspection");
    expect(inspect.separationOfDuties?.[1]?.notBy).toEqual({ actorOf: "inspection" });
    const branch = renameStep(sampleDefinition(), "wait", "cool-off");
    expect(branch.steps.both?.branches).toMatchObject({ left: { initial: "cool-off" } });
  });

  it("refuses ids that are taken or not kebab-case", () => {
    expect(() => renameStep(sampleDefinition(), "apply", "review")).toThrow(/already exists/);
    expect(() => renameStep(sampleDefinition(), "apply", "Apply Step")).toThrow(/kebab-case/);
  });

  it("removes a step, cutting arrows into it and forgetting it in rules", () => {
    const def = removeStep(sampleDefinition(), "inspect");
    expect(def.steps.inspect).toBeUndefined();
    expect(def.steps.review?.outcomes?.pass).toEqual({ label: { zh: "通过", en: "Pass" } });
    expect(def.separationOfDuties).toHaveLength(1);
    const first = removeStep(sampleDefinition(), "apply");
    expect(first.initial).toBe("review");
    expect(first.separationOfDuties?.[0]?.steps).toEqual(["review"]);
  });

  it("edits step properties without touching the input", () => {
    const original = sampleDefinition();
    const def = updateStep(original, "decide", { title: { zh: "决定", en: "Decide" }, assignee: undefined });
    expect(def.steps.decide).toEqual({
      kind: "userTask",
      title: { zh: "决定", en: "Decide" },
      outcomes: { approve: { to: "done" } },
    });
    expect(original.steps.decide?.assignee).toBeDefined();
  });
});

describe("graph", () => {
  it("draws steps, a start marker, branch arrows and a join marker", () => {
    const graph = definitionGraph(sampleDefinition());
    expect(graph.nodes.map((n) => n.id)).toEqual([
      "@start",
      "apply",
      "review",
      "inspect",
      "route",
      "both",
      "@join:both",
      "wait",
      "decide",
      "done",
    ]);
    const arrows = graph.edges.map((e) => `${e.source}->${e.target}`);
    expect(arrows).toContain("@start->apply");
    expect(arrows).toContain("both->wait");
    expect(arrows).toContain("wait->@join:both");
    expect(arrows).toContain("@join:both->decide");
    expect(graph.edges.find((e) => e.id === "review:outcomes.return.to")?.label).toEqual({
      zh: "退回",
      en: "Return",
    });
  });

  it("shows a dangling target as a missing node", () => {
    const def = sampleDefinition();
    def.steps.decide = { ...def.steps.decide!, outcomes: { approve: { to: "finish" } } };
    const graph = definitionGraph(def);
    expect(graph.nodes.at(-1)).toMatchObject({ id: "@missing:finish", kind: "missing" });
    expect(listSteps(def)).toHaveLength(8);
  });
});
