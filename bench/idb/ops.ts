/**
 * The measured IndexedDB operations, raw and through @wf/storage-dexie, and the loop that times
 * them against one shared database. Runs unchanged in Node (fake-indexeddb) and in the browser.
 *
 * Raw IndexedDB code is what a careful developer would write by hand against the same indexes:
 * one `getAll` on the multi-entry `slots` index for the inbox; one strict-durability read-write
 * transaction that checks the case version and the action id, then writes case, tasks and event:
 * the same requests, rows and durability as the store's native commit, so the ratio measures the
 * store's own overhead and not a different way of using IndexedDB.
 */

import type { Commit } from "@wf/engine";
import { createDexieStore, currentSchemaVersion, schemaVersions } from "@wf/storage-dexie";
import { Dexie } from "dexie";
import {
  actionCommit,
  eventRows,
  inboxKey,
  inboxOf,
  instanceRow,
  rows,
  runningCases,
  taskRow,
} from "./workload";

export interface IdbEnv {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

export interface IdbResult {
  cases: number;
  records: number;
  reused: boolean;
  populateMs: number;
  inboxSize: number;
  raw: { inboxMs: number; appendMs: number };
  ours: { inboxMs: number; appendMs: number };
}

const req = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
const done = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error);
  });

/**
 * Create the database with the package's own schema history and bulk-load N cases into it, or
 * reuse it when an earlier run (same scale, same schema version) finished loading it: in
 * Chromium, writing 1.6 million rows takes minutes, the measured operations milliseconds.
 */
async function populate(env: IdbEnv, name: string, cases: number, log: (s: string) => void) {
  const open = () => {
    const db = new Dexie(name, { indexedDB: env.indexedDB, IDBKeyRange: env.IDBKeyRange });
    for (const v of schemaVersions) db.version(v.version).stores(v.stores);
    return db;
  };
  let db = open();
  const loaded = (await db.table("meta").get("bench-populated"))?.value as number | undefined;
  if (loaded !== undefined) {
    db.close();
    return { records: loaded, reused: true };
  }
  // A load cut short (timeout, crash) leaves rows that would clash with the new ones.
  db.close();
  await Dexie.delete(name);
  db = open();
  let records = 0;
  const batch = 2_000;
  for (let from = 0; from < cases; from += batch) {
    const r = rows(from, Math.min(cases, from + batch));
    await db.transaction("rw", ["instances", "tasks", "events"], async () => {
      await db.table("instances").bulkAdd(r.instances);
      await db.table("tasks").bulkAdd(r.tasks);
      await db.table("events").bulkAdd(r.events);
    });
    records += r.instances.length + r.tasks.length + r.events.length;
    if ((from / batch) % 10 === 9) log(`loaded ${from + batch} cases`);
  }
  await db.table("meta").put({ key: "bench-populated", value: records });
  db.close();
  return { records, reused: false };
}

async function rawInbox(db: IDBDatabase, env: IdbEnv, k: number): Promise<number> {
  const tx = db.transaction("tasks", "readonly");
  const key = inboxKey(inboxOf(k));
  const got = await req(tx.objectStore("tasks").index("slots").getAll(env.IDBKeyRange.only(key)));
  return got.map((row: { value: unknown }) => row.value).length;
}

// The same requests as the store's commit, in the same order and with the same durability: the
// case read and one action-key lookup per event sent together, then the case, task and event
// writes; a refused action aborts the transaction.
async function rawAppend(db: IDBDatabase, c: Commit): Promise<void> {
  const tx = db.transaction(["instances", "tasks", "events"], "readwrite", { durability: "strict" });
  const finished = done(tx);
  const instances = tx.objectStore("instances");
  const events = tx.objectStore("events");
  const rows = eventRows(c.events);
  const current = req(instances.get(c.instance.id));
  const clashes = rows.map((r) => req(events.index("actionKey").getKey(r.actionKey)));
  const [stored, ...found] = await Promise.all([current, ...clashes]);
  if (!stored || stored.version !== c.expectedVersion || found.some((k) => k !== undefined)) {
    tx.abort();
    await finished.catch(() => {});
    throw new Error("refused: version conflict or reused action");
  }
  instances.put(instanceRow(c.instance));
  for (const t of c.tasks) tx.objectStore("tasks").put(taskRow(t));
  for (const r of rows) events.add(r);
  await finished;
}

