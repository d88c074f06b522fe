import { type Commit, ConflictError } from "@wf/engine";
import { Dexie, RangeSet } from "dexie";
import { type InstanceRow, toEventRows, toInstanceRow, toTaskRow } from "./rows";

const commitStores = ["instances", "tasks", "events"];

/**
 * Writes one action commit in a single native read-write IndexedDB transaction: the version
 * check, the duplicate-action check, then the case, its tasks and its events. A refused commit
 * (ConflictError) or a failed write (QuotaExceededError, ConstraintError, DataCloneError) aborts
 * the transaction, so nothing of it is written; the promise rejects with that error. IndexedDB
 * runs overlapping read-write transactions one after the other, so of two tabs acting on the
 * same version only the first passes the check.
 *
 * This is the store's one hot write path, so it bypasses Dexie's transaction zone, promise
 * wrapping and middleware, which cost more than the IndexedDB work itself. Dexie's `liveQuery`
 * observers (in this tab and others) learn of the commit from {@link notifyCommitted}.
 */
export function commitNatively(
  idb: IDBDatabase,
  { instance, expectedVersion, events, tasks }: Commit,
  durability: IDBTransactionDurability,
): Promise<void> {
  // Rows first: a record that cannot be turned into a row should not open a transaction.
  const instanceRow = toInstanceRow(instance);
  const taskRows = tasks.map(toTaskRow);
  const eventRows = toEventRows(events);
  return new Promise<void>((resolve, reject) => {
    const tx = idb.transaction(commitStores, "readwrite", { durability });
    let refusal: unknown;
    const refuse = (error: unknown) => {
      refusal ??= error;
      try {
        tx.abort();
      } catch {
        // Already aborting (the browser gave up on it): onabort reports why.
      }
    };
    tx.oncomplete = () => resolve();
    // A failed request or a failed commit (a full disk) sets `tx.error`; our own abort leaves it
    // null, and then the reason is ours.
    tx.onabort = () =>
      reject(tx.error ?? refusal ?? new DOMException("The commit was aborted", "AbortError"));
    try {
      const instances = tx.objectStore("instances");
      const eventStore = tx.objectStore("events");
      // Both checks are reads, sent together; requests answer in the order they were made, so
      // once the last one answers every check is in.
      const current: IDBRequest<InstanceRow | undefined> = instances.get(instance.id);
      const actionIndex = eventStore.index("actionKey");
      const clashes = eventRows.map((row) => actionIndex.getKey(row.actionKey));
      const last: IDBRequest = clashes[clashes.length - 1] ?? current;
      last.onsuccess = () => {
        try {
          const stored = current.result;
          if (stored ? stored.version !== expectedVersion : expectedVersion !== 0) {
            const state = stored ? `is at version ${stored.version}` : "does not exist";
            refuse(
              new ConflictError(
                `case ${instance.id} ${state}, not ${expectedVersion}: it changed meanwhile; reload it and act again`,
              ),
            );
            return;
          }
          // The unique index would refuse a reused actionId too, but as an opaque ConstraintError.
          const clash = clashes.findIndex((request) => request.result !== undefined);
          if (clash >= 0) {
            refuse(new ConflictError(`action ${eventRows[clash]?.value.actionId} was already applied`));
            return;
          }
          instances.put(instanceRow);
          if (taskRows.length > 0) {
            const taskStore = tx.objectStore("tasks");
            for (const row of taskRows) taskStore.put(row);
          }
          for (const row of eventRows) eventStore.add(row);
        } catch (error) {
          // A write that throws (a full disk, an uncloneable value) must not let the writes
          // before it commit: abort the whole transaction.
          refuse(error);
        }
      };
    } catch (error) {
      refuse(error);
    }
  });
}

/**
 * Tells Dexie's `liveQuery` observers that a native commit changed the case, task and event
 * tables, through Dexie's documented global `storagemutated` event (which Dexie also carries to
 * other tabs). Every range of those tables is marked, as Dexie does itself after creating a
 * database: a live query over them re-runs once, however narrow it is.
 */
export function notifyCommitted(db: Dexie): void {
  const parts: Record<string, RangeSet> = {};
  for (const table of db.tables) {
    if (!commitStores.includes(table.name)) continue;
    const prefix = `idb://${db.name}/${table.name}/`;
    for (const idx of table.schema.indexes) if (idx.name) parts[prefix + idx.name] = everything();
    parts[prefix] = everything();
    parts[`${prefix}:dels`] = everything();
  }
  Dexie.on("storagemutated").fire(parts);
}

const everything = () => new RangeSet(Number.NEGATIVE_INFINITY, [[[]]]);
