import { describe, expect, it } from "vitest";
import type { Definition } from "../src/index";
import { actor, makeEngine } from "./fixtures";
import { childDefinition, recallDefinition } from "./recallFixtures";

async function recalled(join: "all" | "any" = "all", wait = true) {
  const env = makeEngine([childDefinition(), recallDefinition(join, wait)]);
  let parent = await env.engine.start({
    definitionId: "mini-recall",
    actor: actor("od1"),
    actionId: env.nextAction(),
  });
  parent = await env.engine.act({
    taskId: parent.tasks[0]!.id,
    actor: actor("od1"),
    outcome: "recall",
    actionId: env.nextAction(),
    expectedVersion: parent.version,
  });
  return { ...env, parent };
}

describe("parallel branches and sub-processes", () => {
  it("runs both branches, starts and links the child both ways", async () => {
    const { parent, engine } = await recalled();
    expect(parent.steps.sort()).toEqual(["review-unit", "start-reselection"]);
    expect(parent.children).toHaveLength(1);
    const childId = parent.children[0]!.instanceId;
    const child = await engine.get(childId);
    expect(child.parent).toEqual({ instanceId: parent.id, step: "start-reselection" });
    expect(child.data).toEqual({ villageId: "v1" });
    expect(child.definitionId).toBe("mini-child");
  });

  it("joins all: ends only when the child case and the task are both done", async () => {
    const { parent, engine, nextAction } = await recalled();
    const review = parent.tasks.find((x) => x.step === "review-unit")!;
    let p = await engine.act({
      taskId: review.id,
      actor: actor("od2"),
      outcome: "done",
      actionId: nextAction(),
      expectedVersion: parent.version,
    });
    expect(p.steps).toEqual(["start-reselection"]);
    expect(p.data.accountability).toBe("reviewed by od2");
    const child = await engine.get(parent.children[0]!.instanceId);
    const endedChild = await engine.act({
      taskId: child.tasks[0]!.id,
      actor: actor("od1"),
      outcome: "finish",
      actionId: nextAction(),
      expectedVersion: child.version,
    });
    expect(endedChild.outcome).toBe("reselected");
    p = await engine.get(parent.id);
    expect(p).toMatchObject({ status: "completed", outcome: "recalled" });
    expect(p.data.reselection).toBe("reselected");
    expect((await engine.history(p.id)).map((e) => e.type)).toEqual([
      "started",
      "acted",
      "childStarted",
      "acted",
      "childEnded",
    ]);
  });

  it("an end step inside a branch finishes that branch", async () => {
    const { parent, engine, nextAction } = await recalled("any");
    const review = parent.tasks.find((x) => x.step === "review-unit")!;
    const p = await engine.act({
      taskId: review.id,
      actor: actor("od2"),
      outcome: "drop",
      actionId: nextAction(),
      expectedVersion: parent.version,
    });
    expect(p).toMatchObject({ status: "completed", outcome: "recalled", tasks: [] });
  });

  it("does not wait for a child started with wait: false", async () => {
    const { parent, engine } = await recalled("all", false);
    expect(parent.steps).toEqual(["review-unit"]);
    const child = await engine.get(parent.children[0]!.instanceId);
    expect(child.status).toBe("running");
    await engine.cancel({ instanceId: parent.id, actor: actor("od1"), actionId: "cancel-parent" });
    expect((await engine.get(child.id)).status).toBe("running");
  });

  it("cancelling the parent cancels its running children", async () => {
    const { parent, engine, nextAction } = await recalled();
    const p = await engine.cancel({ instanceId: parent.id, actor: actor("od1"), actionId: nextAction() });
    expect(p.status).toBe("cancelled");
    const child = await engine.get(parent.children[0]!.instanceId);
    expect(child).toMatchObject({ status: "cancelled", tasks: [] });
    expect(await engine.tasks.forActor(actor("od1"))).toEqual([]);
  });
});

describe("sub-process definitions", () => {
  it("refuses to start a case whose sub-process definition is not published", async () => {
    const { engine, nextAction, store } = makeEngine([recallDefinition()]);
    await expect(
      engine.start({ definitionId: "mini-recall", actor: actor("od1"), actionId: nextAction() }),
    ).rejects.toThrow(/no published definition "mini-child"/);
    expect(await store.queryInstances({})).toEqual([]);
  });
});

