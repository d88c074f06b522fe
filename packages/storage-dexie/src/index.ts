/**
 * @wf/storage-dexie — the engine's Store port on IndexedDB (through Dexie), plus what the app
 * needs around it: drafts, persistence, quota errors, tab coordination, backup and restore.
 */
export type { BackupValidator, ImportCounts } from "./backupTransfer";
export { type BackupData, backupFormat, checkBackup } from "./checkBackup";
export { createDexieStore, type DexieStore, type DexieStoreOptions, type Draft } from "./createDexieStore";
export { BackupInvalidError, type BackupIssue, StorageFullError, StoreClosedError } from "./errors";
export type { DraftRow, FormDocument } from "./rows";
export { currentSchemaVersion, type SchemaVersion, schemaVersions } from "./schemaVersions";
export type { PersistenceResult, StorageManagerPort, UsageEstimate } from "./storagePersistence";
export { isQuotaError } from "./translateError";
