import type { FileStorage } from "@wf/forms/react";
import Dexie, { type EntityTable } from "dexie";

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
  close(): void;
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
    close: () => db.close(),
  };
}
