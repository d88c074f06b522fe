import { describe, expect, it, vi } from "vitest";
import { BackupInvalidError, checkBackup, currentSchemaVersion, type DexieStore } from "../src/index";
import { event, instance, openStore, startCase, task } from "./fixtures";

async function filledStore(): Promise<DexieStore> {
  const store = openStore();
  await store.saveDefinition({
    id: "recall",
    version: 1,
    hash: "h1",
    definition: { title: { zh: "召回", en: "Recall" } },
    publishedAt: "2026-01-01T00:00:00Z",
  });
  await store.saveForm({ id: "fs-report", version: 1, fields: [] });
  await startCase(store, "c1", {
    assignee: { role: "org-dept", unit: "u-county" },
    due: "2026-01-09T00:00:00Z",
  });
  await store.commit({
    instance: instance("c1", 2, { subject: "p-5" }),
    expectedVersion: 1,
    events: [event("c1", 2, "act-1"), event("c1", 3, "act-1", { type: "timer" })],
    tasks: [task("t-c1", "c1", { status: "completed" }), task("t-c1b", "c1", { delegatedTo: "p-7" })],
  });
  await startCase(store, "c2");
  await store.saveDraft("t-c2", "p-1", { note: "未完" });
  await store.setMeta("profile", "p-1");
  return store;
}

describe("backup", () => {
  it("exports every table as plain JSON and restores it into an empty database identically", async () => {
    const source = await filledStore();
    const backup = await source.exportAll();
    expect(backup).toMatchObject({ format: "wf-backup", schemaVersion: currentSchemaVersion });
    expect(Object.keys(backup.tables).sort()).toEqual([
      "definitions",
      "drafts",
      "events",
      "forms",
      "instances",
      "meta",
      "tasks",
    ]);
    const file = JSON.parse(JSON.stringify(backup)) as unknown;
    expect(file).toEqual(backup);

    const target = openStore();
    await startCase(target, "stale"); // a restore replaces what was there
    expect(await target.importAll(file)).toEqual({
      definitions: 1,
      forms: 1,
      instances: 2,
      tasks: 3,
      events: 4,
      drafts: 1,
      meta: 1,
    });
    expect(await target.exportAll()).toEqual(backup);
    expect(await target.loadInstance("stale")).toBeUndefined();
    // Index columns were re-derived: inboxes, the action index and timers work on restored data.
    expect(
      (await target.queryTasks({ unit: "u-1", role: "unit-hr", status: "completed" })).map((t) => t.id),
    ).toEqual(["t-c1"]);
    expect((await target.queryTasks({ person: "p-7" })).map((t) => t.id)).toEqual(["t-c1b"]);
    expect((await target.findAction("act-1"))?.seq).toBe(2);
    expect((await target.queryInstances({ subject: "p-5" })).map((i) => i.id)).toEqual(["c1"]);
    await expect(
      target.commit({
        instance: instance("c2", 2),
        expectedVersion: 1,
        events: [event("c2", 2, "act-1")],
        tasks: [],
      }),
    ).rejects.toThrow(/already applied/);
  });

  it("refuses a broken backup with every issue and its path, writing nothing", async () => {
    const store = await filledStore();
    const before = await store.exportAll();
    const broken = structuredClone(before) as unknown as {
      tables: Record<string, Record<string, unknown>[]>;
    };
    const tables = broken.tables;
    tables.instances?.push({ ...tables.instances[0], status: "paused" });
    tables.tasks?.push({ id: "t-x", instanceId: "ghost", status: "open", assignee: { team: "x" } });
    tables.events?.push({ ...tables.events[0], seq: 0 });
    const attempt = store.importAll(broken);
    await expect(attempt).rejects.toBeInstanceOf(BackupInvalidError);
    const { issues } = (await attempt.catch((e: unknown) => e)) as BackupInvalidError;
    expect(issues).toEqual([
      { path: "$.tables.instances[2].status", message: "expected one of running, completed, cancelled" },
      { path: "$.tables.instances[2]", message: "duplicate key c1" },
      { path: "$.tables.tasks[3].instanceId", message: "case ghost is not in the backup" },
      { path: "$.tables.tasks[3].assignee", message: "expected { role, unit } or { person }" },
      { path: "$.tables.events[4].seq", message: "expected an integer >= 1" },
    ]);
    expect(await store.exportAll()).toEqual(before);
  });

  it("refuses files that are not backups of this app, or come from a newer one", () => {
    expect(checkBackup([])).toEqual([{ path: "$", message: "not a JSON object" }]);
    expect(checkBackup({ format: "other", schemaVersion: 1, tables: {} }).map((i) => i.path)).toEqual([
      "$.format",
      "$.tables.definitions",
      "$.tables.forms",
      "$.tables.instances",
      "$.tables.tasks",
      "$.tables.events",
      "$.tables.drafts",
      "$.tables.meta",
    ]);
    const empty = { definitions: [], forms: [], instances: [], tasks: [], events: [], drafts: [], meta: [] };
    expect(
      checkBackup({ format: "wf-backup", schemaVersion: currentSchemaVersion + 1, tables: empty }),
    ).toEqual([
      {
        path: "$.schemaVersion",
        message: `made by a newer app (schema ${currentSchemaVersion + 1} > ${currentSchemaVersion}); update the app first`,
      },
    ]);
    expect(checkBackup({ format: "wf-backup", schemaVersion: 1, tables: empty })).toEqual([]);
  });

  it("runs the app's validator after the structural checks and writes nothing when it objects", async () => {
    const store = await filledStore();
    const backup = await store.exportAll();
    const target = openStore();
    await startCase(target, "keep");
    const validate = vi.fn(async () => [
      { path: "$.tables.events[1].hash", message: "audit chain of c1 is broken at seq 2" },
    ]);
    await expect(target.importAll(backup, { validate })).rejects.toThrow(/audit chain of c1 is broken/);
    expect(validate).toHaveBeenCalledWith(backup);
    expect((await target.queryInstances({})).map((i) => i.id)).toEqual(["keep"]);

    const skipped = vi.fn(() => []);
    await expect(target.importAll({ format: "nope" }, { validate: skipped })).rejects.toBeInstanceOf(
      BackupInvalidError,
    );
    expect(skipped).not.toHaveBeenCalled();
  });
});
