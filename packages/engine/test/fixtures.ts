import {
  type Actor,
  createEngine,
  type Definition,
  type Engine,
  type EngineOptions,
  type FormValidator,
  type Instance,
  MemoryStore,
  type OrgDirectory,
  type OrgUnit,
  type Person,
} from "../src/index";

/** A small org tree: city c1 > county k1 (with departments) > township t1 > village v1; unit u1 under k1. */
export const units: OrgUnit[] = [
  { id: "c1", name: { zh: "市", en: "City" }, level: "city", type: "city" },
  { id: "c1-od", name: { zh: "市委组织部", en: "City org dept" }, type: "org-dept", parent: "c1" },
  { id: "k1", name: { zh: "县", en: "County" }, level: "county", type: "county", parent: "c1" },
  { id: "k1-od", name: { zh: "县委组织部", en: "County org dept" }, type: "org-dept", parent: "k1" },
  { id: "k1-disc", name: { zh: "县纪委", en: "Discipline" }, type: "discipline", parent: "k1" },
  { id: "k1-police", name: { zh: "县公安局", en: "Police" }, type: "police", parent: "k1" },
  { id: "k1-court", name: { zh: "县法院", en: "Court" }, type: "court", parent: "k1" },
  { id: "t1", name: { zh: "镇", en: "Township" }, level: "township", type: "township", parent: "k1" },
  { id: "v1", name: { zh: "村", en: "Village" }, level: "village", type: "village", parent: "t1" },
  { id: "u1", name: { zh: "派出单位", en: "Work unit" }, type: "unit", parent: "k1" },
];

const person = (id: string, memberships: [string, string][]): Person => ({
  id,
  name: { zh: id, en: id },
  memberships: memberships.map(([unit, role]) => ({ unit, role })),
  attrs: {},
});

export const people: Person[] = [
  person("cadre", [["u1", "cadre"]]),
  person("hr", [["u1", "unit-hr"]]),
  person("hr2", [["u1", "unit-hr"]]),
  person("od1", [["k1-od", "org-dept"]]),
  person("od2", [["k1-od", "org-dept"]]),
  person("cod", [["c1-od", "org-dept"]]),
  person("disc", [["k1-disc", "reviewer"]]),
  person("pol", [["k1-police", "reviewer"]]),
  person("court", [["k1-court", "reviewer"]]),
];

/** An OrgDirectory over plain lists. */
export function makeDirectory(us: OrgUnit[] = units, ps: Person[] = people): OrgDirectory {
  const byId = new Map(us.map((u) => [u.id, u]));
  const byPerson = new Map(ps.map((p) => [p.id, p]));
  return {
    unit: (id) => byId.get(id),
    person: (id) => byPerson.get(id),
    parent: (id) => {
      const p = byId.get(id)?.parent;
      return p === undefined ? undefined : byId.get(p);
    },
    children: (id) => us.filter((u) => u.parent === id),
    holders: (role, unit) => ps.filter((p) => p.memberships.some((m) => m.role === role && m.unit === unit)),
  };
}

/** The actor for a person of the fixture, acting in their first membership's unit. */
export function actor(id: string): Actor {
  const p = people.find((x) => x.id === id);
  if (!p) throw new Error(`no fixture person ${id}`);
  const unit = p.memberships[0]!.unit;
  return { id, unit, roles: p.memberships.filter((m) => m.unit === unit).map((m) => m.role) };
}

/** A clock that starts Monday 2026-03-02 09:00 (+08:00) and can be moved. */
export function makeClock(start = "2026-03-02T09:00:00+08:00") {
  let ms = Date.parse(start);
  const fmt = () => {
    const local = new Date(ms + 8 * 3600_000).toISOString().slice(0, 19);
    return `${local}+08:00`;
  };
  return {
    now: fmt,
    advanceDays(days: number) {
      ms += days * 86_400_000;
      return fmt();
    },
  };
}

export const calendar = { id: "test-cal", holidays: ["2026-03-09"], workdays: [] };

