import { describe, expect, it } from "vitest";
import {
  ConflictError,
  type Instance,
  NotAuthorizedError,
  NotFoundError,
  SeparationOfDutiesError,
  ValidationError,
} from "../src/index";
import { actor, makeEngine, selectionDefinition, submittedCase } from "./fixtures";

async function started(candidateId = "cadre") {
  const env = makeEngine([selectionDefinition()]);
  const inst = await env.engine.start({
    definitionId: "mini-selection",
    actor: actor("cadre"),
    data: { candidateId },
    actionId: env.nextAction(),
  });
  return { ...env, inst };
}

async function submitted(candidateId = "cadre") {
  const env = await started(candidateId);
  const inst = await env.engine.act({
    taskId: env.inst.tasks[0]!.id,
    actor: actor("hr"),
    outcome: "submit",
    formData: { name: "Li", age: 40 },
    actionId: env.nextAction(),
    expectedVersion: env.inst.version,
  });
  return { ...env, inst };
}

const task = (i: Instance) => i.tasks[0]!;

describe("user tasks", () => {
  it("offers the task to the role at the unit resolved from the case", async () => {
    const { inst, engine } = await submitted();
    expect(task(inst).assignee).toEqual({ role: "org-dept", unit: "k1-od" });
    expect((await engine.tasks.forActor(actor("od1"))).map((t) => t.id)).toEqual([task(inst).id]);
    expect((await engine.tasks.forUnitRole("k1-od", "org-dept")).map((t) => t.step)).toEqual(["review"]);
    expect(await engine.tasks.forActor(actor("hr"))).toEqual([]);
  });

  it("records definition id, version and content hash on the instance", async () => {
    const { inst } = await started();
    expect(inst.definitionId).toBe("mini-selection");
    expect(inst.definitionVersion).toBe(1);
    expect(inst.definitionHash).toMatch(/^[0-9a-f]{64}$/);
    expect(inst.subject).toBe("cadre");
  });

  it("refuses an actor without the role at the unit, and writes nothing", async () => {
    const { inst, engine, nextAction } = await submitted();
    const before = await engine.history(inst.id);
    const tries = [
      actor("hr"),
      actor("cod"),
      { id: "od1", unit: "k1-od", roles: ["unit-hr"] },
      { id: "hr", unit: "k1-od", roles: ["org-dept"] },
      { id: "ghost", unit: "k1-od", roles: ["org-dept"] },
    ];
    for (const who of tries) {
      await expect(
        engine.act({
          taskId: task(inst).id,
          actor: who,
          outcome: "pass",
          actionId: nextAction(),
          expectedVersion: inst.version,
        }),
      ).rejects.toBeInstanceOf(NotAuthorizedError);
    }
    expect(await engine.history(inst.id)).toEqual(before);
    expect((await engine.get(inst.id)).version).toBe(inst.version);
  });

  it("enforces separation of duties: the subject may not review themselves", async () => {
    const { inst, engine, nextAction } = await submitted("od1");
    await expect(
      engine.act({
        taskId: task(inst).id,
        actor: actor("od1"),
        outcome: "pass",
        actionId: nextAction(),
        expectedVersion: inst.version,
      }),
    ).rejects.toBeInstanceOf(SeparationOfDutiesError);
    const ok = await engine.act({
      taskId: task(inst).id,
      actor: actor("od2"),
      outcome: "pass",
      actionId: nextAction(),
      expectedVersion: inst.version,
    });
    expect(ok.steps).toEqual(["notice"]);
  });

  it("validates the form before any transition", async () => {
    const { inst, engine, nextAction } = await started();
    const err = await engine
      .act({
        taskId: task(inst).id,
        actor: actor("hr"),
        outcome: "submit",
        formData: { age: 30 },
        actionId: nextAction(),
        expectedVersion: inst.version,
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).issues).toEqual([
      { field: "name", message: { zh: "请填写姓名", en: "Name is required" }, severity: "block" },
    ]);
    expect((await engine.get(inst.id)).steps).toEqual(["apply"]);
  });

  it("refuses on a block rule and reports info rules as notices", async () => {
    const { inst, engine, nextAction } = await started();
    const err = await engine
      .act({
        taskId: task(inst).id,
        actor: actor("hr"),
        outcome: "submit",
        formData: { name: "Li", age: 60 },
        actionId: nextAction(),
        expectedVersion: inst.version,
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).issues.map((i) => [i.rule, i.severity])).toEqual([
      ["age", "block"],
      ["young", "info"],
    ]);
    const young = await engine.act({
      taskId: task(inst).id,
      actor: actor("hr"),
      outcome: "submit",
      formData: { name: "Li", age: 30 },
      actionId: nextAction(),
      expectedVersion: inst.version,
    });
    expect(young.notices).toEqual([]);
    expect(young.data.candidate).toEqual({ name: "Li", age: 30 });
  });

  it("requires an opinion where declared and sends back with the data kept", async () => {
    const { inst, engine, nextAction } = await submitted();
    await expect(
      engine.act({
        taskId: task(inst).id,
        actor: actor("od1"),
        outcome: "return",
        actionId: nextAction(),
        expectedVersion: inst.version,
      }),
    ).rejects.toMatchObject({ issues: [{ field: "opinion" }] });
    const back = await engine.act({
      taskId: task(inst).id,
      actor: actor("od1"),
      outcome: "return",
      opinion: "fix the age",
      actionId: nextAction(),
      expectedVersion: inst.version,
    });
    expect(back.steps).toEqual(["apply"]);
    expect(back.data.candidate).toEqual({ name: "Li", age: 40 });
    const log = await engine.history(inst.id);
    expect(log.at(-1)).toMatchObject({
      type: "acted",
      step: "review",
      outcome: "return",
      opinion: "fix the age",
      actor: "od1",
      unit: "k1-od",
    });
  });

  it("ends with an outcome code and reason, and leaves no task open", async () => {
    const { inst, engine, nextAction, store } = await submitted();
    const end = await engine.act({
      taskId: task(inst).id,
      actor: actor("od1"),
      outcome: "reject",
      opinion: "no",
      actionId: nextAction(),
      expectedVersion: inst.version,
    });
    expect(end).toMatchObject({ status: "completed", outcome: "rejected", steps: ["rejected"], tasks: [] });
    expect(await store.queryTasks({ instanceId: inst.id, status: "open" })).toEqual([]);
    const done = await store.queryTasks({ instanceId: inst.id, status: "completed" });
    expect(done.map((t) => [t.step, t.outcome, t.completedBy])).toEqual([
      ["apply", "submit", "hr"],
      ["review", "reject", "od1"],
    ]);
  });

  it("applies a retried action once", async () => {
    const { inst, engine } = await started();
    const req = {
      taskId: task(inst).id,
      actor: actor("hr"),
      outcome: "submit",
      formData: { name: "Li", age: 40 },
      actionId: "same",
      expectedVersion: inst.version,
    };
    const a = await engine.act(req);
    const b = await engine.act(req);
    expect(b.version).toBe(a.version);
    expect((await engine.history(inst.id)).filter((e) => e.actionId === "same")).toHaveLength(1);
  });

  it("refuses a stale version and writes nothing", async () => {
    const { inst, engine, nextAction } = await submitted();
    const before = await engine.history(inst.id);
    await expect(
      engine.act({
        taskId: task(inst).id,
        actor: actor("od1"),
        outcome: "pass",
        actionId: nextAction(),
        expectedVersion: inst.version - 1,
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await engine.history(inst.id)).toEqual(before);
  });

  it("refuses an act without the version the actor saw", async () => {
    const { inst, engine, nextAction } = await submitted();
    const req = { taskId: task(inst).id, actor: actor("od1"), outcome: "pass", actionId: nextAction() };
    await expect(engine.act(req as Parameters<typeof engine.act>[0])).rejects.toBeInstanceOf(ConflictError);
  });

  it("names unknown tasks and outcomes", async () => {
    const { inst, engine, nextAction } = await submitted();
    await expect(
      engine.act({
        taskId: task(inst).id,
        actor: actor("od1"),
        outcome: "approve",
        actionId: nextAction(),
        expectedVersion: inst.version,
      }),
    ).rejects.toThrow(/has no outcome "approve"; it has pass, return, reject/);
    await expect(
      engine.act({
        taskId: `${inst.id}.t99`,
        actor: actor("od1"),
        outcome: "pass",
        actionId: nextAction(),
        expectedVersion: inst.version,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(engine.get("nope")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lets one holder claim a role task, release it, or delegate it", async () => {
    const { inst, engine, nextAction } = await submitted();
    const id = task(inst).id;
    const claimed = await engine.claim({ taskId: id, actor: actor("od1"), actionId: nextAction() });
    expect(claimed.tasks[0]?.claimedBy).toBe("od1");
    expect(await engine.tasks.forActor(actor("od2"))).toEqual([]);
    await expect(
      engine.claim({ taskId: id, actor: actor("od2"), actionId: nextAction() }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      engine.act({
        taskId: id,
        actor: actor("od2"),
        outcome: "pass",
        actionId: nextAction(),
        expectedVersion: claimed.version,
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      engine.release({ taskId: id, actor: actor("od2"), actionId: nextAction() }),
    ).rejects.toBeInstanceOf(ConflictError);
    const released = await engine.release({ taskId: id, actor: actor("od1"), actionId: nextAction() });
    expect(released.tasks[0]?.claimedBy).toBeUndefined();
    const delegated = await engine.delegate({
      taskId: id,
      actor: actor("od2"),
      to: "cod",
      actionId: nextAction(),
    });
    expect((await engine.tasks.forActor(actor("cod"))).map((t) => t.id)).toEqual([id]);
    await expect(
      engine.act({
        taskId: id,
        actor: actor("od2"),
        outcome: "pass",
        actionId: nextAction(),
        expectedVersion: delegated.version,
      }),
    ).rejects.toBeInstanceOf(NotAuthorizedError);
    await expect(
      engine.delegate({ taskId: id, actor: actor("cod"), to: "ghost", actionId: nextAction() }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const passed = await engine.act({
      taskId: id,
      actor: actor("cod"),
      outcome: "pass",
      actionId: nextAction(),
      expectedVersion: delegated.version,
    });
    expect(passed.steps).toEqual(["notice"]);
  });

  it("lets only the start roles start and the cancel roles cancel", async () => {
    const { inst, engine, nextAction, store } = await submitted();
    await expect(
      engine.start({ definitionId: "mini-selection", actor: actor("od1"), actionId: nextAction() }),
    ).rejects.toBeInstanceOf(NotAuthorizedError);
    await expect(
      engine.start({ definitionId: "nope", actor: actor("hr"), actionId: nextAction() }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      engine.cancel({ instanceId: inst.id, actor: actor("hr"), actionId: nextAction() }),
    ).rejects.toBeInstanceOf(NotAuthorizedError);
    const cancelled = await engine.cancel({
      instanceId: inst.id,
      actor: actor("od1"),
      reason: "duplicate",
      actionId: nextAction(),
    });
    expect(cancelled).toMatchObject({ status: "cancelled", outcome: "cancelled", tasks: [] });
    expect(await store.queryTasks({ instanceId: inst.id, status: "withdrawn" })).toHaveLength(1);
    await expect(
      engine.act({
        taskId: task(inst).id,
        actor: actor("od1"),
        outcome: "pass",
        actionId: nextAction(),
        expectedVersion: cancelled.version,
      }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("re-enters a step for an outcome without a target (defer)", async () => {
    const def = selectionDefinition();
    const review = def.steps.review;
    if (review?.kind !== "userTask") throw new Error("fixture");
    review.outcomes.defer = { label: { zh: "暂缓", en: "Defer" } };
    const { engine, nextAction } = makeEngine([def]);
    let i = await engine.start({
      definitionId: def.id,
      actor: actor("hr"),
      data: { candidateId: "cadre" },
      actionId: nextAction(),
    });
    i = await engine.act({
      taskId: task(i).id,
      actor: actor("hr"),
      outcome: "submit",
      formData: { name: "Li", age: 40 },
      actionId: nextAction(),
      expectedVersion: i.version,
    });
    const first = task(i).id;
    i = await engine.act({
      taskId: first,
      actor: actor("od1"),
      outcome: "defer",
      actionId: nextAction(),
      expectedVersion: i.version,
    });
    expect(i.steps).toEqual(["review"]);
    expect(task(i).id).not.toBe(first);
  });

  it("keeps running cases on their version when a new one is published", async () => {
    const { inst, engine, nextAction } = await submitted();
    const v2 = selectionDefinition();
    v2.version = 2;
    v2.title = { zh: "新版", en: "New" };
    const review = v2.steps.review;
    if (review?.kind === "userTask") review.outcomes.pass!.to = "dispatched";
    delete v2.steps.notice;
    await engine.publish(v2);
    const passed = await engine.act({
      taskId: task(inst).id,
      actor: actor("od1"),
      outcome: "pass",
      actionId: nextAction(),
      expectedVersion: inst.version,
    });
    expect(passed.definitionVersion).toBe(1);
    expect(passed.steps).toEqual(["notice"]);
    const fresh = await engine.start({
      definitionId: "mini-selection",
      actor: actor("hr"),
      actionId: nextAction(),
    });
    expect(fresh.definitionVersion).toBe(2);
    const v2Case = await engine.act({
      taskId: task(fresh).id,
      actor: actor("hr"),
      outcome: "submit",
      formData: { name: "Wu", age: 40 },
      actionId: nextAction(),
      expectedVersion: fresh.version,
    });
    const v2End = await engine.act({
      taskId: task(v2Case).id,
      actor: actor("od1"),
      outcome: "pass",
      actionId: nextAction(),
      expectedVersion: v2Case.version,
    });
    expect(v2End.outcome).toBe("dispatched");
    await expect(engine.publish({ ...v2, title: { zh: "改", en: "Changed" } })).rejects.toBeInstanceOf(
      ConflictError,
    );
  });
});

describe("which outcomes the step's checks guard", () => {
  it("blocks advancing on a failing block rule, but not a send-back, a stay or an end", async () => {
    const def = selectionDefinition();
    const review = def.steps.review;
    if (review?.kind !== "userTask") throw new Error("fixture");
    def.rules!.confirmed = {
      when: "form.confirmed == true",
      message: { zh: "请确认", en: "Confirm the review" },
      severity: "block",
    };
    review.checks = ["confirmed"];
    review.outcomes.defer = { label: { zh: "暂缓", en: "Defer" } };
    const { engine, nextAction } = makeEngine([def]);
    const i = await submittedCase({ engine, nextAction }, def.id);
    const task = i.tasks[0]!.id;
    await expect(
      engine.act({
        taskId: task,
        actor: actor("od1"),
        outcome: "pass",
        actionId: nextAction(),
        expectedVersion: i.version,
      }),
    ).rejects.toMatchObject({ issues: [{ rule: "confirmed", severity: "block" }] });
    const stayed = await engine.act({
      taskId: task,
      actor: actor("od1"),
      outcome: "defer",
      actionId: nextAction(),
      expectedVersion: i.version,
    });
    const back = await engine.act({
      taskId: stayed.tasks[0]!.id,
      actor: actor("od1"),
      outcome: "return",
      opinion: "too old",
      actionId: nextAction(),
      expectedVersion: stayed.version,
    });
    expect(back.steps).toEqual(["apply"]);
  });
});

describe("separation of duties by earlier actor and by starter", () => {
  it("refuses the person who acted at a named earlier step, and the starter where declared", async () => {
    const def = selectionDefinition();
    def.separationOfDuties = [
      {
        steps: ["notice"],
        notBy: { actorOf: "review" },
        message: { zh: "审查人不得公示", en: "The reviewer may not run the notice" },
      },
      {
        steps: ["apply"],
        notBy: "starter",
        message: { zh: "发起人不得代填", en: "The starter may not fill the application" },
      },
    ];
    const { engine, nextAction } = makeEngine([def]);
    let i = await engine.start({
      definitionId: def.id,
      actor: actor("hr"),
      data: { candidateId: "cadre" },
      actionId: nextAction(),
    });
    const submit = { outcome: "submit", formData: { name: "Li", age: 40 }, expectedVersion: i.version };
    await expect(
      engine.act({ ...submit, taskId: i.tasks[0]!.id, actor: actor("hr"), actionId: nextAction() }),
    ).rejects.toThrow(/The starter may not fill the application/);
    i = await engine.act({ ...submit, taskId: i.tasks[0]!.id, actor: actor("hr2"), actionId: nextAction() });
    i = await engine.act({
      taskId: i.tasks[0]!.id,
      actor: actor("od1"),
      outcome: "pass",
      actionId: nextAction(),
      expectedVersion: i.version,
    });
    await expect(
      engine.act({
        taskId: i.tasks[0]!.id,
        actor: actor("od1"),
        outcome: "no-objection",
        actionId: nextAction(),
        expectedVersion: i.version,
      }),
    ).rejects.toBeInstanceOf(SeparationOfDutiesError);
    const done = await engine.act({
      taskId: i.tasks[0]!.id,
      actor: actor("od2"),
      outcome: "no-objection",
      actionId: nextAction(),
      expectedVersion: i.version,
    });
    expect(done.outcome).toBe("dispatched");
  });
});
