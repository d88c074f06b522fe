import { describe, expect, it } from "vitest";
import type { Definition } from "../src/index";
import { actor, makeEngine, selectionDefinition, submittedCase } from "./fixtures";

const t = (s: string) => ({ zh: s, en: s });

describe("deadlines and timeouts on user tasks", () => {
  it("reminds, escalates and times out against the holiday calendar", async () => {
    const { engine, nextAction, clock, store } = makeEngine([selectionDefinition()]);
    let i = await submittedCase({ engine, nextAction });
    const review = i.tasks[0]!;
    // Created Monday 2026-03-02 09:00 (+08:00): due 3 working days later, reminder 1 working day before.
    expect(review.due).toBe("2026-03-05T01:00:00.000Z");
    expect(await engine.tick(clock.now())).toEqual([]);

    const wed = clock.advanceDays(2);
    expect(await engine.tick(wed)).toEqual([
      { instanceId: i.id, timerId: `${review.id}:remind`, kind: "remind", step: "review" },
    ]);
    expect(await engine.tick(wed)).toEqual([]);
    expect((await engine.get(i.id)).tasks[0]?.remindedAt).toBe(wed);
    expect(await engine.tasks.overdue(wed)).toEqual([]);

    const thu = clock.advanceDays(1);
    expect((await engine.tick(thu)).map((f) => f.kind)).toEqual(["escalate"]);
    i = await engine.get(i.id);
    expect(i.tasks[0]?.escalatedTo).toEqual({ role: "org-dept", unit: "c1-od" });
    expect((await engine.tasks.forActor(actor("cod"))).map((x) => x.id)).toEqual([review.id]);
    expect((await engine.tasks.overdue(clock.advanceDays(1))).map((x) => x.id)).toEqual([review.id]);

    i = await engine.act({
      taskId: review.id,
      actor: actor("cod"),
      outcome: "pass",
      actionId: nextAction(),
      expectedVersion: i.version,
    });
    expect(i.steps).toEqual(["notice"]);
    // Notice opened Friday 2026-03-06 09:00; 5 working days skip the weekend and the 03-09 holiday.
    expect(await engine.tick("2026-03-16T08:59:00+08:00")).toEqual([]);
    const fired = await engine.tick("2026-03-16T09:00:00+08:00");
    expect(fired.map((f) => f.kind)).toEqual(["timeout"]);
    i = await engine.get(i.id);
    expect(i).toMatchObject({ status: "completed", outcome: "dispatched" });
    const notice = (await store.queryTasks({ instanceId: i.id })).find((x) => x.step === "notice");
    expect(notice).toMatchObject({ status: "completed", completedBy: "system", outcome: "no-objection" });
    const log = await engine.history(i.id);
    expect(log.filter((e) => e.type === "timer").map((e) => e.actionId)).toHaveLength(3);
  });
});

function waitDefinition(): Definition {
  return {
    id: "waiting",
    version: 1,
    title: t("Waiting"),
    roles: ["org-dept"],
    start: { roles: ["org-dept"] },
    data: { until: { type: "date" }, long: { type: "boolean", default: false } },
    initial: "route",
    steps: {
      route: { kind: "auto", choose: [{ when: "data.long", to: "month" }], otherwise: "until" },
      month: { kind: "timer", after: { days: 30 }, to: "done" },
      until: { kind: "timer", until: "data.until", to: "done" },
      done: { kind: "end", outcome: "waited" },
    },
  };
}

