import type { AuditEvent } from "@wf/engine";
import { type BackupData, backupFormat, checkBackup } from "./checkBackup";
import { BackupInvalidError, type BackupIssue } from "./errors";
import { toEventRows, toInstanceRow, toTaskRow } from "./rows";
import { currentSchemaVersion } from "./schemaVersions";
import type { WorkflowDatabase } from "./WorkflowDatabase";

/**
 * Extra checks an app plugs into `importAll`, run only after the structural checks passed (so it
 * may trust the shapes): e.g. definitions against the definition schema, audit hash chains.
 */
export type BackupValidator = (data: BackupData) => BackupIssue[] | Promise<BackupIssue[]>;

/** How many rows of each table an import wrote. */
export type ImportCounts = Record<keyof BackupData["tables"], number>;

/** Reads every table in one read transaction, so the backup is a consistent snapshot. */
export async function exportTables(db: WorkflowDatabase, exportedAt: string): Promise<BackupData> {
  return db.transaction("r", db.tables, async () => ({
    format: backupFormat,
    schemaVersion: currentSchemaVersion,
    exportedAt,
    tables: {
      definitions: (await db.definitions.toArray()).map((r) => r.value),
      forms: (await db.forms.toArray()).map((r) => r.value),
      instances: (await db.instances.toArray()).map((r) => r.value),
      tasks: (await db.tasks.toArray()).map((r) => r.value),
      events: (await db.events.toArray()).map((r) => r.value),
      drafts: await db.drafts.toArray(),
      meta: await db.meta.toArray(),
    },
  }));
}

/**
 * Replaces the whole database with a backup: every check first (structure, then `validate`),
 * and only when none fails, one read-write transaction that clears and refills every table, so
 * a refused or failing import leaves the database exactly as it was.
 */
export async function importTables(
  db: WorkflowDatabase,
  data: unknown,
  validate: BackupValidator | undefined,
): Promise<ImportCounts> {
  const structural = checkBackup(data);
  if (structural.length > 0) throw new BackupInvalidError(structural);
  const backup = data as BackupData;
  const extra = validate ? await validate(backup) : [];
  if (extra.length > 0) throw new BackupInvalidError(extra);

  const { tables } = backup;
  // Sorted so that each action's first event (in log order) gets the bare actionId key.
  const events = [...tables.events].sort(byCaseAndSeq);
  const keyed = <T extends { id: string; version: number }>(value: T) => ({
    id: value.id,
    version: value.version,
    value,
  });

  await db.transaction("rw", db.tables, async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
    await db.definitions.bulkAdd(tables.definitions.map(keyed));
    await db.forms.bulkAdd(tables.forms.map(keyed));
    await db.instances.bulkAdd(tables.instances.map(toInstanceRow));
    await db.tasks.bulkAdd(tables.tasks.map(toTaskRow));
    await db.events.bulkAdd(toEventRows(events));
    await db.drafts.bulkAdd(tables.drafts);
    await db.meta.bulkAdd(tables.meta);
  });
  return {
    definitions: tables.definitions.length,
    forms: tables.forms.length,
    instances: tables.instances.length,
    tasks: tables.tasks.length,
    events: events.length,
    drafts: tables.drafts.length,
    meta: tables.meta.length,
  };
}

function byCaseAndSeq(a: AuditEvent, b: AuditEvent): number {
  if (a.instanceId !== b.instanceId) return a.instanceId < b.instanceId ? -1 : 1;
  return a.seq - b.seq;
}
