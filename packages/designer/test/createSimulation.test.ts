import type { OrgUnit, Person } from "@wf/engine";
import { describe, expect, it } from "vitest";
import { addDaysIso, createSimulation, type DesignDefinition, openTasks } from "../src/index.ts";

const units: OrgUnit[] = [
  { id: "county", name: { zh: "县", en: "County" }, type: "county", level: "county" },
  { id: "od", name: { zh: "组织部", en: "Org dept" }, type: "org-dept", parent: "county" },
];
const people: Person[] = [
  { id: "clerk1", name: { zh: "甲" }, memberships: [{ unit: "county", role: "clerk" }], attrs: {} },
  { id: "od1", name: { zh: "乙" }, memberships: [{ unit: "od", role: "org-dept" }], attrs: {} },
];

function definition(): DesignDefinition {
  return {
    id: "leave",
    version: 1,
    title: { zh: "请假", en: "Leave" },
    roles: ["clerk", "org-dept"],
    start: { roles: ["clerk"] },
    initial: "apply",
    steps: {
      apply: {
        kind: "userTask",
        title: { zh: "申请", en: "Apply" },
        assignee: { role: "clerk", at: { from: "starter.unit" } },
        outcomes: { submit: { label: { zh: "提交", en: "Submit" }, to: "cool" } },
      },
      cool: { kind: "timer", title: { zh: "冷静期", en: "Cool-off" }, after: { days: 3 }, to: "approve" },
      approve: {
        kind: "userTask",
        title: { zh: "审批", en: "Approve" },
        assignee: { role: "org-dept", at: { from: "starter.unit", up: "county", child: "org-dept" } },
        outcomes: { ok: { label: { zh: "同意", en: "OK" }, to: "done" } },
      },
      done: { kind: "end", title: { zh: "结束", en: "Done" }, outcome: "approved" },
    },
  };
}

describe("addDaysIso", () => {
  it("keeps the offset and crosses month ends", () => {
    expect(addDaysIso("2026-01-30T09:00:00+08:00", 3)).toBe("2026-02-02T09:00:00+08:00");
    expect(addDaysIso("2026-03-01T00:30:00Z", -1)).toBe("2026-02-28T00:30:00Z");
  });
});

describe("createSimulation", () => {
  it("walks a definition through a task, a timer and a second task as different profiles", async () => {
    const sim = await createSimulation({
      definition: definition(),
      units,
      people,
      now: "2026-03-02T09:00:00+08:00",
    });
    const [clerk, reviewer] = sim.profiles();
    expect(sim.profiles().map((p) => p.label)).toEqual(["甲 · 县 (clerk)", "乙 · 组织部 (org-dept)"]);
    const started = await sim.start(clerk!.actor, {});
    expect(openTasks(started).map((t) => t.step)).toEqual(["apply"]);
    await expect(
      sim.act({ taskId: openTasks(started)[0]!.id, actor: reviewer!.actor, outcome: "submit" }),
    ).rejects.toThrow();
    const waiting = await sim.act({
      taskId: openTasks(started)[0]!.id,
      actor: clerk!.actor,
      outcome: "submit",
    });
    expect(waiting.steps).toEqual(["cool"]);
    await sim.advance(1);
    expect((await sim.instance())?.steps).toEqual(["cool"]);
    await sim.advance(2);
    const review = await sim.instance();
    expect(review?.steps).toEqual(["approve"]);
    const done = await sim.act({ taskId: openTasks(review)[0]!.id, actor: reviewer!.actor, outcome: "ok" });
    expect(done.status).toBe("completed");
    expect((await sim.history()).map((e) => e.type)).toEqual(["started", "acted", "timer", "acted"]);
    expect(sim.now()).toBe("2026-03-05T09:00:00+08:00");
  });

  it("refuses a definition the engine finds invalid", async () => {
    const broken = definition();
    broken.steps.apply!.outcomes!.submit!.to = "nowhere";
    await expect(
      createSimulation({ definition: broken, units, people, now: "2026-03-02T09:00:00+08:00" }),
    ).rejects.toThrow(/nowhere/);
  });

  it("takes calendars by id, as @wf/workflows ships them, and counts working days with them", async () => {
    const def = definition();
    def.calendar = "cn";
    def.steps.cool = { ...def.steps.cool!, after: { workingDays: 1 } };
    const calendars = { cn: { id: "cn", holidays: ["2026-03-09"], workdays: [] } };
    // Friday 6 March: one working day later is Tuesday 10 March (the weekend and the 9th are off).
    const sim = await createSimulation({
      definition: def,
      units,
      people,
      calendars,
      now: "2026-03-06T09:00:00+08:00",
    });
    const [clerk] = sim.profiles();
    const started = await sim.start(clerk!.actor, {});
    await sim.act({ taskId: openTasks(started)[0]!.id, actor: clerk!.actor, outcome: "submit" });
    await sim.advance(3);
    expect((await sim.instance())?.steps).toEqual(["cool"]);
    await sim.advance(1);
    expect((await sim.instance())?.steps).toEqual(["approve"]);
  });
});
