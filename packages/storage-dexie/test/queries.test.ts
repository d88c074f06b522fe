// Loaded before Dexie so that Dexie sees a global IDBKeyRange, as in a browser: its maxKey is then
// the array `[[]]` rather than a string, which is what made inbox queries without a status fail.
import "fake-indexeddb/auto";
import {
  type InstanceQuery,
  type InstanceRecord,
  MemoryStore,
  type TaskQuery,
  type TaskRecord,
} from "@wf/engine";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DexieStore } from "../src/index";
import { event, instance, openStore, startCase, task } from "./fixtures";

// The engine's MemoryStore is the reference: the Dexie store must answer every query with the
// same set of records, whichever index it picks.
const units = ["u1", "u2", "u3"];
const roles = ["org-dept", "unit-hr"];
const people = ["p1", "p2", "p3"];
const times = ["2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", "2026-01-03T00:00:00Z"];
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
// A query names each field only now and then, so every index path (and the full scan) is taken.
const sometimes = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
function query<Q extends object>(fields: { [K in keyof Q]-?: fc.Arbitrary<Q[K]> }): fc.Arbitrary<Q> {
  const parts = Object.fromEntries(
    Object.entries(fields).map(([k, a]) => [k, sometimes(a as fc.Arbitrary<unknown>)]),
  );
  return fc
    .record(parts)
    .map((q) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as Q);
}

// Inbox queries without a status (a person's or a unit's tasks, every status), with and without
// a role: the shapes that once made IndexedDB throw DataError.
const statuslessQueryArb = fc.oneof(
  fc.record({ person: fc.constantFrom(...people) }),
  fc.record({ unit: fc.constantFrom(...units) }),
  fc.record({ unit: fc.constantFrom(...units), role: fc.constantFrom(...roles) }),
  fc.record({ unit: fc.constantFrom(...units), dueBefore: fc.constantFrom(...times) }),
  fc.record({ person: fc.constantFrom(...people), dueBefore: fc.constantFrom(...times) }),
) as fc.Arbitrary<TaskQuery>;

const taskArb = fc.record({
  slot: fc.oneof(
    fc.record({ role: fc.constantFrom(...roles), unit: fc.constantFrom(...units) }),
    fc.record({ person: fc.constantFrom(...people) }),
  ),
  status: fc.constantFrom("open" as const, "completed" as const, "withdrawn" as const),
  due: opt(fc.constantFrom(...times)),
  claimedBy: opt(fc.constantFrom(...people)),
  delegatedTo: opt(fc.constantFrom(...people)),
  escalatedTo: opt(fc.record({ role: fc.constantFrom(...roles), unit: fc.constantFrom(...units) })),
  instanceId: fc.constantFrom("c1", "c2"),
});

const taskQueryArb = query<TaskQuery>({
  instanceId: fc.constantFrom("c1", "c2"),
  unit: fc.constantFrom(...units),
  role: fc.constantFrom(...roles),
  person: fc.constantFrom(...people),
  status: fc.constantFrom("open" as const, "completed" as const),
  dueBefore: fc.constantFrom(...times),
});

type TaskSpec = typeof taskArb extends fc.Arbitrary<infer T> ? T : never;

function build(spec: TaskSpec, i: number): TaskRecord {
  const overrides: Partial<TaskRecord> = { assignee: spec.slot, status: spec.status };
  if (spec.due) overrides.due = spec.due;
  if (spec.claimedBy) overrides.claimedBy = spec.claimedBy;
  if (spec.delegatedTo) overrides.delegatedTo = spec.delegatedTo;
  if (spec.escalatedTo) overrides.escalatedTo = spec.escalatedTo;
  return task(`t${String(i).padStart(3, "0")}`, spec.instanceId, overrides);
}

const ids = (records: { id: string }[]) => records.map((r) => r.id).sort();

async function seed(stores: (DexieStore | MemoryStore)[], cases: InstanceRecord[], tasks: TaskRecord[]) {
  for (const s of stores) {
    for (const c of cases) {
      const mine = tasks.filter((t) => t.instanceId === c.id);
      await s.commit({
        instance: c,
        expectedVersion: 0,
        events: [event(c.id, 1, `start-${c.id}`)],
        tasks: mine,
      });
    }
  }
}

