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

/**
 * The in-memory {@link Store}: for tests, the CLI and embedding. Records are kept by reference
 * (the engine builds new objects for every action and never mutates a committed one), which
 * keeps a 10,000-case benchmark free of copying.
 *
 * @example
 * const engine = createEngine({ store: new MemoryStore(), ... });
 */
export class MemoryStore implements Store {
  private readonly definitions = new Map<string, StoredDefinition>();
  private readonly instances = new Map<string, InstanceRecord>();
  private readonly logs = new Map<string, AuditEvent[]>();
  private readonly actions = new Map<string, AuditEvent>();
  private readonly tasks = new Map<string, TaskRecord>();

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
    return this.instances.get(id);
  }

  async findAction(actionId: string): Promise<AuditEvent | undefined> {
    return this.actions.get(actionId);
  }

  async commit(commit: Commit): Promise<void> {
    // Check everything before writing anything: a refused commit leaves no trace.
    const { instance, expectedVersion, events, tasks } = commit;
    const stored = this.instances.get(instance.id);
    const storedVersion = stored?.version ?? 0;
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
    this.instances.set(instance.id, instance);
    // An exact-size copy per commit: a pushed-to array keeps spare room, and most cases are short.
    this.logs.set(instance.id, (this.logs.get(instance.id) ?? []).concat(events));
    for (const e of events) this.actions.set(e.actionId, e);
    for (const t of tasks) this.tasks.set(t.id, t);
  }

  async events(instanceId: string): Promise<AuditEvent[]> {
    return [...(this.logs.get(instanceId) ?? [])];
  }

  async queryTasks(q: TaskQuery): Promise<TaskRecord[]> {
    const out: TaskRecord[] = [];
    for (const t of this.tasks.values()) if (taskMatches(t, q)) out.push(t);
    return out;
  }

  async queryInstances(q: InstanceQuery): Promise<InstanceRecord[]> {
    const out: InstanceRecord[] = [];
    for (const i of this.instances.values()) {
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
    this.logs.set(instanceId, edit([...(this.logs.get(instanceId) ?? [])]));
  }
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
