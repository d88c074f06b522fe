import type { HolidayCalendar } from "@wf/expr";
import type { ValidationContext } from "../definition/checkReferences";
import type { ValidationIssue } from "../errors";
import type { FormValidator, OrgDirectory } from "../ports";
import type { Actor, InstanceRecord, Store, TaskRecord } from "../store/Store";

/** What `createEngine` needs. Every source of time, ids and data is injected, for exact replay. */
export interface EngineOptions {
  /** Definitions (JSON) to publish before the first call; more can be published with `publish`. */
  definitions?: unknown[];
  store: Store;
  directory: OrgDirectory;
  /** Validates form data at tasks with a `form`; without it forms are not checked. */
  forms?: FormValidator;
  /** Current time as an ISO date-time with offset. */
  clock: () => string;
  /** New instance ids. */
  ids: () => string;
  /** Holiday calendars by id (or as a list), for working days. */
  calendars?: HolidayCalendar[] | Record<string, HolidayCalendar>;
  /** Hash function for definitions and the audit chain; by default a synchronous SHA-256 (`sha256HexBest`: Node's native one, else pure JS; the same hex as Web Crypto). */
  hash?: (text: string) => Promise<string>;
  /** What definitions may refer to (known forms, definitions, roles) for load-time checks. */
  validation?: ValidationContext;
  /** Local offset from UTC in minutes for dates and working days; default 480 (China). */
  utcOffsetMinutes?: number;
}

/** An instance as the API returns it: the stored record, its open tasks, and notices of the last action. */
export interface Instance extends InstanceRecord {
  tasks: TaskRecord[];
  /** Non-blocking rule results (`warn`/`info`) of the action that returned this instance. */
  notices: ValidationIssue[];
}

/** Start a case. */
export interface StartRequest {
  definitionId: string;
  /** A published version; the latest when omitted. */
  version?: number;
  actor: Actor;
  data?: Record<string, unknown>;
  actionId: string;
}

/** Complete a task with an outcome. */
export interface ActRequest {
  taskId: string;
  actor: Actor;
  outcome: string;
  formData?: unknown;
  opinion?: string;
  actionId: string;
  /** The instance version the person saw; a different current version is a ConflictError. */
  expectedVersion: number;
}

/** Claim, release or delegate a task. */
export interface TaskRequest {
  taskId: string;
  actor: Actor;
  actionId: string;
  expectedVersion?: number;
}

/** Add a signer (an item) to a running multi-instance step. */
export interface AddSignerRequest {
  instanceId: string;
  step: string;
  /** The new item, e.g. a department unit id. */
  item: unknown;
  actor: Actor;
  actionId: string;
  expectedVersion?: number;
}

/** Cancel a running case. */
export interface CancelRequest {
  instanceId: string;
  actor: Actor;
  reason?: string;
  actionId: string;
  expectedVersion?: number;
}

/** One timer fired by `tick`. */
export interface FiredTimer {
  instanceId: string;
  timerId: string;
  kind: "remind" | "escalate" | "timeout" | "wait";
  step: string;
  /** Set when the timer could not be applied (e.g. an escalation unit that cannot be resolved); it stays pending. */
  error?: string;
}
