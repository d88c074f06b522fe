import type { FileStorage } from "@wf/forms/react";
import Dexie, { type EntityTable } from "dexie";
import type { RestoredFile } from "./fileBackup.ts";

/** An attachment kept in this browser: the file itself and what forms record about it. */
interface StoredFile {
  id: string;
  name: string;
  type: string;
  size: number;
  blob: Blob;
  savedAt: string;
}

/**
 * Attachments live in their own IndexedDB database, beside the workflow store: forms keep only
 * a reference (`{ id, name, size, type }`), so case data and the audit log stay small JSON, and
 * the files are there offline.
 */
class FileDatabase extends Dexie {
  files!: EntityTable<StoredFile, "id">;
  constructor(name: string, indexedDB?: IDBFactory, keyRange?: typeof IDBKeyRange) {
    super(name, {
      ...(indexedDB ? { indexedDB } : {}),
      ...(keyRange ? { IDBKeyRange: keyRange } : {}),
      chromeTransactionDurability: "strict",
    });
    this.version(1).stores({ files: "id" });
  }
}

/** The attachment store of the app, and how forms reach it. */
export interface AppFileStore extends FileStorage {
  /** The stored file, to open or download it. */
  get(id: string): Promise<StoredFile | undefined>;
  /** Every stored file, for a backup. */
  all(): Promise<StoredFile[]>;
  /**
   * The first half of a restore: writes the backup's files (under their own ids, which the
   * hashed audit log refers to) in one transaction, keeping whatever they overwrite. The caller
   * then writes the tables and either `commit`s (files not in the backup are deleted) or
   * `rollback`s (the written files are removed and the overwritten ones put back).
   */
  stage(files: readonly RestoredFile[]): Promise<StagedFiles>;
  close(): void;
}

interface StagedFiles {
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

/** Opens the attachment store; `url` gives a link that opens the file from this browser. */
export function createFileStore(
  options: {
    name?: string;
    indexedDB?: IDBFactory;
    IDBKeyRange?: typeof IDBKeyRange;
    clock?: () => string;
  } = {},
): AppFileStore {
  const db = new FileDatabase(options.name ?? "wf-files", options.indexedDB, options.IDBKeyRange);
  const clock = options.clock ?? (() => new Date().toISOString());
  return {
    async put(file) {
      const id = crypto.randomUUID();
      await db.files.add({
        id,
        name: file.name,
        type: file.type,
        size: file.size,
        blob: file,
        savedAt: clock(),
      });
      return { id, name: file.name, size: file.size, type: file.type };
    },
    url: (ref) => `#/file/${encodeURIComponent(ref.id)}`,
    get: (id) => db.files.get(id),
    all: () => db.files.toArray(),
    async stage(files) {
      const ids = files.map((f) => f.id);
      const replaced = await db.transaction("rw", db.files, async () => {
        const before = (await db.files.bulkGet(ids)).filter((f): f is StoredFile => f !== undefined);
        await db.files.bulkPut(files.map((f) => ({ ...f })));
        return before;
      });
      const kept = new Set(ids);
      return {
        async commit() {
          await db.transaction("rw", db.files, async () => {
            const stale = (await db.files.toCollection().primaryKeys()).filter((id) => !kept.has(id));
            await db.files.bulkDelete(stale);
          });
        },
        async rollback() {
          await db.transaction("rw", db.files, async () => {
            await db.files.bulkDelete(ids);
            await db.files.bulkPut(replaced);
          });
        },
      };
    },
    close: () => db.close(),
  };
}
