import type { Transaction } from "dexie";
import { type InstanceRow, type TaskRow, toInstanceRow, toTaskRow } from "./rows";

/** One step of the schema history: the Dexie store specs of that version and how to get there. */
export interface SchemaVersion {
  version: number;
  /** Dexie `stores()` specs; a table left out keeps its previous spec. */
  stores: Record<string, string>;
  /** What changed, for the README and for whoever writes the next version. */
  note: string;
  /** Rewrites rows written by the previous version; runs inside Dexie's upgrade transaction. */
  upgrade?: (tx: Transaction) => Promise<void>;
}

/**
 * Every schema this package has shipped, oldest first. Never edit a published entry: browsers
 * hold databases of each version, and Dexie replays the upgrades in order from whatever version
 * it finds. Add a new entry instead, and a test that opens a database of the previous one.
 */
export const schemaVersions: readonly SchemaVersion[] = [
  {
    version: 1,
    note: "first schema, from contract §4: flat task columns (assignee unit/role, person, dueAt)",
    stores: {
      definitions: "[id+version]",
      forms: "[id+version]",
      instances: "id, definitionId, status, [definitionId+status]",
      tasks: "id, instanceId, [unit+role+status], [assignee+status], [status+dueAt]",
      events: "[instanceId+seq], &actionKey",
      drafts: "[taskId+personId], personId",
      meta: "key",
    },
  },
  {
    version: 2,
    note:
      "inboxes follow escalation and delegation: tasks get multi-entry *slots [unit,status,role] and " +
      "*people [person,status] and [status+due]; cases get subject, parentId and nextDue (for tick); " +
      "drafts get savedAt (to prune stale drafts)",
    stores: {
      // [definitionId+status] also serves definitionId alone, as a prefix range.
      instances: "id, status, [definitionId+status], subject, parentId, nextDue",
      // *slots: "my role at my org unit", and by prefix one unit's open tasks; *people: "mine";
      // [status+due]: overdue lists and deadline sweeps.
      tasks: "id, instanceId, status, *slots, *people, [status+due]",
      drafts: "[taskId+personId], personId, savedAt",
    },
    upgrade: rederiveColumns,
  },
];

/** The version a database opened by this package ends up at. */
export const currentSchemaVersion: number = schemaVersions[schemaVersions.length - 1]?.version ?? 0;

// Index columns are pure functions of the stored record (`value`), so an upgrade recomputes them
// with today's derivation and replaces the row: stale columns of the old version go with it.
// Dexie builds the new indexes from the rewritten rows when the upgrade transaction commits.
async function rederiveColumns(tx: Transaction): Promise<void> {
  await tx
    .table<TaskRow>("tasks")
    .toCollection()
    .modify((row, ref) => {
      ref.value = toTaskRow(row.value);
    });
  await tx
    .table<InstanceRow>("instances")
    .toCollection()
    .modify((row, ref) => {
      ref.value = toInstanceRow(row.value);
    });
}
