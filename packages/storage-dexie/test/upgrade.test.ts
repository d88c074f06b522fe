import { Dexie } from "dexie";
import { describe, expect, it } from "vitest";
import { createDexieStore, currentSchemaVersion, schemaVersions } from "../src/index";
import { event, freshIndexedDB, instance, task } from "./fixtures";

// The stores of each published version, frozen here as browsers hold them. If a test below fails
// because src/schemaVersions.ts changed a published entry, add a new version instead.
const publishedV1 = {
  definitions: "[id+version]",
  forms: "[id+version]",
  instances: "id, definitionId, status, [definitionId+status]",
  tasks: "id, instanceId, [unit+role+status], [assignee+status], [status+dueAt]",
  events: "[instanceId+seq], &actionKey",
  drafts: "[taskId+personId], personId",
  meta: "key",
};

/** Writes a database the way the v1 app did: v1 stores and v1 row columns. */
async function writeV1Database(ports: ReturnType<typeof freshIndexedDB>, name: string) {
  const v1 = new Dexie(name, ports);
  v1.version(1).stores(publishedV1);
  const escalated = task("t-esc", "c1", {
    assignee: { role: "unit-hr", unit: "u-1" },
    escalatedTo: { role: "org-dept", unit: "u-county" },
    due: "2026-01-10T00:00:00Z",
  });
  const delegated = task("t-del", "c2", { assignee: { role: "unit-hr", unit: "u-1" }, delegatedTo: "p-9" });
  const child = instance("c2", 1, {
    parent: { instanceId: "c1", step: "start-reselection" },
    subject: "p-5",
  });
  const parent = instance("c1", 2, { nextDue: "2026-01-10T00:00:00Z" });
  await v1.table("instances").bulkAdd([
    { id: "c1", version: 2, definitionId: parent.definitionId, status: "running", value: parent },
    { id: "c2", version: 1, definitionId: child.definitionId, status: "running", value: child },
  ]);
  // v1 read the assignee's unit and role into flat columns and knew nothing of escalation.
  await v1.table("tasks").bulkAdd([
    {
      id: "t-esc",
      instanceId: "c1",
      unit: "u-1",
      role: "unit-hr",
      status: "open",
      dueAt: escalated.due,
      value: escalated,
    },
    { id: "t-del", instanceId: "c2", unit: "u-1", role: "unit-hr", status: "open", value: delegated },
  ]);
  await v1.table("events").bulkAdd([
    { instanceId: "c1", seq: 1, actionKey: "a1", value: event("c1", 1, "a1") },
    { instanceId: "c1", seq: 2, actionKey: "a2", value: event("c1", 2, "a2") },
    { instanceId: "c2", seq: 1, actionKey: "a3", value: event("c2", 1, "a3") },
  ]);
  await v1
    .table("drafts")
    .add({ taskId: "t-esc", personId: "p-1", savedAt: "2026-01-05T10:00:00Z", values: { a: 1 } });
  const def = {
    id: "first-secretary-selection",
    version: 1,
    hash: "h",
    definition: { title: { zh: "选派", en: "Sel" } },
    publishedAt: "x",
  };
  await v1.table("definitions").add({ id: def.id, version: 1, value: def });
  await v1.table("meta").add({ key: "profile", value: "p-1" });
  v1.close();
}

async function indexNames(ports: ReturnType<typeof freshIndexedDB>, name: string, table: string) {
  const db = new Dexie(name, ports); // no version(): Dexie reads the schema the database has
  await db.open();
  const names = db
    .table(table)
    .schema.indexes.map((i) => i.name)
    .sort();
  const version = db.verno;
  db.close();
  return { names, version };
}

