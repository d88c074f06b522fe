/**
 * The storage port. The engine never touches a database itself: it hands one atomic
 * {@link Commit} per action to a Store. The in-memory store ships with the engine; the Dexie
 * store in `@wf/storage-dexie` implements the same interface for the browser.
 *
 * Every record here is plain JSON (no Dates, no class instances), so a store may keep it
 * as-is in IndexedDB or send it to a server.
 */

/** Text in both product languages. */
export interface LocalizedText {
  zh: string;
  en: string;
}

/** Who performs an action: a person acting in one org unit, with the roles they hold there. */
export interface Actor {
  id: string;
  unit: string;
  roles: string[];
}

/** A published definition version. `(id, version)` is immutable once saved. */
export interface StoredDefinition {
  id: string;
  version: number;
  /** SHA-256 (hex) of the canonical JSON of `definition`. */
  hash: string;
  /** The definition JSON as published (validated). */
  definition: unknown;
  publishedAt: string;
}

/** One line of {@link Store.listDefinitions}. */
export interface DefinitionSummary {
  id: string;
  version: number;
  hash: string;
  title: LocalizedText;
}

/** Lifecycle of a case. */
export type InstanceStatus = "running" | "completed" | "cancelled";

/** A case: XState persisted snapshot plus the fields stores index and screens show. */
export interface InstanceRecord {
  id: string;
  definitionId: string;
  definitionVersion: number;
  /** Content hash of the definition version the case runs on; never changes for a running case. */
  definitionHash: string;
  /** Incremented by one per committed action; `act` must name it as `expectedVersion`. */
  version: number;
  status: InstanceStatus;
  /** Ids of the steps currently active (several inside parallel branches). */
  steps: string[];
  /** End outcome code (`end` step `outcome`, or `"cancelled"`). */
  outcome?: string;
  reason?: LocalizedText;
  /** Case data (also inside the snapshot; copied here for queries and screens). */
  data: Record<string, unknown>;
  /** Person the case is about (the definition's `subject` expression), if any. */
  subject?: string;
  startedAt: string;
  startedBy: { id: string; unit: string };
  updatedAt: string;
  endedAt?: string;
  /** Earliest pending timer due time; `tick(now)` looks for instances with `nextDue <= now`. */
  nextDue?: string;
  /** The parent case, when this one was started by a `subProcess` step. */
  parent?: { instanceId: string; step: string };
  /** Child cases started by this one's `subProcess` steps. */
  children: { instanceId: string; step: string }[];
  /**
   * The form versions pinned when the case started (form ref → version): the case validates and
   * shows these versions, whatever is published later. Absent for cases started without a
   * FormValidator that reports versions (they use the latest).
   */
  forms?: Record<string, number>;
  /** `hash` and `seq` of the last audit event, so the next one can chain to it. */
  lastHash: string;
  lastSeq: number;
  /** The XState persisted snapshot (JSON). Opaque to stores. */
  snapshot: unknown;
}

/** Who a task is offered to. */
export type TaskAssignee = { role: string; unit: string } | { person: string };

/** Lifecycle of a task: `withdrawn` means its step was left without it being completed. */
export type TaskStatus = "open" | "completed" | "withdrawn";

/** An outcome button of a task, as a screen shows it. */
export interface TaskOutcome {
  id: string;
  label: LocalizedText;
  opinion: "none" | "optional" | "required";
  confirm: boolean;
}

/** A work item for people: one per user task, one per item of a multi-instance task. */
export interface TaskRecord {
  id: string;
  instanceId: string;
  definitionId: string;
  definitionVersion: number;
  step: string;
  kind: "userTask" | "multiTask";
  title: LocalizedText;
  assignee: TaskAssignee;
  /** The multi-instance item this task is for (e.g. a department unit id). */
  item?: unknown;
  claimedBy?: string;
  /** Person the task was delegated to; they may act as if they held the assignee's role. */
  delegatedTo?: string;
  /** After a missed deadline, this role at this unit may act on the task too. */
  escalatedTo?: { role: string; unit: string };
  status: TaskStatus;
  createdAt: string;
  due?: string;
  remindedAt?: string;
  completedAt?: string;
  completedBy?: string;
  outcome?: string;
  /** The step's form: `version` is the one pinned for the case (absent: the latest). */
  form?: { ref: string; version?: number; permissions: Record<string, string>; default: string };
  outcomes: TaskOutcome[];
}

