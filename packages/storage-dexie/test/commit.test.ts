import { ConflictError } from "@wf/engine";
import { Dexie, liveQuery } from "dexie";
import { describe, expect, it, vi } from "vitest";
import { createDexieStore } from "../src/index";
import { WorkflowDatabase } from "../src/WorkflowDatabase";
import { event, freshIndexedDB, instance, openStore, startCase, task } from "./fixtures";

describe("commit", () => {
  it("writes the case, its tasks and its events together, and finds the action again", async () => {
    const store = openStore();
    await startCase(store, "c1");
    expect(await store.loadInstance("c1")).toEqual(instance("c1", 1));
    expect(await store.events("c1")).toEqual([event("c1", 1, "start-c1")]);
    expect(await store.queryTasks({ instanceId: "c1" })).toEqual([task("t-c1", "c1")]);
    expect(await store.findAction("start-c1")).toEqual(event("c1", 1, "start-c1"));
    expect(await store.findAction("never")).toBeUndefined();
  });

  it("applies the next action on the expected version and replaces tasks by id", async () => {
    const store = openStore();
    await startCase(store, "c1");
    await store.commit({
      instance: instance("c1", 2, { steps: ["recommend"] }),
      expectedVersion: 1,
      events: [event("c1", 2, "act-1")],
      tasks: [task("t-c1", "c1", { status: "completed" }), task("t-c1b", "c1", { step: "recommend" })],
    });
    expect((await store.loadInstance("c1"))?.steps).toEqual(["recommend"]);
    expect((await store.events("c1")).map((e) => e.seq)).toEqual([1, 2]);
    expect((await store.queryTasks({ instanceId: "c1", status: "open" })).map((t) => t.id)).toEqual([
      "t-c1b",
    ]);
  });

  it("refuses a stale version with ConflictError and writes nothing", async () => {
    const store = openStore();
    await startCase(store, "c1");
    const stale = store.commit({
      instance: instance("c1", 2, { steps: ["other"] }),
      expectedVersion: 0,
      events: [event("c1", 2, "act-stale")],
      tasks: [task("t-new", "c1")],
    });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toThrow(/c1 is at version 1, not 0/);
    const ahead = store.commit({ instance: instance("c1", 4), expectedVersion: 3, events: [], tasks: [] });
    await expect(ahead).rejects.toBeInstanceOf(ConflictError);
    expect(await store.loadInstance("c1")).toEqual(instance("c1", 1));
    expect(await store.events("c1")).toHaveLength(1);
    expect(await store.queryTasks({})).toHaveLength(1);
    expect(await store.findAction("act-stale")).toBeUndefined();
  });

  it("refuses to act on a case that does not exist yet", async () => {
    const store = openStore();
    const orphan = store.commit({ instance: instance("c9", 3), expectedVersion: 2, events: [], tasks: [] });
    await expect(orphan).rejects.toThrow(/c9 does not exist, not 2/);
    expect(await store.loadInstance("c9")).toBeUndefined();
  });

  it("refuses a reused actionId, even on another case, and writes nothing", async () => {
    const store = openStore();
    await startCase(store, "c1");
    const replay = store.commit({
      instance: instance("c2", 1),
      expectedVersion: 0,
      events: [event("c2", 1, "start-c1")],
      tasks: [task("t-c2", "c2")],
    });
    await expect(replay).rejects.toThrow(/action start-c1 was already applied/);
    expect(await store.loadInstance("c2")).toBeUndefined();
    expect(await store.queryTasks({ instanceId: "c2" })).toEqual([]);
  });

  it("lets one action emit several events and finds its first one", async () => {
    const store = openStore();
    await store.commit({
      instance: instance("c1", 1),
      expectedVersion: 0,
      events: [event("c1", 1, "a1"), event("c1", 2, "a1", { type: "timer" }), event("c1", 3, "a2")],
      tasks: [],
    });
    expect((await store.events("c1")).map((e) => [e.seq, e.actionId])).toEqual([
      [1, "a1"],
      [2, "a1"],
      [3, "a2"],
    ]);
    expect((await store.findAction("a1"))?.seq).toBe(1);
    expect((await store.findAction("a2"))?.seq).toBe(3);
    await expect(
      store.commit({
        instance: instance("c1", 2),
        expectedVersion: 1,
        events: [event("c1", 4, "a1")],
        tasks: [],
      }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("keeps each case's log separate and in seq order", async () => {
    const store = openStore();
    await startCase(store, "b");
    await startCase(store, "a");
    await store.commit({
      instance: instance("a", 2),
      expectedVersion: 1,
      events: [event("a", 2, "x")],
      tasks: [],
    });
    expect((await store.events("a")).map((e) => e.actionId)).toEqual(["start-a", "x"]);
    expect((await store.events("b")).map((e) => e.actionId)).toEqual(["start-b"]);
    expect(await store.events("zzz")).toEqual([]);
  });

  it("rolls back the case and task writes when a later event write fails", async () => {
    const store = openStore();
    await startCase(store, "c1");
    // Two events with one (case, seq) key: the second add breaks the primary key after the case
    // row and the task were already put in the same transaction.
    const broken = store.commit({
      instance: instance("c1", 2, { steps: ["recommend"] }),
      expectedVersion: 1,
      events: [event("c1", 2, "act-1"), event("c1", 2, "act-2")],
      tasks: [task("t-c1", "c1", { status: "completed" })],
    });
    await expect(broken).rejects.toMatchObject({ name: "ConstraintError" });
    expect(await store.loadInstance("c1")).toEqual(instance("c1", 1));
    expect((await store.queryTasks({ instanceId: "c1" })).map((t) => t.status)).toEqual(["open"]);
    expect(await store.events("c1")).toHaveLength(1);
    expect(await store.findAction("act-1")).toBeUndefined();
  });

  it("names the reused action when it is not the first event of the commit", async () => {
    const store = openStore();
    await startCase(store, "c1");
    const replay = store.commit({
      instance: instance("c1", 2),
      expectedVersion: 1,
      events: [event("c1", 2, "fresh"), event("c1", 3, "start-c1")],
      tasks: [task("t-c1", "c1", { status: "completed" })],
    });
    await expect(replay).rejects.toBeInstanceOf(ConflictError);
    await expect(replay).rejects.toThrow(/action start-c1 was already applied/);
    expect(await store.loadInstance("c1")).toEqual(instance("c1", 1));
    expect(await store.findAction("fresh")).toBeUndefined();
  });

  it("refuses commits once closed and commits again after open()", async () => {
    const ports = freshIndexedDB();
    const store = createDexieStore({ name: "wf", ...ports, storage: null });
    await startCase(store, "c1");
    store.close();
    const act = (version: number, actionId: string) =>
      store.commit({
        instance: instance("c1", version + 1),
        expectedVersion: version,
        events: [event("c1", version + 1, actionId)],
        tasks: [],
      });
    await expect(act(1, "while-closed")).rejects.toThrow(/closed/i);
    await store.open();
    await act(1, "reopened");
    expect((await store.events("c1")).map((e) => e.actionId)).toEqual(["start-c1", "reopened"]);
  });

  it("checks the version against commits made through another connection", async () => {
    const ports = freshIndexedDB();
    const a = createDexieStore({ name: "wf", ...ports, storage: null });
    const b = createDexieStore({ name: "wf", ...ports, storage: null });
    await startCase(a, "c1");
    await b.commit({
      instance: instance("c1", 2),
      expectedVersion: 1,
      events: [event("c1", 2, "b")],
      tasks: [],
    });
    await expect(
      a.commit({ instance: instance("c1", 2), expectedVersion: 1, events: [event("c1", 2, "a")], tasks: [] }),
    ).rejects.toBeInstanceOf(ConflictError);
    await a.commit({
      instance: instance("c1", 3),
      expectedVersion: 2,
      events: [event("c1", 3, "a")],
      tasks: [],
    });
    expect((await b.events("c1")).map((e) => e.actionId)).toEqual(["start-c1", "b", "a"]);
  });
});

describe("commit and Dexie's liveQuery", () => {
  it("a live query over the tasks table sees a native commit (Dexie's storagemutated event)", async () => {
    const idb = freshIndexedDB();
    // Dexie's liveQuery reads IndexedDB from Dexie.dependencies (the browser's globals when
    // Dexie loads); this test runs on a fake one.
    const deps = { ...Dexie.dependencies };
    Object.assign(Dexie.dependencies, idb);
    const store = createDexieStore({
      name: "wf-live",
      ...idb,
      storage: null,
      clock: () => "2026-01-05T09:00:00+08:00",
    });
    await startCase(store, "c1");
    // A second Dexie on the same database, as another part of a host app would open it.
    const db = new WorkflowDatabase("wf-live", idb);
    const seen: number[] = [];
    const sub = liveQuery(() => db.tasks.count()).subscribe({
      next: (n) => seen.push(n),
      error: (e) => seen.push(-1, String(e) as never),
    });
    try {
      await vi.waitFor(() => expect(seen).toEqual([1]));
      await store.commit({
        instance: instance("c1", 2, { steps: ["recommend"] }),
        expectedVersion: 1,
        events: [event("c1", 2, "act-1")],
        tasks: [task("t-c1b", "c1", { step: "recommend" })],
      });
      await vi.waitFor(() => expect(seen).toEqual([1, 2]));
    } finally {
      sub.unsubscribe();
      db.close();
      Object.assign(Dexie.dependencies, deps);
    }
  });
});
