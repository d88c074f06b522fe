import { ConflictError, type DefinitionSummary, type LocalizedText, type Store } from "@wf/engine";
import { Dexie } from "dexie";
import { type BackupValidator, exportTables, type ImportCounts, importTables } from "./backupTransfer";
import type { BackupData } from "./checkBackup";
import { commitNatively, notifyCommitted } from "./commitNatively";
import { findInstances, findTasks } from "./queries";
import type { DraftRow, FormDocument } from "./rows";
import { currentSchemaVersion } from "./schemaVersions";
import {
  defaultStorageManager,
  estimateUsage,
  type PersistenceResult,
  requestPersistence,
  type StorageManagerPort,
  type UsageEstimate,
} from "./storagePersistence";
import { translateError } from "./translateError";
import { WorkflowDatabase, writeDurability } from "./WorkflowDatabase";

/** Ports and callbacks of `createDexieStore`; only `name` is required. */
export interface DexieStoreOptions {
  /** The IndexedDB database name (one per app, or one per test). */
  name: string;
  /** IndexedDB factory; defaults to the global `indexedDB` (tests inject fake-indexeddb's). */
  indexedDB?: IDBFactory;
  /** Key-range constructor matching `indexedDB`; defaults to the global `IDBKeyRange`. */
  IDBKeyRange?: typeof IDBKeyRange;
  /** `navigator.storage` (the default), for `requestPersistence` and `estimateUsage`; null: none. */
  storage?: StorageManagerPort | null;
  /** Time source for draft and backup timestamps (ISO date-time). */
  clock?: () => string;
  /**
   * Another tab opened a newer schema (a new app version) or deleted the database. The store has
   * already closed itself so that tab can proceed; tell the user to reload. Drafts are on disk.
   */
  onVersionChange?: (change: { oldVersion: number; newVersion: number | null }) => void;
  /** This tab's upgrade waits until other tabs running an older version close or reload. */
  onBlocked?: () => void;
}

/** A draft as loaded back: the form values and when they were saved. */
export interface Draft {
  values: unknown;
  savedAt: string;
}

/** The engine's Store port on IndexedDB, plus what the app needs around it. */
export interface DexieStore extends Store {
  /** Keeps a form version (`@wf/forms` JSON), replacing one with the same id and version. */
  saveForm(form: FormDocument): Promise<void>;
  loadForm(id: string, version: number): Promise<FormDocument | undefined>;
  /** Every stored version of every form, by id then version. */
  listForms(): Promise<FormDocument[]>;
  /** Replaces one person's draft of one task; one small write, meant to follow the (debounced) keystrokes. */
  saveDraft(taskId: string, personId: string, values: unknown): Promise<void>;
  loadDraft(taskId: string, personId: string): Promise<Draft | undefined>;
  /** Call once the task was submitted; a conflict or a full disk should keep the draft instead. */
  deleteDraft(taskId: string, personId: string): Promise<void>;
  /** One person's drafts, e.g. for "continue where you left off". */
  listDrafts(personId: string): Promise<DraftRow[]>;
  /** Deletes drafts saved before `before` (ISO date-time); returns how many. */
  pruneDrafts(before: string): Promise<number>;
  /** A small named setting (e.g. the active profile); undefined when never set. */
  getMeta(key: string): Promise<unknown>;
  setMeta(key: string, value: unknown): Promise<void>;
  /** Asks the browser to keep our data under storage pressure; never throws. */
  requestPersistence(): Promise<PersistenceResult>;
  /** Bytes used and available, when the browser tells; never throws. */
  estimateUsage(): Promise<UsageEstimate>;
  /** Every table as plain JSON, read in one transaction (a consistent snapshot). */
  exportAll(): Promise<BackupData>;
  /**
   * Replaces the whole database with a backup after checking all of it (structure, then
   * `validate`); throws BackupInvalidError and writes nothing on any issue.
   */
  importAll(data: unknown, options?: { validate?: BackupValidator }): Promise<ImportCounts>;
  /** Opens (and if needed upgrades) the database now instead of on first use. */
  open(): Promise<void>;
  /** Closes the connection; later calls reject. */
  close(): void;
  /** The schema version this build opens the database at. */
  readonly schemaVersion: number;
}

/**
 * Creates the IndexedDB store.
 * @example
 * const store = createDexieStore({ name: "wf", onVersionChange: () => showReloadBanner() });
 * const engine = createEngine({ store, ... });
 */
