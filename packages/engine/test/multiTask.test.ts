import { describe, expect, it } from "vitest";
import { type Definition, NotAuthorizedError, NotFoundError } from "../src/index";
import { actor, makeEngine } from "./fixtures";
import { joint } from "./jointFixtures";

async function run(def: Definition, departments?: string[]) {
  const env = makeEngine([def]);
  const inst = await env.engine.start({
    definitionId: def.id,
    actor: actor("od1"),
    ...(departments ? { data: { departments } } : {}),
    actionId: env.nextAction(),
  });
  let current = inst;
  const answer = async (who: string, outcome: string, opinion?: string) => {
    current = await env.engine.get(inst.id);
    const task = current.tasks.find(
      (x) => x.assignee && "unit" in x.assignee && x.assignee.unit === actor(who).unit,
    );
    if (!task) throw new Error(`no task for ${who}`);
    current = await env.engine.act({
      taskId: task.id,
      actor: actor(who),
      outcome,
      ...(opinion ? { opinion } : {}),
      actionId: env.nextAction(),
      expectedVersion: current.version,
    });
    return current;
  };
  return { ...env, inst, answer };
}

describe("multi-instance tasks", () => {
  it("opens one task per item, offered to the role at each item's unit", async () => {
    const { inst } = await run(joint("all"));
    expect(inst.tasks.map((x) => [x.assignee, x.item])).toEqual([
      [{ role: "reviewer", unit: "k1-disc" }, "k1-disc"],
      [{ role: "reviewer", unit: "k1-police" }, "k1-police"],
    ]);
  });

  it("会签: completes when all have answered and collects the results", async () => {
    const { answer } = await run(joint("all"));
    expect((await answer("disc", "approve")).steps).toEqual(["joint"]);
    const done = await answer("pol", "approve");
    expect(done.outcome).toBe("qualified");
    expect(done.data.jointReview).toMatchObject([
      { item: "k1-disc", outcome: "approve", by: "disc" },
      { item: "k1-police", outcome: "approve", by: "pol" },
    ]);
  });

  it("any veto ends the step at once and withdraws the other tasks", async () => {
    const { answer, store, inst } = await run(joint("all"));
    const done = await answer("pol", "veto", "record found");
    expect(done).toMatchObject({ outcome: "disqualified", tasks: [] });
    const withdrawn = await store.queryTasks({ instanceId: inst.id, status: "withdrawn" });
    expect(withdrawn.map((x) => x.item)).toEqual(["k1-disc"]);
    expect(done.data.jointReview).toMatchObject([
      { outcome: null },
      { outcome: "veto", opinion: "record found" },
    ]);
  });

  it("或签: the first answer decides", async () => {
    const { answer } = await run(joint("any"));
    expect((await answer("disc", "approve")).outcome).toBe("qualified");
  });

  it("票签: n of m approvals complete it; too few left goes to `otherwise`", async () => {
    const three = ["k1-disc", "k1-police", "k1-court"];
    const ok = await run(joint({ atLeast: 2 }), three);
    await ok.answer("disc", "approve");
    await ok.answer("court", "abstain");
    expect((await ok.answer("pol", "approve")).outcome).toBe("qualified");
    const few = await run(joint({ atLeast: 2 }), three);
    await few.answer("disc", "abstain");
    expect((await few.answer("pol", "abstain")).outcome).toBe("too-few");
  });

  it("an empty list completes at once", async () => {
    const { inst } = await run(joint("all"), []);
    expect(inst.outcome).toBe("qualified");
  });

  it("加签: an authorised role adds a signer while the step runs", async () => {
    const { engine, nextAction, inst, answer } = await run(joint("all"));
    await expect(
      engine.addSigner({
        instanceId: inst.id,
        step: "joint",
        item: "k1-court",
        actor: actor("disc"),
        actionId: nextAction(),
      }),
    ).rejects.toBeInstanceOf(NotAuthorizedError);
    await expect(
      engine.addSigner({
        instanceId: inst.id,
        step: "nope",
        item: "k1-court",
        actor: actor("od1"),
        actionId: nextAction(),
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const added = await engine.addSigner({
      instanceId: inst.id,
      step: "joint",
      item: "k1-court",
      actor: actor("od1"),
      actionId: nextAction(),
    });
    expect(added.tasks.map((x) => x.item)).toEqual(["k1-disc", "k1-police", "k1-court"]);
    const after = await answer("disc", "approve");
    expect(after.tasks.map((x) => x.item)).toEqual(["k1-police", "k1-court"]);
    await answer("pol", "approve");
    expect((await answer("court", "approve")).outcome).toBe("qualified");
  });
});

describe("signers at unknown units", () => {
  it("refuses to add a signer whose unit is not in the org directory", async () => {
    const { engine, nextAction, inst } = await run(joint("all"));
    await expect(
      engine.addSigner({
        instanceId: inst.id,
        step: "joint",
        item: "nowhere",
        actor: actor("od1"),
        actionId: nextAction(),
      }),
    ).rejects.toThrow(/unit "nowhere" is not in the org directory/);
    expect((await engine.get(inst.id)).version).toBe(inst.version);
  });
});
