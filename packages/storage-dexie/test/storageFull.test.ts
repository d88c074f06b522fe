import { describe, expect, it } from "vitest";
import { createDexieStore, isQuotaError, StorageFullError } from "../src/index";
import { event, instance, startCase, task } from "./fixtures";
import { quotaFailingIndexedDB } from "./quotaFailingIndexedDB";

function storeOnFullDisk(stores: string[]) {
  const ports = quotaFailingIndexedDB(stores);
  const store = createDexieStore({
    name: "full",
    indexedDB: ports.indexedDB,
    IDBKeyRange: ports.IDBKeyRange,
    storage: null,
  });
  return { store, full: ports.full, transactions: ports.transactions };
}

describe("durability", () => {
  it("opens every read-write transaction with strict durability, so a decision is on disk when it resolves", async () => {
    const { store, transactions } = storeOnFullDisk([]);
    await startCase(store, "c1");
    await store.saveDraft("t-c1", "p1", {});
    await store.importAll(await store.exportAll());
    const writes = transactions.filter((t) => t.mode === "readwrite");
    expect(writes.length).toBeGreaterThanOrEqual(3);
    expect(writes.every((t) => t.durability === "strict")).toBe(true);
  });
});

describe("a full disk", () => {
  it("turns QuotaExceededError into StorageFullError and rolls back the whole action", async () => {
    const { store, full } = storeOnFullDisk(["events"]);
    await startCase(store, "c1");
    full.on = true;
    // The case row and the task are written before the event put fails in the same transaction.
    const action = store.commit({
      instance: instance("c1", 2, { steps: ["recommend"] }),
      expectedVersion: 1,
      events: [event("c1", 2, "act-1")],
      tasks: [task("t-c1", "c1", { status: "completed" }), task("t-2", "c1")],
    });
    await expect(action).rejects.toBeInstanceOf(StorageFullError);
    expect(full.hits).toBe(1);
    const error = await action.catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "storage-full",
      text: { zh: expect.stringContaining("存储空间已满") },
    });
    expect(isQuotaError((error as StorageFullError).cause)).toBe(true);

    expect(await store.loadInstance("c1")).toEqual(instance("c1", 1));
    expect((await store.queryTasks({ instanceId: "c1" })).map((t) => [t.id, t.status])).toEqual([
      ["t-c1", "open"],
    ]);
    expect(await store.events("c1")).toHaveLength(1);
    expect(await store.findAction("act-1")).toBeUndefined();

    // Once space is freed the same action goes through.
    full.on = false;
    await store.commit({
      instance: instance("c1", 2),
      expectedVersion: 1,
      events: [event("c1", 2, "act-1")],
      tasks: [],
    });
    expect(await store.events("c1")).toHaveLength(2);
  });

  it("rolls back an action whose transaction the browser aborts with QuotaExceededError", async () => {
    // Chrome checks the quota when it commits: the writes were accepted, then the whole
    // transaction is aborted and the request that failed carries no error of its own.
    const { store, full } = storeOnFullDisk(["tasks"]);
    await startCase(store, "c1");
    full.on = true;
    full.when = "commit";
    const action = store.commit({
      instance: instance("c1", 2, { steps: ["recommend"] }),
      expectedVersion: 1,
      events: [event("c1", 2, "act-1")],
      tasks: [task("t-c1", "c1", { status: "completed" }), task("t-2", "c1")],
    });
    await expect(action).rejects.toBeInstanceOf(StorageFullError);
    expect(full.hits).toBeGreaterThan(0);

    expect(await store.loadInstance("c1")).toEqual(instance("c1", 1));
    expect((await store.queryTasks({ instanceId: "c1" })).map((t) => [t.id, t.status])).toEqual([
      ["t-c1", "open"],
    ]);
    expect(await store.events("c1")).toHaveLength(1);
    expect(await store.findAction("act-1")).toBeUndefined();
  });

  it("keeps the previous draft when saving a draft hits the quota", async () => {
    const { store, full } = storeOnFullDisk(["drafts"]);
    await store.saveDraft("t1", "p1", { name: "张三" });
    full.on = true;
    await expect(store.saveDraft("t1", "p1", { name: "张三丰" })).rejects.toBeInstanceOf(StorageFullError);
    expect((await store.loadDraft("t1", "p1"))?.values).toEqual({ name: "张三" });
  });

  it("leaves the database as it was when a restore hits the quota", async () => {
    const { store, full } = storeOnFullDisk(["tasks"]);
    await startCase(store, "c1");
    const backup = await store.exportAll();
    backup.tables.instances = [instance("c2", 1)];
    backup.tables.tasks = [task("t-c2", "c2")];
    backup.tables.events = [event("c2", 1, "start-c2")];
    full.on = true;
    await expect(store.importAll(backup)).rejects.toBeInstanceOf(StorageFullError);
    expect((await store.queryInstances({})).map((i) => i.id)).toEqual(["c1"]);
    expect((await store.queryTasks({})).map((t) => t.id)).toEqual(["t-c1"]);
  });
});
