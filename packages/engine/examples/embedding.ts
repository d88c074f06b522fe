import {
  createEngine,
  type Definition,
  MemoryStore,
  type OrgDirectory,
  type OrgUnit,
  type Person,
} from "@wf/engine";

// 1. The org catalog: a county with an organization department, and two people.
const units: OrgUnit[] = [
  { id: "county", name: { zh: "某县", en: "County" }, level: "county", type: "county" },
  { id: "county-od", name: { zh: "县委组织部", en: "Org dept" }, type: "org-dept", parent: "county" },
  { id: "village", name: { zh: "某村", en: "Village" }, level: "village", type: "village", parent: "county" },
];
const people: Person[] = [
  { id: "wang", name: { zh: "王" }, memberships: [{ unit: "village", role: "clerk" }], attrs: {} },
  { id: "li", name: { zh: "李" }, memberships: [{ unit: "county-od", role: "org-dept" }], attrs: {} },
];
const directory: OrgDirectory = {
  unit: (id) => units.find((u) => u.id === id),
  person: (id) => people.find((p) => p.id === id),
  parent: (id) => units.find((u) => u.id === units.find((x) => x.id === id)?.parent),
  children: (id) => units.filter((u) => u.parent === id),
  holders: (role, unit) =>
    people.filter((p) => p.memberships.some((m) => m.role === role && m.unit === unit)),
};

// 2. A definition: a village clerk reports, the county org dept of that village decides.
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

/** Run one case from start to end and prove its audit log. */
export async function main() {
  let n = 0;
  const engine = createEngine({
    definitions: [report],
    store: new MemoryStore(),
    directory,
    clock: () => "2026-03-02T09:00:00+08:00", // inject a real clock in production
    ids: () => `case-${++n}`,
  });
  const clerk = { id: "wang", unit: "village", roles: ["clerk"] };
  const orgDept = { id: "li", unit: "county-od", roles: ["org-dept"] };

  const started = await engine.start({
    definitionId: "village-report",
    actor: clerk,
    data: { villageId: "village" },
    actionId: "wang-1", // made by the client; a retry with the same id is applied once
  });
  const [task] = await engine.tasks.forActor(orgDept); // offered to the org dept of that county
  const done = await engine.act({
    taskId: task!.id,
    actor: orgDept,
    outcome: "accept",
    actionId: "li-1",
    expectedVersion: started.version, // a stale version is a ConflictError and writes nothing
  });
  const log = await engine.history(done.id);
  return {
    outcome: done.outcome, // "accepted"
    events: log.map((e) => `${e.type} by ${e.actor}`), // ["started by wang", "acted by li"]
    verified: await engine.verify(done.id), // { ok: true }
    replayedEqual: JSON.stringify(await engine.replay(log)) === JSON.stringify(done),
  };
}