export function createDexieStore(options: DexieStoreOptions): DexieStore {
  const db = new WorkflowDatabase(options.name, options);
  const clock = options.clock ?? (() => new Date().toISOString());
  const storage = options.storage === undefined ? defaultStorageManager() : (options.storage ?? undefined);
  let closedByOtherTab = false;

  // Returning false stops Dexie's default handlers, which would log to the console and let the
  // connection reopen on next use — with an older schema, against a newer app's data.
  db.on("versionchange", (event) => {
    closedByOtherTab = true;
    db.close({ disableAutoOpen: true });
    options.onVersionChange?.({
      oldVersion: event.oldVersion / 10,
      newVersion: event.newVersion === null ? null : event.newVersion / 10,
    });
    return false;
  });
  db.on("blocked", () => {
    options.onBlocked?.();
    return false;
  });

  // The native connection of the hot write path (commit), kept from the first commit on and
  // dropped as soon as Dexie closes it, whatever the reason; the next commit then reconnects.
  let connection: IDBDatabase | undefined;
  db.on("close", () => {
    connection = undefined;
  });
  // An empty Dexie transaction opens the database exactly as any other call would: it auto-opens
  // (and upgrades) on first use, and rejects with DatabaseClosedError after close() or after
  // another tab's upgrade closed us, instead of quietly reopening an old schema.
  async function connect(): Promise<IDBDatabase> {
    await db.transaction("r", db.instances, () => {});
    connection = db.backendDB();
    return connection;
  }

  async function run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw translateError(error, closedByOtherTab);
    }
  }
  const values = <T>(rows: { value: T }[]) => rows.map((r) => r.value);
  const { minKey, maxKey } = Dexie;

  return {
    schemaVersion: currentSchemaVersion,
    open: () => run(async () => void (await db.open())),
    close: () => db.close(),

    loadInstance: (id) => run(async () => (await db.instances.get(id))?.value),
    saveDefinition: (definition) =>
      run(() =>
        db.transaction("rw", db.definitions, async () => {
          const key: [string, number] = [definition.id, definition.version];
          const existing = await db.definitions.get(key);
          if (existing && existing.value.hash !== definition.hash) {
            throw new ConflictError(
              `definition ${definition.id}@${definition.version} is already published with other content; publish it as a new version`,
            );
          }
          if (!existing)
            await db.definitions.add({ id: definition.id, version: definition.version, value: definition });
        }),
      ),
    loadDefinition: (id, version) =>
      run(async () => {
        const row =
          version === undefined
            ? await db.definitions.where("[id+version]").between([id, minKey], [id, maxKey]).last()
            : await db.definitions.get([id, version]);
        return row?.value;
      }),
    listDefinitions: () =>
      run(async () => (await db.definitions.toArray()).map(({ value: d }) => summary(d))),
    saveForm: (form) =>
      run(() => db.forms.put({ id: form.id, version: form.version, value: form }).then(() => {})),
    loadForm: (id, version) => run(async () => (await db.forms.get([id, version]))?.value),
    listForms: () => run(async () => values(await db.forms.toArray())),

    findAction: (actionId) =>
      run(async () => (await db.events.where("actionKey").equals(actionId).first())?.value),
    events: (instanceId) =>
      run(async () =>
        values(
          await db.events
            .where("[instanceId+seq]")
            .between([instanceId, minKey], [instanceId, maxKey])
            .toArray(),
        ),
      ),
    commit: (input) =>
      run(async () => {
        await commitNatively(connection ?? (await connect()), input, writeDurability);
        notifyCommitted(db);
      }),
    queryTasks: (q) => run(() => findTasks(db, q)),
    queryInstances: (q) => run(() => findInstances(db, q)),

    saveDraft: (taskId, personId, draft) =>
      run(() => db.drafts.put({ taskId, personId, values: draft, savedAt: clock() }).then(() => {})),
    loadDraft: (taskId, personId) =>
      run(async () => {
        const row = await db.drafts.get([taskId, personId]);
        return row && { values: row.values, savedAt: row.savedAt };
      }),
    deleteDraft: (taskId, personId) => run(() => db.drafts.delete([taskId, personId])),
    listDrafts: (personId) => run(() => db.drafts.where("personId").equals(personId).toArray()),
    pruneDrafts: (before) => run(() => db.drafts.where("savedAt").below(before).delete()),
    getMeta: (key) => run(async () => (await db.meta.get(key))?.value),
    setMeta: (key, value) => run(() => db.meta.put({ key, value }).then(() => {})),

    requestPersistence: () => requestPersistence(storage),
    estimateUsage: () => estimateUsage(storage),
    exportAll: () => run(() => exportTables(db, clock())),
    importAll: (data, opts) => run(() => importTables(db, data, opts?.validate)),
  };
}

function summary(d: { id: string; version: number; hash: string; definition: unknown }): DefinitionSummary {
  const title = (d.definition as { title?: LocalizedText } | null)?.title ?? { zh: d.id, en: d.id };
  return { id: d.id, version: d.version, hash: d.hash, title };
}
