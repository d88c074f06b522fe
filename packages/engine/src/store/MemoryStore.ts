import { ConflictError } from "../errors";
import type {
  AuditEvent,
  Commit,
  DefinitionSummary,
  InstanceQuery,
  InstanceRecord,
  Store,
  StoredDefinition,
  TaskQuery,
  TaskRecord,
} from "./Store";

/** What the store keeps of one case; replaced or appended to only by `commit`. */
interface CaseEntry {
  instance: InstanceRecord | undefined;
  /** The audit log in `seq` order, an exact-size array (most cases are short). */
  log: AuditEvent[];
  /** The case's task records, in the order they were first written. */
  tasks: TaskRecord[];
  /** Positions in `tasks` by id, once a case has more tasks than a scan finds quickly. */
  byId: Map<string, number> | undefined;
}

// A case with more tasks than this (a multi-instance step over many items) gets an index.
const SCAN_LIMIT = 16;

/**
 * The in-memory {@link Store}: for tests, the CLI and embedding. Records are kept by reference
 * (the engine builds new objects for every action and never mutates a committed one), which
 * keeps a 10,000-case benchmark free of copying.
 *
 * Everything of a case (record, log, tasks) sits in one entry, so a commit finds it with one
 * lookup and a task replaces its predecessor within its case's few tasks, rather than in
 * store-wide tables that grow with every case. A task belongs to the case its `instanceId` names.
 *
 * @example
 * const engine = createEngine({ store: new MemoryStore(), ... });
 */
export class MemoryStore implements Store {
  private readonly definitions = new Map<string, StoredDefinition>();
  private readonly cases = new Map<string, CaseEntry>();
  private readonly actions = new Map<string, AuditEvent>();

  async saveDefinition(definition: StoredDefinition): Promise<void> {
    const key = `${definition.id}@${definition.version}`;
    const existing = this.definitions.get(key);
    if (existing && existing.hash !== definition.hash) {
      throw new ConflictError(
        `definition ${key} is already published with other content; publish it as a new version`,
      );
    }
    if (!existing) this.definitions.set(key, definition);
  }

  async loadDefinition(id: string, version?: number): Promise<StoredDefinition | undefined> {
    if (version !== undefined) return this.definitions.get(`${id}@${version}`);
    let best: StoredDefinition | undefined;
    for (const d of this.definitions.values()) {
      if (d.id === id && (!best || d.version > best.version)) best = d;
    }
    return best;
  }

  async listDefinitions(): Promise<DefinitionSummary[]> {
    return [...this.definitions.values()].map((d) => ({
      id: d.id,
      version: d.version,
      hash: d.hash,
      title: (d.definition as { title: DefinitionSummary["title"] }).title,
    }));
  }

  async loadInstance(id: string): Promise<InstanceRecord | undefined> {
    return this.loadInstanceNow(id);
  }

  async findAction(actionId: string): Promise<AuditEvent | undefined> {
    return this.findActionNow(actionId);
  }

  async commit(commit: Commit): Promise<void> {
    this.commitNow(commit);
  }

  // The calls every action makes, answered at once: the engine skips a promise per call.

  loadInstanceNow(id: string): InstanceRecord | undefined {
    return this.cases.get(id)?.instance;
  }

  findActionNow(actionId: string): AuditEvent | undefined {
    return this.actions.get(actionId);
  }

  commitNow(commit: Commit): void {
    // Check everything before writing anything: a refused commit leaves no trace.
    const { instance, expectedVersion, events, tasks } = commit;
    const found = this.cases.get(instance.id);
    const storedVersion = found?.instance?.version ?? 0;
    if (storedVersion !== expectedVersion) {
      throw new ConflictError(
        `instance ${instance.id} is at version ${storedVersion}, not ${expectedVersion}; reload it and try again`,
      );
    }
    for (const e of events) {
      if (this.actions.has(e.actionId)) {
        throw new ConflictError(`action ${e.actionId} was already applied`);
      }
    }
    const entry = found ?? this.entry(instance.id);
    entry.instance = instance;
    entry.log = appended(entry.log, events);
    for (const e of events) this.actions.set(e.actionId, e);
    for (const t of tasks) placeTask(t.instanceId === instance.id ? entry : this.entry(t.instanceId), t);
  }