/** One entry of the append-only, hash-chained audit log. Self-contained and idempotent by `actionId`. */
export interface AuditEvent {
  /** 1-based position in the instance's log. */
  seq: number;
  instanceId: string;
  /** Client-made id; a retried action with the same id is applied once. Unique across a store. */
  actionId: string;
  /** `started`, `acted`, `claimed`, `released`, `delegated`, `signerAdded`, `timer`, `childStarted`, `childEnded`, `cancelled`. */
  type: string;
  at: string;
  /** Person id, or `"system"` for timers and engine-made events. */
  actor: string;
  unit: string;
  /** Step the event concerns (the first active step for engine-wide events). */
  step: string;
  outcome?: string;
  opinion?: string;
  /** The change to case data (top-level keys that changed, with their new values). */
  data?: Record<string, unknown>;
  /** The machine event (or start input) this entry applied; replay folds these. */
  payload: Record<string, unknown>;
  /** Instance version the action was made against (0 for `started`). */
  baseVersion: number;
  /** Hash of the previous event (`""` for the first). */
  prevHash: string;
  /** SHA-256 hex of the canonical JSON of every other field. */
  hash: string;
}

/** Everything one action writes; a store applies all of it or nothing. */
export interface Commit {
  /** The instance after the action (its `version` is `expectedVersion + 1`). */
  instance: InstanceRecord;
  /** Version the action was computed against; 0 for a new instance. */
  expectedVersion: number;
  /** Audit events to append (their `seq` continue the instance's log). */
  events: AuditEvent[];
  /** Task records to insert or replace (by `id`). */
  tasks: TaskRecord[];
}

/** Filter for {@link Store.queryTasks}; every given field must match. */
export interface TaskQuery {
  instanceId?: string;
  /** Matches the assignee unit, or the escalation unit. */
  unit?: string;
  /** Matches the assignee role, or the escalation role (with `unit`, the same pair). */
  role?: string;
  /** Matches a person assignee, the claimer or the delegate. */
  person?: string;
  status?: TaskStatus;
  /** Only tasks with a `due` strictly before this time. */
  dueBefore?: string;
}

/** Filter for {@link Store.queryInstances}; every given field must match. */
export interface InstanceQuery {
  definitionId?: string;
  status?: InstanceStatus;
  subject?: string;
  parentId?: string;
  /** Only instances whose `nextDue` is at or before this time. */
  dueBefore?: string;
}

/** The storage port. All methods are async so IndexedDB and network stores fit. */
export interface Store {
  /** Keep a definition version; saving an existing `(id, version)` with another hash must reject. */
  saveDefinition(definition: StoredDefinition): Promise<void>;
  /** A definition version; the highest version when `version` is omitted. */
  loadDefinition(id: string, version?: number): Promise<StoredDefinition | undefined>;
  /** Every stored version of every definition. */
  listDefinitions(): Promise<DefinitionSummary[]>;
  loadInstance(id: string): Promise<InstanceRecord | undefined>;
  /** The audit event an action id produced, if that action was already applied. */
  findAction(actionId: string): Promise<AuditEvent | undefined>;
  /**
   * Apply one action atomically. Rejects with `ConflictError` (from `@wf/engine`) and writes
   * nothing when the stored instance version is not `expectedVersion` (or when
   * `expectedVersion` is 0 and the instance exists), or when an event's `actionId` is already
   * stored.
   */
  commit(commit: Commit): Promise<void>;
  /** An instance's audit log in `seq` order. */
  events(instanceId: string): Promise<AuditEvent[]>;
  queryTasks(query: TaskQuery): Promise<TaskRecord[]>;
  queryInstances(query: InstanceQuery): Promise<InstanceRecord[]>;
  /**
   * Optional: {@link Store.loadInstance} answered at once, by a store that holds its data in
   * memory. The engine then calls it instead, without a promise and a turn of the microtask
   * queue. The same goes for `findActionNow` and `commitNow` (which throws what `commit` rejects
   * with); each must behave exactly as its async twin (checkStoreContract checks both).
   */
  loadInstanceNow?(id: string): InstanceRecord | undefined;
  /** Optional: {@link Store.findAction} answered at once (see `loadInstanceNow`). */
  findActionNow?(actionId: string): AuditEvent | undefined;
  /** Optional: {@link Store.commit} done at once; throws where `commit` rejects (see `loadInstanceNow`). */
  commitNow?(commit: Commit): void;
}
