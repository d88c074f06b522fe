import {
  ConflictError,
  createEngine,
  type Definition,
  type OrgDirectory,
  type OrgUnit,
  type Person,
} from "@wf/engine";
import { describe, expect, it } from "vitest";
import { createDexieStore, type DexieStore } from "../src/index";
import { freshIndexedDB } from "./fixtures";

// The engine's README example, run on the Dexie store instead of the MemoryStore.
const units: OrgUnit[] = [
  { id: "county", name: { zh: "某县", en: "County" }, level: "county", type: "county" },
  { id: "county-od", name: { zh: "县委组织部", en: "Org dept" }, type: "org-dept", parent: "county" },
  { id: "village", name: { zh: "某村", en: "Village" }, level: "village", type: "village", parent: "county" },
];
const people: Person[] = [
  { id: "wang", name: { zh: "王" }, memberships: [{ unit: "village", role: "clerk" }], attrs: {} },
  { id: "li", name: { zh: "李" }, memberships: [{ unit: "county-od", role: "org-dept" }], attrs: {} },
  { id: "zhao", name: { zh: "赵" }, memberships: [{ unit: "county-od", role: "org-dept" }], attrs: {} },
];
const directory: OrgDirectory = {
  unit: (id) => units.find((u) => u.id === id),
  person: (id) => people.find((p) => p.id === id),
  parent: (id) => units.find((u) => u.id === units.find((x) => x.id === id)?.parent),
  children: (id) => units.filter((u) => u.parent === id),
  holders: (role, unit) =>
    people.filter((p) => p.memberships.some((m) => m.role === role && m.unit === unit)),
};
const report: Definition = {
  id: "village-report",
  version: 1,
  title: { zh: "村级报告", en: "Village report" },
  roles: ["clerk", "org-dept"],
  start: { roles: ["clerk"] },
  data: { villageId: { type: "orgUnit" }, days: { type: "number", default: 3 } },
  initial: "decide",
  steps: {
    decide: {
      kind: "userTask",
      title: { zh: "审核", en: "Decide" },
      assignee: { role: "org-dept", at: { from: "data.villageId", up: "county", child: "org-dept" } },
      deadline: { after: { days: "data.days" } },
      outcomes: {
        accept: { label: { zh: "同意", en: "Accept" }, to: "accepted" },
        refuse: { label: { zh: "不同意", en: "Refuse" }, to: "refused", opinion: "required" },
      },
    },
    accepted: { kind: "end", outcome: "accepted" },
    refused: { kind: "end", outcome: "refused" },
  },
};
const clerk = { id: "wang", unit: "village", roles: ["clerk"] };
const li = { id: "li", unit: "county-od", roles: ["org-dept"] };
const zhao = { id: "zhao", unit: "county-od", roles: ["org-dept"] };

function engineOn(store: DexieStore, prefix = "case") {
  let n = 0;
  return createEngine({
    definitions: [report],
    store,
    directory,
    clock: () => "2026-03-02T09:00:00+08:00",
    ids: () => `${prefix}-${++n}`,
  });
}

describe("the engine on the Dexie store", () => {
  it("runs a case to its end, and the log verifies and replays", async () => {
    const engine = engineOn(createDexieStore({ name: "wf", ...freshIndexedDB(), storage: null }));
    const started = await engine.start({
      definitionId: "village-report",
      actor: clerk,
      data: { villageId: "village" },
      actionId: "wang-1",
    });
    const [task] = await engine.tasks.forActor(li);
    expect(task?.step).toBe("decide");
    const act = {
      taskId: task!.id,
      actor: li,
      outcome: "accept",
      actionId: "li-1",
      expectedVersion: started.version,
    };
    const done = await engine.act(act);
    expect(done.outcome).toBe("accepted");
    expect((await engine.act(act)).version).toBe(done.version); // a retried action is applied once
    const log = await engine.history(done.id);
    expect(log.map((e) => `${e.type} by ${e.actor}`)).toEqual(["started by wang", "acted by li"]);
    expect(await engine.verify(done.id)).toEqual({ ok: true });
    expect(JSON.stringify(await engine.replay(log))).toBe(JSON.stringify(done));
    expect(await engine.tasks.forActor(li)).toEqual([]);
  });

  it("keeps everything across a reload and finds overdue tasks through the due index", async () => {
    const ports = freshIndexedDB();
    const first = createDexieStore({ name: "wf", ...ports, storage: null });
    const started = await engineOn(first).start({
      definitionId: "village-report",
      actor: clerk,
      data: { villageId: "village" },
      actionId: "wang-1",
    });
    first.close();

    const engine = engineOn(createDexieStore({ name: "wf", ...ports, storage: null }), "after-reload");
    expect((await engine.tasks.overdue("2026-03-04T09:00:00+08:00")).map((t) => t.instanceId)).toEqual([]);
    const overdue = await engine.tasks.overdue("2026-03-06T09:00:00+08:00");
    expect(overdue.map((t) => t.instanceId)).toEqual([started.id]);
    const done = await engine.act({
      taskId: overdue[0]!.id,
      actor: li,
      outcome: "refuse",
      opinion: "材料不全",
      actionId: "li-1",
      expectedVersion: started.version,
    });
    expect(done.outcome).toBe("refused");
  });

  it("lets one of two tabs decide a task; the other gets ConflictError and nothing of it is written", async () => {
    const ports = freshIndexedDB();
    const tabA = engineOn(createDexieStore({ name: "wf", ...ports, storage: null }), "a");
    const tabB = engineOn(createDexieStore({ name: "wf", ...ports, storage: null }), "b");
    const started = await tabA.start({
      definitionId: "village-report",
      actor: clerk,
      data: { villageId: "village" },
      actionId: "wang-1",
    });
    const [task] = await tabB.tasks.forActor(zhao);
    const results = await Promise.allSettled([
      tabA.act({
        taskId: task!.id,
        actor: li,
        outcome: "accept",
        actionId: "li-1",
        expectedVersion: started.version,
      }),
      tabB.act({
        taskId: task!.id,
        actor: zhao,
        outcome: "refuse",
        opinion: "不同意",
        actionId: "zhao-1",
        expectedVersion: started.version,
      }),
    ]);
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused).toHaveLength(1);
    expect(refused[0]?.status === "rejected" && refused[0].reason).toBeInstanceOf(ConflictError);
    const log = await tabB.history(started.id);
    expect(log).toHaveLength(2);
    expect(await tabB.verify(started.id)).toEqual({ ok: true });
  });
});
