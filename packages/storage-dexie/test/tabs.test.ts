import { ConflictError } from "@wf/engine";
import { Dexie } from "dexie";
import { describe, expect, it, vi } from "vitest";
import { createDexieStore, currentSchemaVersion, StoreClosedError, schemaVersions } from "../src/index";
import { event, freshIndexedDB, instance, startCase } from "./fixtures";

// Two tabs of the app are two connections to one database: same name, same IndexedDB.
function twoTabs() {
  const ports = freshIndexedDB();
  const open = () => createDexieStore({ name: "wf", ...ports, storage: null });
  return { ports, a: open(), b: open() };
}

/** The next app version: every shipped schema plus one more, as a newer build would declare. */
function newerApp(ports: ReturnType<typeof freshIndexedDB>) {
  const next = new Dexie("wf", ports);
  for (const v of schemaVersions) next.version(v.version).stores(v.stores);
  next.version(currentSchemaVersion + 1).stores({ meta: "key, scope" });
  return next;
}

describe("two tabs", () => {
  it("lets one tab commit an action on a task and gives the other a ConflictError, draft kept", async () => {
    const { a, b } = twoTabs();
    await startCase(a, "c1");
    expect((await b.loadInstance("c1"))?.version).toBe(1);
    await b.saveDraft("t-c1", "p-2", { opinion: "同意" });
    const act = (tab: typeof a, actionId: string) =>
      tab.commit({
        instance: instance("c1", 2),
        expectedVersion: 1,
        events: [event("c1", 2, actionId)],
        tasks: [],
      });

    const [first, second] = await Promise.allSettled([act(a, "from-a"), act(b, "from-b")]);
    expect(first.status).toBe("fulfilled");
    expect(second.status === "rejected" && second.reason).toBeInstanceOf(ConflictError);
    expect((await a.events("c1")).map((e) => e.actionId)).toEqual(["start-c1", "from-a"]);
    expect((await b.loadDraft("t-c1", "p-2"))?.values).toEqual({ opinion: "同意" });
  });

  it("closes when another tab opens a newer app version, tells the app, and keeps the drafts", async () => {
    const ports = freshIndexedDB();
    const onVersionChange = vi.fn();
    const tab = createDexieStore({ name: "wf", ...ports, storage: null, onVersionChange });
    await startCase(tab, "c1");
    await tab.saveDraft("t-c1", "p-1", { name: "王五" });

    const next = newerApp(ports);
    await next.open(); // would wait forever if the old tab kept its connection open
    expect(onVersionChange).toHaveBeenCalledWith({
      oldVersion: currentSchemaVersion,
      newVersion: currentSchemaVersion + 1,
    });

    const refused = tab.loadInstance("c1");
    await expect(refused).rejects.toBeInstanceOf(StoreClosedError);
    await expect(refused).rejects.toThrow(/Reload this page/);
    await expect(tab.saveDraft("t-c1", "p-1", {})).rejects.toBeInstanceOf(StoreClosedError);
    // The commit path keeps its own connection; it must not outlive the close either.
    await expect(
      tab.commit({
        instance: instance("c1", 2),
        expectedVersion: 1,
        events: [event("c1", 2, "late")],
        tasks: [],
      }),
    ).rejects.toBeInstanceOf(StoreClosedError);
    expect((await next.table("drafts").get(["t-c1", "p-1"]))?.values).toEqual({ name: "王五" });
    expect(await next.table("instances").count()).toBe(1);
    expect(await next.table("events").count()).toBe(1);
    next.close();
  });

  it("closes too when another tab deletes the database (e.g. a reset), instead of blocking it", async () => {
    const ports = freshIndexedDB();
    const onVersionChange = vi.fn();
    const tab = createDexieStore({ name: "wf", ...ports, storage: null, onVersionChange });
    await startCase(tab, "c1");
    await new Dexie("wf", ports).delete(); // a reset in another tab
    expect(onVersionChange).toHaveBeenCalledWith({ oldVersion: currentSchemaVersion, newVersion: null });
    await expect(tab.queryTasks({})).rejects.toBeInstanceOf(StoreClosedError);
  });

  it("reports when its own upgrade waits for an older tab, then proceeds once that tab closes", async () => {
    const ports = freshIndexedDB();
    const old = new Dexie("wf", ports);
    old.version(1).stores(schemaVersions[0]?.stores ?? {});
    old.on("versionchange", () => false); // an old build that ignores the request to close
    await old.open();

    let blocked!: () => void;
    const wasBlocked = new Promise<void>((resolve) => {
      blocked = resolve;
    });
    const tab = createDexieStore({ name: "wf", ...ports, storage: null, onBlocked: () => blocked() });
    const opened = tab.open();
    await wasBlocked;
    old.close();
    await opened;
    await startCase(tab, "c1");
    expect((await tab.loadInstance("c1"))?.version).toBe(1);
  });
});
