import {
  type InstanceQuery,
  type InstanceRecord,
  type TaskQuery,
  type TaskRecord,
  taskMatches,
} from "@wf/engine";
import { type Collection, Dexie } from "dexie";
import type { InstanceRow, TaskRow } from "./rows";
import type { WorkflowDatabase } from "./WorkflowDatabase";

// Each query reads one plain key range of the index that narrows it most, then filters in memory
// with the full matching rule (the engine's own `taskMatches` for tasks): the choice of index
// decides speed, never the result. A plain range lets Dexie use IndexedDB's getAll(); a Dexie
// `.filter()` or `.distinct()` would force a cursor, one round trip per row, several times slower
// in Chromium and in fake-indexeddb alike. Multi-entry ranges can meet a row twice (a task
// escalated within the same unit), so rows are de-duplicated by id here.

/** The tasks matching `q`, read through the narrowest index. */
export async function findTasks(db: WorkflowDatabase, q: TaskQuery): Promise<TaskRecord[]> {
  const seen = new Set<string>();
  const out: TaskRecord[] = [];
  for (const row of await taskRange(db, q).toArray()) {
    if (seen.has(row.id) || !taskMatches(row.value, q)) continue;
    seen.add(row.id);
    out.push(row.value);
  }
  return out;
}

/** The cases matching `q`, read through the narrowest index. */
export async function findInstances(db: WorkflowDatabase, q: InstanceQuery): Promise<InstanceRecord[]> {
  const rows = await instanceRange(db, q).toArray();
  return rows.filter((row) => instanceMatches(row.value, q)).map((row) => row.value);
}

// Range bounds for "every key starting with these parts": `[...prefix]` sorts before every longer
// key with that prefix and `[...prefix, []]` after it (arrays sort above strings, numbers and
// dates). The upper bound is a fresh array each time: IndexedDB refuses (DataError) a key that
// holds the same array object twice, such as `[unit, Dexie.maxKey, Dexie.maxKey]`, because
// Dexie's maxKey is one shared `[[]]` wherever IndexedDB supports array keys.
function prefix(...parts: (string | undefined)[]): [unknown[], unknown[]] {
  const known: string[] = [];
  for (const p of parts) {
    if (p === undefined) break;
    known.push(p);
  }
  return [known, [...known, []]];
}

function taskRange(db: WorkflowDatabase, q: TaskQuery): Collection<TaskRow, string> {
  const { minKey } = Dexie;
  const { instanceId, person, unit, role, status, dueBefore } = q;
  let c: Collection<TaskRow, string>;
  if (instanceId !== undefined) {
    c = db.tasks.where("instanceId").equals(instanceId);
  } else if (person !== undefined) {
    // `[person, status]`, or every status of this person.
    const [lower, upper] = prefix(person, status);
    c = db.tasks.where("people").between(lower, upper, true, true);
  } else if (unit !== undefined) {
    // Tuple order is [unit, status, role]: role narrows the range only when status is known too;
    // without a status the range covers every status of the unit.
    const [lower, upper] = prefix(unit, status, role);
    c = db.tasks.where("slots").between(lower, upper, true, true);
  } else if (status !== undefined && dueBefore !== undefined) {
    c = db.tasks.where("[status+due]").between([status, minKey], [status, dueBefore], true, false);
  } else if (status !== undefined) {
    c = db.tasks.where("status").equals(status);
  } else {
    c = db.tasks.toCollection();
  }
  return c;
}

function instanceRange(db: WorkflowDatabase, q: InstanceQuery): Collection<InstanceRow, string> {
  const { definitionId, status, subject, parentId, dueBefore } = q;
  let c: Collection<InstanceRow, string>;
  if (parentId !== undefined) {
    c = db.instances.where("parentId").equals(parentId);
  } else if (subject !== undefined) {
    c = db.instances.where("subject").equals(subject);
  } else if (dueBefore !== undefined) {
    c = db.instances.where("nextDue").belowOrEqual(dueBefore);
  } else if (definitionId !== undefined) {
    const [lower, upper] = prefix(definitionId, status);
    c = db.instances.where("[definitionId+status]").between(lower, upper, true, true);
  } else if (status !== undefined) {
    c = db.instances.where("status").equals(status);
  } else {
    c = db.instances.toCollection();
  }
  return c;
}

/** Whether a case matches a query: the same rules as the engine's MemoryStore. */
function instanceMatches(i: InstanceRecord, q: InstanceQuery): boolean {
  return (
    (q.definitionId === undefined || i.definitionId === q.definitionId) &&
    (q.status === undefined || i.status === q.status) &&
    (q.subject === undefined || i.subject === q.subject) &&
    (q.parentId === undefined || i.parent?.instanceId === q.parentId) &&
    (q.dueBefore === undefined || (i.nextDue !== undefined && i.nextDue <= q.dueBefore))
  );
}