describe("schema upgrades", () => {
  it("keeps the published versions as they shipped, numbered in order", () => {
    expect(schemaVersions[0]?.stores).toEqual(publishedV1);
    expect(schemaVersions.map((v) => v.version)).toEqual(schemaVersions.map((_, i) => i + 1));
    expect(currentSchemaVersion).toBe(schemaVersions.length);
  });

  it("opens a filled v1 database, rebuilds its indexes and keeps every record", async () => {
    const ports = freshIndexedDB();
    await writeV1Database(ports, "old");
    const store = createDexieStore({ name: "old", ...ports, storage: null });

    // The v2 inbox indexes find what v1's flat columns could not: escalations and delegations.
    expect(
      (await store.queryTasks({ unit: "u-county", role: "org-dept", status: "open" })).map((t) => t.id),
    ).toEqual(["t-esc"]);
    expect((await store.queryTasks({ person: "p-9" })).map((t) => t.id)).toEqual(["t-del"]);
    expect(
      (await store.queryTasks({ status: "open", dueBefore: "2026-02-01T00:00:00Z" })).map((t) => t.id),
    ).toEqual(["t-esc"]);
    expect((await store.queryInstances({ parentId: "c1" })).map((i) => i.id)).toEqual(["c2"]);
    expect((await store.queryInstances({ subject: "p-5" })).map((i) => i.id)).toEqual(["c2"]);
    expect((await store.queryInstances({ dueBefore: "2026-01-10T00:00:00Z" })).map((i) => i.id)).toEqual([
      "c1",
    ]);
    expect(await store.pruneDrafts("2026-01-01T00:00:00Z")).toBe(0);

    // Records come back exactly as written, and the log still chains on.
    expect(await store.loadInstance("c1")).toEqual(instance("c1", 2, { nextDue: "2026-01-10T00:00:00Z" }));
    expect((await store.events("c1")).map((e) => e.actionId)).toEqual(["a1", "a2"]);
    expect((await store.findAction("a3"))?.instanceId).toBe("c2");
    expect(await store.loadDraft("t-esc", "p-1")).toEqual({
      values: { a: 1 },
      savedAt: "2026-01-05T10:00:00Z",
    });
    expect((await store.loadDefinition("first-secretary-selection"))?.hash).toBe("h");
    expect(await store.getMeta("profile")).toBe("p-1");
    await store.commit({
      instance: instance("c1", 3),
      expectedVersion: 2,
      events: [event("c1", 3, "a4")],
      tasks: [],
    });
    await expect(
      store.commit({
        instance: instance("c2", 2),
        expectedVersion: 1,
        events: [event("c2", 2, "a1")],
        tasks: [],
      }),
    ).rejects.toThrow(/a1 was already applied/);
    store.close();

    const tasks = await indexNames(ports, "old", "tasks");
    expect(tasks.version).toBe(currentSchemaVersion);
    expect(tasks.names).toEqual(["[status+due]", "instanceId", "people", "slots", "status"]);
  });

  it("upgrades a v1 database with many cases in one pass", async () => {
    const ports = freshIndexedDB();
    const v1 = new Dexie("big", ports);
    v1.version(1).stores(publishedV1);
    const n = 400;
    await v1.table("instances").bulkAdd(
      Array.from({ length: n }, (_, i) => {
        const value = instance(`c${i}`, 1);
        return { id: value.id, version: 1, definitionId: value.definitionId, status: "running", value };
      }),
    );
    await v1.table("tasks").bulkAdd(
      Array.from({ length: n }, (_, i) => {
        const value = task(`t${i}`, `c${i}`, { assignee: { role: "unit-hr", unit: `u${i % 7}` } });
        return {
          id: value.id,
          instanceId: value.instanceId,
          unit: `u${i % 7}`,
          role: "unit-hr",
          status: "open",
          value,
        };
      }),
    );
    v1.close();
    const store = createDexieStore({ name: "big", ...ports, storage: null });
    expect(await store.queryTasks({ unit: "u3", role: "unit-hr", status: "open" })).toHaveLength(
      Array.from({ length: n }, (_, i) => i).filter((i) => i % 7 === 3).length,
    );
    expect(
      await store.queryInstances({ definitionId: "first-secretary-selection", status: "running" }),
    ).toHaveLength(n);
    store.close();
  });
});