describe("n-of-m joins", () => {
  it("moves on once the needed number of branches finished and withdraws the rest", async () => {
    const od = { role: "org-dept", at: { unit: "k1-od" } };
    const branch = (id: string) => ({
      initial: id,
      steps: {
        [id]: {
          kind: "userTask" as const,
          assignee: od,
          outcomes: { ok: { label: { zh: "好", en: "OK" }, to: "@branchEnd" } },
        },
      },
    });
    const def: Definition = {
      id: "two-of-three",
      version: 1,
      title: { zh: "三取二", en: "Two of three" },
      roles: ["org-dept"],
      start: { roles: ["org-dept"] },
      initial: "vote",
      steps: {
        vote: {
          kind: "parallel",
          branches: { a: branch("va"), b: branch("vb"), c: branch("vc") },
          join: { atLeast: 2 },
          to: "done",
        },
        done: { kind: "end", outcome: "agreed", reason: { zh: "多数同意", en: "Majority agreed" } },
      },
    };
    const { engine, nextAction, store } = makeEngine([def]);
    let i = await engine.start({ definitionId: "two-of-three", actor: actor("od1"), actionId: nextAction() });
    expect(i.steps).toEqual(["va", "vb", "vc"]);
    i = await engine.act({
      taskId: i.tasks[0]!.id,
      actor: actor("od1"),
      outcome: "ok",
      actionId: nextAction(),
      expectedVersion: i.version,
    });
    expect(i.steps).toEqual(["vb", "vc"]);
    i = await engine.act({
      taskId: i.tasks[1]!.id,
      actor: actor("od2"),
      outcome: "ok",
      actionId: nextAction(),
      expectedVersion: i.version,
    });
    expect(i).toMatchObject({
      status: "completed",
      outcome: "agreed",
      reason: { en: "Majority agreed" },
      tasks: [],
    });
    expect((await store.queryTasks({ instanceId: i.id, status: "withdrawn" })).map((x) => x.step)).toEqual([
      "vb",
    ]);
  });
});

describe("nested parallel steps", () => {
  it("runs a parallel step inside a branch and joins both levels", async () => {
    const od = { role: "org-dept", at: { unit: "k1-od" } };
    const task = (to: string) => ({
      kind: "userTask" as const,
      assignee: od,
      outcomes: { ok: { label: { zh: "好", en: "OK" }, to } },
    });
    const def: Definition = {
      id: "nested",
      version: 1,
      title: { zh: "嵌套", en: "Nested" },
      roles: ["org-dept"],
      start: { roles: ["org-dept"] },
      initial: "outer",
      steps: {
        outer: {
          kind: "parallel",
          branches: {
            left: { initial: "l1", steps: { l1: task("@branchEnd") } },
            right: {
              initial: "inner",
              steps: {
                inner: {
                  kind: "parallel",
                  branches: {
                    x: { initial: "x1", steps: { x1: task("@branchEnd") } },
                    y: { initial: "y1", steps: { y1: task("@branchEnd") } },
                  },
                  join: "all",
                  to: "r2",
                },
                r2: task("@branchEnd"),
              },
            },
          },
          join: "all",
          to: "done",
        },
        done: { kind: "end", outcome: "done" },
      },
    };
    const { engine, nextAction } = makeEngine([def]);
    let i = await engine.start({ definitionId: "nested", actor: actor("od1"), actionId: nextAction() });
    expect([...i.steps].sort()).toEqual(["l1", "x1", "y1"]);
    const finish = async (step: string) => {
      const t = i.tasks.find((x) => x.step === step)!;
      i = await engine.act({
        taskId: t.id,
        actor: actor("od1"),
        outcome: "ok",
        actionId: nextAction(),
        expectedVersion: i.version,
      });
    };
    await finish("x1");
    await finish("y1");
    expect([...i.steps].sort()).toEqual(["l1", "r2"]);
    await finish("r2");
    await finish("l1");
    expect(i.outcome).toBe("done");
    expect(await engine.replay(await engine.history(i.id))).toEqual(await engine.get(i.id));
  });
});