/** A form validator for tests: `fs-need-name` requires a non-empty `name`. */
const forms: FormValidator = {
  validate(ref, values) {
    const v = (values ?? {}) as Record<string, unknown>;
    if (ref === "fs-need-name" && (typeof v.name !== "string" || v.name === "")) {
      return [{ path: "name", message: { zh: "请填写姓名", en: "Name is required" } }];
    }
    return [];
  },
};

/** An engine over a fresh MemoryStore with deterministic clock and ids. */
export function makeEngine(definitions: unknown[], extra: Partial<EngineOptions> = {}) {
  const clock = makeClock();
  let n = 0;
  const store = new MemoryStore();
  const engine = createEngine({
    definitions,
    store,
    directory: makeDirectory(),
    forms,
    clock: clock.now,
    ids: () => `i${++n}`,
    calendars: [calendar],
    ...extra,
  });
  let a = 0;
  const nextAction = () => `a${++a}`;
  return { engine, store, clock, nextAction };
}

/**
 * A case started by the unit's HR and past its first step (`submit`, as Li, 40): where most
 * tests of the mini selection's review step begin.
 */
export async function submittedCase(
  env: { engine: Engine; nextAction: () => string },
  definitionId = "mini-selection",
): Promise<Instance> {
  const { engine, nextAction } = env;
  const i = await engine.start({
    definitionId,
    actor: actor("hr"),
    data: { candidateId: "cadre" },
    actionId: nextAction(),
  });
  return engine.act({
    taskId: i.tasks[0]!.id,
    actor: actor("hr"),
    outcome: "submit",
    formData: { name: "Li", age: 40 },
    actionId: nextAction(),
    expectedVersion: i.version,
  });
}

const t = (s: string) => ({ zh: s, en: s });

/** A compact selection procedure: apply → review (pass/return/reject) → notice (timer) → dispatched. */
export function selectionDefinition(): Definition {
  return {
    id: "mini-selection",
    version: 1,
    title: t("Mini selection"),
    roles: ["cadre", "unit-hr", "org-dept"],
    calendar: "test-cal",
    start: { roles: ["cadre", "unit-hr"] },
    subject: "data.candidateId",
    data: {
      candidateId: { type: "person" },
      villageId: { type: "orgUnit", default: "v1" },
      candidate: {
        type: "object",
        fields: { name: { type: "string" }, age: { type: "number" } },
        open: true,
      },
      noticeDays: { type: "number", default: 5 },
    },
    rules: {
      age: { when: "data.candidate.age <= 57", message: t("Older than 57"), severity: "block" },
      young: { when: "data.candidate.age <= 35", message: t("Not a young cadre"), severity: "info" },
    },
    separationOfDuties: [{ steps: ["review"], notBy: "subject", message: t("No self review") }],
    cancel: { roles: ["org-dept"] },
    initial: "apply",
    steps: {
      apply: {
        kind: "userTask",
        title: t("Apply"),
        assignee: { role: "unit-hr", at: { from: "starter.unit" } },
        form: { ref: "fs-need-name", into: "candidate" },
        checks: ["age", "young"],
        outcomes: { submit: { label: t("Submit"), to: "review" } },
      },
      review: {
        kind: "userTask",
        title: t("Review"),
        assignee: { role: "org-dept", at: { from: "data.villageId", up: "county", child: "org-dept" } },
        deadline: {
          after: { workingDays: 3 },
          remind: { before: { workingDays: 1 } },
          escalate: { role: "org-dept", at: { unit: "c1-od" } },
        },
        outcomes: {
          pass: { label: t("Pass"), to: "notice" },
          return: { label: t("Return"), to: "apply", opinion: "required" },
          reject: { label: t("Reject"), to: "rejected", opinion: "required", confirm: true },
        },
      },
      notice: {
        kind: "userTask",
        title: t("Notice"),
        assignee: { role: "org-dept", at: { from: "data.villageId", up: "county", child: "org-dept" } },
        timeout: { after: { workingDays: "data.noticeDays" }, outcome: "no-objection" },
        outcomes: {
          "no-objection": { label: t("No objection"), to: "dispatched" },
          upheld: { label: t("Objection upheld"), to: "review", opinion: "required" },
        },
      },
      dispatched: { kind: "end", outcome: "dispatched", reason: t("Dispatched") },
      rejected: { kind: "end", outcome: "rejected" },
    },
  };
}