describe("queryTasks", () => {
  it("finds the same tasks as the engine's MemoryStore for any query", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(taskArb, { maxLength: 25 }),
        fc.array(taskQueryArb, { maxLength: 8 }),
        async (specs, queries) => {
          const store = openStore();
          const memory = new MemoryStore();
          await seed([store, memory], [instance("c1", 1), instance("c2", 1)], specs.map(build));
          for (const q of [{}, ...queries]) {
            expect(ids(await store.queryTasks(q)), JSON.stringify(q)).toEqual(
              ids(await memory.queryTasks(q)),
            );
          }
          store.close();
        },
      ),
      { numRuns: 60 },
    );
  });

  it("answers inbox queries without a status like the MemoryStore", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(taskArb, { maxLength: 25 }),
        fc.array(statuslessQueryArb, { minLength: 1, maxLength: 8 }),
        async (specs, queries) => {
          const store = openStore();
          const memory = new MemoryStore();
          await seed([store, memory], [instance("c1", 1), instance("c2", 1)], specs.map(build));
          for (const q of queries) {
            expect(ids(await store.queryTasks(q)), JSON.stringify(q)).toEqual(
              ids(await memory.queryTasks(q)),
            );
          }
          store.close();
        },
      ),
      { numRuns: 40 },
    );
  });

  it("lists one unit's whole inbox, escalations included, each task once", async () => {
    const store = openStore();
    await startCase(store, "a", { assignee: { role: "unit-hr", unit: "u1" } });
    await startCase(store, "b", {
      assignee: { role: "org-dept", unit: "u1" },
      escalatedTo: { role: "unit-hr", unit: "u1" },
    });
    await startCase(store, "c", {
      assignee: { role: "org-dept", unit: "u2" },
      escalatedTo: { role: "org-dept", unit: "u1" },
    });
    await startCase(store, "d", { assignee: { role: "org-dept", unit: "u2" } });
    expect(ids(await store.queryTasks({ unit: "u1" }))).toEqual(["t-a", "t-b", "t-c"]);
    expect(ids(await store.queryTasks({ unit: "u1", role: "unit-hr" }))).toEqual(["t-a", "t-b"]);
    expect(ids(await store.queryTasks({ unit: "u1", role: "unit-hr", status: "open" }))).toEqual([
      "t-a",
      "t-b",
    ]);
  });
});

const instanceArb = fc.record({
  definitionId: fc.constantFrom("selection", "recall"),
  status: fc.constantFrom("running" as const, "completed" as const, "cancelled" as const),
  subject: opt(fc.constantFrom(...people)),
  parent: opt(fc.constantFrom("c000", "c001")),
  nextDue: opt(fc.constantFrom(...times)),
});

const instanceQueryArb = query<InstanceQuery>({
  definitionId: fc.constantFrom("selection", "recall"),
  status: fc.constantFrom("running" as const, "completed" as const),
  subject: fc.constantFrom(...people),
  parentId: fc.constantFrom("c000", "c001"),
  dueBefore: fc.constantFrom(...times),
});

describe("queryInstances", () => {
  it("finds the same cases as the engine's MemoryStore for any query", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(instanceArb, { maxLength: 15 }),
        fc.array(instanceQueryArb, { maxLength: 8 }),
        async (specs, queries) => {
          const cases = specs.map((s, i) => {
            const { parent, subject, nextDue, ...rest } = s;
            const overrides: Partial<InstanceRecord> = rest;
            if (parent) overrides.parent = { instanceId: parent, step: "start-reselection" };
            if (subject) overrides.subject = subject;
            if (nextDue) overrides.nextDue = nextDue;
            return instance(`c${String(i).padStart(3, "0")}`, 1, overrides);
          });
          const store = openStore();
          const memory = new MemoryStore();
          await seed([store, memory], cases, []);
          for (const q of [{}, ...queries]) {
            expect(ids(await store.queryInstances(q)), JSON.stringify(q)).toEqual(
              ids(await memory.queryInstances(q)),
            );
          }
          store.close();
        },
      ),
      { numRuns: 60 },
    );
  });
});
