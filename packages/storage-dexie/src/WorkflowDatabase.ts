import { Dexie, type DexieOptions, type Table } from "dexie";
import type { DefinitionRow, DraftRow, EventRow, FormRow, InstanceRow, MetaRow, TaskRow } from "./rows";
import { schemaVersions } from "./schemaVersions";

/**
 * Durability of every read-write transaction. Chrome commits IndexedDB transactions "relaxed"
 * since v121: the commit resolves before the data reaches the disk, so a crash can lose a decision
 * the clerk saw confirmed. Strict durability makes every commit resolve only once it is on disk.
 */
export const writeDurability: IDBTransactionDurability = "strict";

/** What the database needs injected; everything defaults to the browser's globals. */
export interface WorkflowDatabaseOptions {
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

/**
 * The Dexie database behind the store: typed tables, and every schema version of
 * `schemaVersions` declared in order so Dexie can upgrade a database from any of them.
 */
export class WorkflowDatabase extends Dexie {
  definitions!: Table<DefinitionRow, [string, number]>;
  forms!: Table<FormRow, [string, number]>;
  instances!: Table<InstanceRow, string>;
  tasks!: Table<TaskRow, string>;
  events!: Table<EventRow, [string, number]>;
  drafts!: Table<DraftRow, [string, string]>;
  meta!: Table<MetaRow, string>;

  constructor(name: string, options: WorkflowDatabaseOptions = {}) {
    const dexieOptions: DexieOptions = { chromeTransactionDurability: writeDurability };
    if (options.indexedDB) dexieOptions.indexedDB = options.indexedDB;
    if (options.IDBKeyRange) dexieOptions.IDBKeyRange = options.IDBKeyRange;
    super(name, dexieOptions);
    for (const step of schemaVersions) {
      const version = this.version(step.version).stores(step.stores);
      if (step.upgrade) version.upgrade(step.upgrade);
    }
  }
}