describe("timer steps", () => {
  it("waits calendar days", async () => {
    const { engine, nextAction } = makeEngine([waitDefinition()]);
    const i = await engine.start({
      definitionId: "waiting",
      actor: actor("od1"),
      data: { long: true },
      actionId: nextAction(),
    });
    expect(i.steps).toEqual(["month"]);
    expect(i.nextDue).toBe("2026-04-01T01:00:00.000Z");
    expect(await engine.tick("2026-03-31T09:00:00+08:00")).toEqual([]);
    expect((await engine.tick("2026-04-01T09:00:00+08:00")).map((f) => f.kind)).toEqual(["wait"]);
    expect((await engine.get(i.id)).outcome).toBe("waited");
  });

  it("waits until a date computed from data (local midnight)", async () => {
    const { engine, nextAction } = makeEngine([waitDefinition()]);
    const i = await engine.start({
      definitionId: "waiting",
      actor: actor("od1"),
      data: { until: "2026-03-10" },
      actionId: nextAction(),
    });
    expect(i.steps).toEqual(["until"]);
    expect(i.nextDue).toBe("2026-03-09T16:00:00.000Z");
    await engine.tick("2026-03-10T00:00:00+08:00");
    expect((await engine.get(i.id)).status).toBe("completed");
  });

  it("refuses to start when a timer cannot be computed, writing nothing", async () => {
    const { engine, nextAction, store } = makeEngine([waitDefinition()]);
    await expect(
      engine.start({
        definitionId: "waiting",
        actor: actor("od1"),
        data: { until: "2026-13-45" },
        actionId: nextAction(),
      }),
    ).rejects.toMatchObject({ code: "step-failed" });
    await expect(
      engine.start({
        definitionId: "waiting",
        actor: actor("od1"),
        data: { until: "soon", extra: 1 },
        actionId: nextAction(),
      }),
    ).rejects.toMatchObject({ code: "validation", issues: [{ field: "until" }, { field: "extra" }] });
    expect(await store.queryInstances({})).toEqual([]);
  });
});

function jointWithDeadline(child: string): Definition {
  return {
    id: "joint-deadline",
    version: 1,
    title: t("Joint with deadline"),
    roles: ["org-dept", "reviewer"],
    start: { roles: ["org-dept"] },
    data: { departments: { type: "list", of: { type: "orgUnit" }, default: ["k1-disc", "k1-police"] } },
    initial: "joint",
    steps: {
      joint: {
        kind: "multiTask",
        over: "data.departments",
        assignee: { role: "reviewer", at: { from: "item" } },
        deadline: {
          after: { days: 2 },
          escalate: { role: "org-dept", at: { from: "item", up: "county", child } },
        },
        outcomes: { approve: { label: t("Approve") } },
        complete: "all",
        to: "done",
      },
      done: { kind: "end", outcome: "done" },
    },
  };
}

describe("deadlines on multi-instance tasks", () => {
  it("escalates each signer's task to the org dept above that item's unit", async () => {
    const { engine, nextAction, clock } = makeEngine([jointWithDeadline("org-dept")]);
    const i = await engine.start({
      definitionId: "joint-deadline",
      actor: actor("od1"),
      actionId: nextAction(),
    });
    const fired = await engine.tick(clock.advanceDays(2));
    expect(fired.map((f) => [f.kind, f.error])).toEqual([
      ["escalate", undefined],
      ["escalate", undefined],
    ]);
    const after = await engine.get(i.id);
    expect(after.tasks.map((x) => x.escalatedTo)).toEqual([
      { role: "org-dept", unit: "k1-od" },
      { role: "org-dept", unit: "k1-od" },
    ]);
    expect(await engine.tasks.forActor(actor("od2"))).toHaveLength(2);
  });

  it("reports a timer it cannot apply, keeps it pending, and still fires the other cases' timers", async () => {
    const broken = jointWithDeadline("court-of-appeal");
    const fine = { ...jointWithDeadline("org-dept"), id: "joint-ok" };
    const { engine, nextAction, clock } = makeEngine([broken, fine]);
    const a = await engine.start({
      definitionId: "joint-deadline",
      actor: actor("od1"),
      actionId: nextAction(),
    });
    const b = await engine.start({ definitionId: "joint-ok", actor: actor("od1"), actionId: nextAction() });
    const fired = await engine.tick(clock.advanceDays(2));
    const failed = fired.filter((f) => f.instanceId === a.id);
    expect(failed).toHaveLength(2);
    expect(failed[0]?.error).toMatch(/has no child unit of type "court-of-appeal"/);
    expect(fired.filter((f) => f.instanceId === b.id && f.error === undefined)).toHaveLength(2);
    expect((await engine.get(a.id)).nextDue).toBeDefined();
    expect(await engine.verify(a.id)).toEqual({ ok: true });
  });
});