/** A short hash of the store's index specs: names the kept database and its browser profile. */
export function specHash(): string {
  let h = 0;
  for (const ch of JSON.stringify(schemaVersions.map((v) => v.stores)))
    h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return (h >>> 0).toString(36);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

export async function runIdb(env: IdbEnv, cases: number, rounds: number, log: (s: string) => void) {
  // The name changes with the scale and with the store's schema (even an edit of a version's index
  // specs), so a kept database is only reused when it has exactly today's layout.
  const name = `bench-${cases}-schema${currentSchemaVersion}-${specHash()}`;
  const t0 = performance.now();
  const { records, reused } = await populate(env, name, cases, log);
  const populateMs = performance.now() - t0;
  log(`${reused ? "reused" : "populated"} ${records} records in ${(populateMs / 1000).toFixed(1)} s`);

  const raw = await req(env.indexedDB.open(name));
  const store = createDexieStore({
    name,
    indexedDB: env.indexedDB,
    IDBKeyRange: env.IDBKeyRange,
    storage: null,
  });
  await store.open();

  const times = {
    rawInbox: [] as number[],
    oursInbox: [] as number[],
    rawAppend: [] as number[],
    oursAppend: [] as number[],
  };
  const targets = runningCases(cases, 2 * (rounds + 2));
  let inboxSize = 0;
  // Read the case's current version (untimed): earlier runs on a reused database acted on it too.
  const nextAction = async (i: number) => actionCommit(i, (await store.loadInstance(`case-${i}`))!.version);
  // Two warm-up rounds; then raw and ours alternate who goes first, so neither always meets the
  // warmer cache. Each round uses another county's inbox and other cases, as real use would.
  for (let r = -2; r < rounds; r++) {
    const k = r + 2;
    const inboxRaw = async () => {
      const s = performance.now();
      inboxSize = await rawInbox(raw, env, k);
      if (r >= 0) times.rawInbox.push(performance.now() - s);
    };
    const inboxOurs = async () => {
      const s = performance.now();
      const got = await store.queryTasks(inboxOf(k));
      if (r >= 0) times.oursInbox.push(performance.now() - s);
      if (got.length !== inboxSize) throw new Error(`inbox differs: ours ${got.length}, raw ${inboxSize}`);
    };
    const appendRaw = async () => {
      const c = await nextAction(targets[2 * k]!);
      const s = performance.now();
      await rawAppend(raw, c);
      if (r >= 0) times.rawAppend.push(performance.now() - s);
    };
    const appendOurs = async () => {
      const c = await nextAction(targets[2 * k + 1]!);
      const s = performance.now();
      await store.commit(c);
      if (r >= 0) times.oursAppend.push(performance.now() - s);
    };
    const order =
      r % 2 === 0
        ? [inboxRaw, inboxOurs, appendRaw, appendOurs]
        : [inboxOurs, inboxRaw, appendOurs, appendRaw];
    // The inbox check compares with the raw count, so raw's inbox always runs before ours' check.
    if (r % 2 !== 0) {
      inboxSize = await rawInbox(raw, env, k);
    }
    for (const step of order) await step();
  }
  raw.close();
  store.close();
  const result: IdbResult = {
    cases,
    records,
    reused,
    populateMs,
    inboxSize,
    raw: { inboxMs: median(times.rawInbox), appendMs: median(times.rawAppend) },
    ours: { inboxMs: median(times.oursInbox), appendMs: median(times.oursAppend) },
  };
  return result;
}
