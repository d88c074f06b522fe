import { type InstanceQuery, type InstanceRecord, type TaskQuery, taskMatches } from "@wf/engine";
import { type Collection, Dexie } from "dexie";
import type { InstanceRow, TaskRow } from "./rows";
import type { WorkflowDatabase } from "./WorkflowDatabase";

// Each query walks the one index that narrows it most, then filters with the full matching rule
// (the engine's own `taskMatches` for tasks), so the choice of index decides speed, never the
// result. Multi-entry ranges can meet a row twice (a task escalated within the same unit), hence
// `distinct()`.

/** The tasks matching `q`, read through the narrowest index. */
export function taskCollection(db: WorkflowDatabase, q: TaskQuery): Collection<TaskRow, string> {
  const { minKey, maxKey } = Dexie;
  const { instanceId, person, unit, role, status, dueBefore } = q;
  let c: Collection<TaskRow, string>;
  if (instanceId !== undefined) {
    c = db.tasks.where("instanceId").equals(instanceId);
  } else if (person !== undefined) {
    c = db.tasks
      .where("people")
      .between([person, status ?? minKey], [person, status ?? maxKey], true, true)
      .distinct();
  } else if (unit !== undefined) {
    // Tuple order is [unit, role, status]: status narrows the range only when role is known too.
    const s = role === undefined ? undefined : status;
    c = db.tasks
      .where("slots")
      .between([unit, role ?? minKey, s ?? minKey], [unit, role ?? maxKey, s ?? maxKey], true, true)
      .distinct();
  } else if (status !== undefined && dueBefore !== undefined) {
    c = db.tasks.where("[status+due]").between([status, minKey], [status, dueBefore], true, false);
  } else if (status !== undefined) {
    c = db.tasks.where("status").equals(status);
  } else {
    c = db.tasks.toCollection();
  }
  return c.filter((row) => taskMatches(row.value, q));
}

/** The cases matching `q`, read through the narrowest index. */
export function instanceCollection(db: WorkflowDatabase, q: InstanceQuery): Collection<InstanceRow, string> {
  const { minKey, maxKey } = Dexie;
  const { definitionId, status, subject, parentId, dueBefore } = q;
  let c: Collection<InstanceRow, string>;
  if (parentId !== undefined) {
    c = db.instances.where("parentId").equals(parentId);
  } else if (subject !== undefined) {
    c = db.instances.where("subject").equals(subject);
  } else if (dueBefore !== undefined) {
    c = db.instances.where("nextDue").belowOrEqual(dueBefore);
  } else if (definitionId !== undefined) {
    c = db.instances
      .where("[definitionId+status]")
      .between([definitionId, status ?? minKey], [definitionId, status ?? maxKey], true, true);
  } else if (status !== undefined) {
    c = db.instances.where("status").equals(status);
  } else {
    c = db.instances.toCollection();
  }
  return c.filter((row) => instanceMatches(row.value, q));
}

/** Whether a case matches a query: the same rules as the engine's MemoryStore. */
export function instanceMatches(i: InstanceRecord, q: InstanceQuery): boolean {
  return (
    (q.definitionId === undefined || i.definitionId === q.definitionId) &&
    (q.status === undefined || i.status === q.status) &&
    (q.subject === undefined || i.subject === q.subject) &&
    (q.parentId === undefined || i.parent?.instanceId === q.parentId) &&
    (q.dueBefore === undefined || (i.nextDue !== undefined && i.nextDue <= q.dueBefore))
  );
}
