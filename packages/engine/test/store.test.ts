import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AuditEvent,
  ConflictError,
  checkStoreContract,
  DefinitionError,
  type InstanceRecord,
  MemoryStore,
  type StoredDefinition,
  type TaskRecord,
} from "../src/index";
import { actor, makeEngine, selectionDefinition, submittedCase } from "./fixtures";

const def = (version: number, hash: string): StoredDefinition => ({
  id: "d",
  version,
  hash,
  definition: { title: { zh: "d", en: "d" } },
  publishedAt: "2026-01-01T00:00:00Z",
});

const inst = (version: number, extra: Partial<InstanceRecord> = {}): InstanceRecord => ({
  id: "i1",
  definitionId: "d",
  definitionVersion: 1,
  definitionHash: "h",
  version,
  status: "running",
  steps: ["a"],
  data: {},
  startedAt: "2026-01-01T00:00:00Z",
  startedBy: { id: "p", unit: "u" },
  updatedAt: "2026-01-01T00:00:00Z",
  children: [],
  lastHash: "",
  lastSeq: 0,
  snapshot: {},
  ...extra,
});

const event = (actionId: string, seq: number): AuditEvent => ({
  seq,
  instanceId: "i1",
  actionId,
  type: "acted",
  at: "2026-01-01T00:00:00Z",
  actor: "p",
  unit: "u",
  step: "a",
  payload: {},
  baseVersion: seq - 1,
  prevHash: "",
  hash: `h${seq}`,
});

