import type { AuditEvent, InstanceRecord, StoredDefinition, TaskRecord } from "@wf/engine";

// Every row keeps the engine's record untouched in `value` and copies next to it only the
// columns IndexedDB indexes, derived from the record by the functions below. The engine can add
// fields without a migration here, and a migration re-derives the columns from `value`.

/** A stored workflow definition version, keyed by `[id+version]`. */
export interface DefinitionRow {
  id: string;
  version: number;
  value: StoredDefinition;
}

/** The form JSON as storage sees it (contract §5): an id and a version; the rest is `@wf/forms`'. */
export interface FormDocument {
  id: string;
  version: number;
  [key: string]: unknown;
}

/** A stored form version, keyed by `[id+version]`. */
export interface FormRow {
  id: string;
  version: number;
  value: FormDocument;
}

/** A stored case; absent optional columns leave the row out of that (sparse) index. */
export interface InstanceRow {
  id: string;
  version: number;
  definitionId: string;
  status: string;
  subject?: string;
  parentId?: string;
  nextDue?: string;
  value: InstanceRecord;
}

/**
 * `[unit, status, role]`: one "role at an org unit" inbox a task appears in. Status comes before
 * role so that one unit's open tasks (every role) are one contiguous range of the index, and
 * the completed tasks that pile up over the years are never walked by an inbox query.
 */
type SlotKey = [unit: string, status: string, role: string];
/** `[person, status]`: one person's inbox a task appears in. */
type PersonKey = [person: string, status: string];

/**
 * A stored task. `slots` and `people` are multi-entry index columns: a task is in the inbox of
 * its assignee role and of its escalation role, and in the inbox of its named assignee, its
 * claimer and its delegate — the same matching as the engine's `taskMatches`.
 */
export interface TaskRow {
  id: string;
  instanceId: string;
  status: string;
  slots: SlotKey[];
  people: PersonKey[];
  due?: string;
  value: TaskRecord;
}

/**
 * A stored audit event, keyed by `[instanceId+seq]`. `actionKey` carries the unique index that
 * makes actions idempotent: an action's first event gets the bare actionId, any further event of
 * the same commit gets `actionId` NUL `seq`, so one action may still emit several events.
 */
export interface EventRow {
  instanceId: string;
  seq: number;
  actionKey: string;
  value: AuditEvent;
}

/** An autosaved, not yet submitted form of one person on one task. */
export interface DraftRow {
  taskId: string;
  personId: string;
  /** ISO date-time of the last save. */
  savedAt: string;
  values: unknown;
}

/** A small named setting (e.g. the active profile), keyed by `key`. */
export interface MetaRow {
  key: string;
  value: unknown;
}

/** A task row with its index columns derived from the engine's record. */
export function toTaskRow(task: TaskRecord): TaskRow {
  const slots: SlotKey[] = [];
  if ("role" in task.assignee) slots.push([task.assignee.unit, task.status, task.assignee.role]);
  if (task.escalatedTo) slots.push([task.escalatedTo.unit, task.status, task.escalatedTo.role]);
  const people: PersonKey[] = [];
  for (const person of [
    "person" in task.assignee ? task.assignee.person : undefined,
    task.claimedBy,
    task.delegatedTo,
  ]) {
    if (person !== undefined) people.push([person, task.status]);
  }
  const row: TaskRow = {
    id: task.id,
    instanceId: task.instanceId,
    status: task.status,
    slots,
    people,
    value: task,
  };
  if (task.due !== undefined) row.due = task.due;
  return row;
}

/** A case row with its index columns derived from the engine's record. */
export function toInstanceRow(instance: InstanceRecord): InstanceRow {
  const row: InstanceRow = {
    id: instance.id,
    version: instance.version,
    definitionId: instance.definitionId,
    status: instance.status,
    value: instance,
  };
  if (instance.subject !== undefined) row.subject = instance.subject;
  if (instance.parent !== undefined) row.parentId = instance.parent.instanceId;
  if (instance.nextDue !== undefined) row.nextDue = instance.nextDue;
  return row;
}

/** Rows for the events of one commit, giving each action's first event the bare actionId key. */
export function toEventRows(events: readonly AuditEvent[]): EventRow[] {
  const seen = new Set<string>();
  return events.map((event) => {
    const first = !seen.has(event.actionId);
    seen.add(event.actionId);
    const actionKey = first ? event.actionId : `${event.actionId}\u0000${event.seq}`;
    return { instanceId: event.instanceId, seq: event.seq, actionKey, value: event };
  });
}