  async events(instanceId: string): Promise<AuditEvent[]> {
    return [...(this.cases.get(instanceId)?.log ?? [])];
  }

  async queryTasks(q: TaskQuery): Promise<TaskRecord[]> {
    const out: TaskRecord[] = [];
    // One case's tasks when the query names it; else every case's.
    const entries = q.instanceId === undefined ? this.cases.values() : [this.cases.get(q.instanceId)];
    for (const entry of entries) {
      if (entry) for (const t of entry.tasks) if (taskMatches(t, q)) out.push(t);
    }
    return out;
  }

  async queryInstances(q: InstanceQuery): Promise<InstanceRecord[]> {
    const out: InstanceRecord[] = [];
    for (const { instance: i } of this.cases.values()) {
      if (i === undefined) continue;
      if (q.definitionId !== undefined && i.definitionId !== q.definitionId) continue;
      if (q.status !== undefined && i.status !== q.status) continue;
      if (q.subject !== undefined && i.subject !== q.subject) continue;
      if (q.parentId !== undefined && i.parent?.instanceId !== q.parentId) continue;
      if (q.dueBefore !== undefined && (i.nextDue === undefined || i.nextDue > q.dueBefore)) continue;
      out.push(i);
    }
    return out;
  }

  /**
   * Test hook: replace a stored audit event (or remove it with `undefined`) without the
   * engine's checks, to prove that `verify` notices tampering.
   */
  tamper(instanceId: string, edit: (log: AuditEvent[]) => AuditEvent[]): void {
    const entry = this.entry(instanceId);
    entry.log = edit([...entry.log]);
  }

  /** The entry of a case, made empty on first use. */
  private entry(instanceId: string): CaseEntry {
    let entry = this.cases.get(instanceId);
    if (!entry) {
      entry = { instance: undefined, log: [], tasks: [], byId: undefined };
      this.cases.set(instanceId, entry);
    }
    return entry;
  }
}

/** Insert a task record into its case, or replace the one with its id. */
function placeTask(entry: CaseEntry, t: TaskRecord): void {
  const list = entry.tasks;
  let at = -1;
  if (list.length <= SCAN_LIMIT) {
    for (let i = 0; i < list.length && at < 0; i++) if (list[i]!.id === t.id) at = i;
  } else {
    if (!entry.byId) {
      entry.byId = new Map();
      for (let i = 0; i < list.length; i++) entry.byId.set(list[i]!.id, i);
    }
    at = entry.byId.get(t.id) ?? -1;
  }
  if (at >= 0) {
    list[at] = t;
    return;
  }
  entry.byId?.set(t.id, list.length);
  entry.tasks = appended(list, [t]);
}

/** `list` with `more` after it, as a new array of exactly that size (a pushed-to array keeps spare room). */
function appended<T>(list: T[], more: T[]): T[] {
  const out = new Array<T>(list.length + more.length);
  for (let i = 0; i < list.length; i++) out[i] = list[i]!;
  for (let i = 0; i < more.length; i++) out[list.length + i] = more[i]!;
  return out;
}

/** Whether a task matches a query; shared so other stores can reuse the semantics. */
export function taskMatches(t: TaskRecord, q: TaskQuery): boolean {
  if (q.instanceId !== undefined && t.instanceId !== q.instanceId) return false;
  if (q.status !== undefined && t.status !== q.status) return false;
  if (q.dueBefore !== undefined && (t.due === undefined || t.due >= q.dueBefore)) return false;
  if (q.person !== undefined) {
    const a = t.assignee;
    const isPerson = "person" in a && a.person === q.person;
    if (!isPerson && t.claimedBy !== q.person && t.delegatedTo !== q.person) return false;
  }
  if (q.unit !== undefined || q.role !== undefined) {
    const pairs: { role: string; unit: string }[] = [];
    if ("role" in t.assignee) pairs.push(t.assignee);
    if (t.escalatedTo) pairs.push(t.escalatedTo);
    const hit = pairs.some(
      (p) => (q.unit === undefined || p.unit === q.unit) && (q.role === undefined || p.role === q.role),
    );
    if (!hit) return false;
  }
  return true;
}