describe("MemoryStore", () => {
  it("keeps every definition version, refuses changed content under a published version", async () => {
    const s = new MemoryStore();
    await s.saveDefinition(def(1, "a"));
    await s.saveDefinition(def(2, "b"));
    await s.saveDefinition(def(1, "a"));
    await expect(s.saveDefinition(def(1, "x"))).rejects.toBeInstanceOf(ConflictError);
    expect((await s.loadDefinition("d"))?.version).toBe(2);
    expect((await s.loadDefinition("d", 1))?.hash).toBe("a");
    expect((await s.listDefinitions()).map((d) => d.version)).toEqual([1, 2]);
  });

  it("commits atomically: a wrong version or a known action id writes nothing", async () => {
    const s = new MemoryStore();
    await s.commit({ instance: inst(1), expectedVersion: 0, events: [event("a1", 1)], tasks: [] });
    await expect(
      s.commit({ instance: inst(2), expectedVersion: 0, events: [event("a2", 2)], tasks: [] }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      s.commit({ instance: inst(2), expectedVersion: 1, events: [event("a1", 2)], tasks: [] }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await s.loadInstance("i1"))?.version).toBe(1);
    expect(await s.events("i1")).toHaveLength(1);
    expect(await s.findAction("a2")).toBeUndefined();
    expect((await s.findAction("a1"))?.seq).toBe(1);
  });

  it("queries instances by status, definition, subject, parent and due time", async () => {
    const s = new MemoryStore();
    await s.commit({
      instance: inst(1, {
        subject: "p9",
        nextDue: "2026-02-01T00:00:00.000Z",
        parent: { instanceId: "p", step: "x" },
      }),
      expectedVersion: 0,
      events: [],
      tasks: [],
    });
    expect(
      await s.queryInstances({ status: "running", definitionId: "d", subject: "p9", parentId: "p" }),
    ).toHaveLength(1);
    expect(await s.queryInstances({ dueBefore: "2026-01-31T00:00:00.000Z" })).toHaveLength(0);
    expect(await s.queryInstances({ dueBefore: "2026-02-01T00:00:00.000Z" })).toHaveLength(1);
    expect(await s.queryInstances({ status: "completed" })).toHaveLength(0);
  });
});

describe("MemoryStore tasks", () => {
  const task = (id: string, instanceId: string, n: number): TaskRecord => ({
    id,
    instanceId,
    definitionId: "d",
    definitionVersion: 1,
    step: "s",
    kind: "userTask",
    title: { zh: "s", en: "s" },
    assignee: { role: "r", unit: "u" },
    status: n % 2 ? "open" : "completed",
    createdAt: `2026-01-01T00:00:${String(n % 60).padStart(2, "0")}Z`,
    outcomes: [],
  });

  it("replaces tasks by id and finds each case's own, however many a case has", async () => {
    // Commits to two cases, each writing task ids of its own case (`<case>.t<n>`) up to 40 per
    // case, so both the short scan and the index of a case with many tasks are used.
    const commitArb = fc.record({
      case: fc.constantFrom("c1", "c2"),
      tasks: fc.array(fc.nat({ max: 39 }), { maxLength: 12 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(commitArb, { maxLength: 30 }), async (commits) => {
        const s = new MemoryStore();
        const model = new Map<string, TaskRecord>();
        const versions = new Map<string, number>();
        let n = 0;
        for (const c of commits) {
          const version = (versions.get(c.case) ?? 0) + 1;
          versions.set(c.case, version);
          const tasks = c.tasks.map((t) => task(`${c.case}.t${t}`, c.case, ++n));
          for (const t of tasks) model.set(t.id, t);
          await s.commit({
            instance: { ...inst(version), id: c.case },
            expectedVersion: version - 1,
            events: [{ ...event(`a${n}-${model.size}-${version}-${c.case}`, version), instanceId: c.case }],
            tasks,
          });
        }
        const byId = (a: TaskRecord, b: TaskRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
        const all = [...model.values()].sort(byId);
        expect((await s.queryTasks({})).sort(byId)).toEqual(all);
        for (const id of ["c1", "c2", "c3"]) {
          expect((await s.queryTasks({ instanceId: id })).sort(byId)).toEqual(
            all.filter((t) => t.instanceId === id),
          );
        }
        expect((await s.queryTasks({ status: "open" })).sort(byId)).toEqual(
          all.filter((t) => t.status === "open"),
        );
        for (const [id, v] of versions) expect((await s.loadInstance(id))?.version).toBe(v);
        for (const id of versions.keys()) expect(await s.events(id)).toHaveLength(versions.get(id)!);
      }),
      { numRuns: 200 },
    );
  });
});

describe("engine refusals around storage", () => {
  it("two clerks acting at once on the same version: one wins, the other conflicts and writes nothing", async () => {
    const { engine, nextAction } = makeEngine([selectionDefinition()]);
    const i = await submittedCase({ engine, nextAction });
    const task = i.tasks[0]!.id;
    const results = await Promise.allSettled([
      engine.act({
        taskId: task,
        actor: actor("od1"),
        outcome: "pass",
        actionId: nextAction(),
        expectedVersion: i.version,
      }),
      engine.act({
        taskId: task,
        actor: actor("od2"),
        outcome: "return",
        opinion: "no",
        actionId: nextAction(),
        expectedVersion: i.version,
      }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ConflictError);
    expect(await engine.history(i.id)).toHaveLength(3);
    expect(await engine.verify(i.id)).toEqual({ ok: true });
  });

  it("refuses to publish an invalid definition or one whose calendar was not given", async () => {
    const { engine } = makeEngine([]);
    const bad = await engine.publish({ ...selectionDefinition(), initial: "nope" }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(DefinitionError);
    expect((bad as DefinitionError).issues[0]).toMatchObject({
      path: "initial",
      message: 'unknown step "nope"',
    });
    await expect(engine.publish({ ...selectionDefinition(), calendar: "mars" })).rejects.toThrow(
      /calendar "mars" was not given/,
    );
  });

  it("an engine created with a bad definition reports it on first use", async () => {
    const { engine, nextAction } = makeEngine([{}]);
    await expect(
      engine.start({ definitionId: "x", actor: actor("hr"), actionId: nextAction() }),
    ).rejects.toBeInstanceOf(DefinitionError);
    // And on every later call: only a start that succeeded lets calls skip waiting for it.
    await expect(engine.get("i1")).rejects.toBeInstanceOf(DefinitionError);
    await expect(engine.tick()).rejects.toBeInstanceOf(DefinitionError);
  });
});

describe("checkStoreContract", () => {
  it("passes for MemoryStore", async () => {
    expect(await checkStoreContract(() => new MemoryStore())).toEqual([]);
  });

  it("catches a store that writes part of a refused commit", async () => {
    let n = 0;
    class Leaky extends MemoryStore {
      // Writes the tasks before checking the version, as a careless store might.
      override async commit(c: Parameters<MemoryStore["commit"]>[0]): Promise<void> {
        const shadow = { ...c.instance, id: `shadow-${++n}` };
        await super.commit({ instance: shadow, expectedVersion: 0, events: [], tasks: c.tasks });
        return super.commit(c);
      }
    }
    const failures = await checkStoreContract(() => new Leaky());
    expect(failures).toContain("a refused commit must not write tasks");
  });
});
