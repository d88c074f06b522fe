import type { Actor, LocalizedText, TaskAssignee } from "../store/Store";

/**
 * The machine context: everything a case knows, as plain JSON, so the XState snapshot
 * persists and replays exactly. Open tasks, timers, multi-instance items and join counters
 * live here rather than in spawned actors or `after` delays, which do not replay or restore.
 */
export interface WfContext {
  instanceId: string;
  definitionId: string;
  data: Record<string, unknown>;
  starter: { id: string; unit: string };
  startedAt: string;
  /** Counter for deterministic task and timer ids. */
  seq: number;
  /** Open tasks by id. */
  tasks: Record<string, TaskState>;
  /** Pending timers by id (absolute due times, fired by `tick`). */
  timers: Record<string, TimerState>;
  /** Multi-instance items per step. */
  items: Record<string, ItemState[]>;
  /** Finished branches per parallel step. */
  joins: Record<string, string[]>;
  /** People who completed a task at each step, for separation of duties. */
  actedBy: Record<string, string[]>;
  /** Sub-process links per step. */
  children: Record<string, ChildLink>;
  parent?: { instanceId: string; step: string };
  /** Form versions pinned at the start (ref → version). */
  forms?: Record<string, number>;
  end?: { outcome: string; reason?: LocalizedText };
}

/** An open task. */
export interface TaskState {
  id: string;
  step: string;
  assignee: TaskAssignee;
  /** Index into `items[step]` for multi-instance tasks. */
  item?: number;
  createdAt: string;
  due?: string;
  claimedBy?: string;
  delegatedTo?: string;
  escalatedTo?: { role: string; unit: string };
  remindedAt?: string;
}

/** A pending timer. `remind`/`escalate` belong to a task's deadline; `timeout`/`wait` move the case. */
export interface TimerState {
  id: string;
  kind: "remind" | "escalate" | "timeout" | "wait";
  step: string;
  due: string;
  taskId?: string;
}

/** One item of a multi-instance step and its answer. */
export interface ItemState {
  item: unknown;
  taskId: string;
  outcome?: string;
  by?: string;
  opinion?: string;
  form?: unknown;
  at?: string;
}

/** A sub-process requested or started by a step. */
interface ChildLink {
  definition: string;
  version?: number;
  input: Record<string, unknown>;
  /** Who the child is started as, when the step names a `starter` (else the parent's starter). */
  starter?: { id: string; unit: string };
  wait: boolean;
  instanceId?: string;
  outcome?: string;
}

/** Start input: what `initialTransition` receives, and the payload of the `started` event. */
export interface StartInput {
  instanceId: string;
  definitionId: string;
  data: Record<string, unknown>;
  starter: { id: string; unit: string };
  at: string;
  parent?: { instanceId: string; step: string };
  /** Form versions in force at the start (ref → version), pinned for the case's lifetime. */
  forms?: Record<string, number>;
}

/** Events the compiled machines accept. Every one carries its time, so replay needs no clock. */
export type WfEvent =
  | {
      type: "wf.act";
      taskId: string;
      outcome: string;
      actor: Actor;
      at: string;
      form?: unknown;
      opinion?: string;
    }
  | { type: "wf.claim"; taskId: string; actor: Actor; at: string }
  | { type: "wf.release"; taskId: string; actor: Actor; at: string }
  | { type: "wf.delegate"; taskId: string; actor: Actor; to: string; at: string }
  | { type: "wf.addSigner"; step: string; item: unknown; actor: Actor; at: string }
  | { type: "wf.timer"; timerId: string; at: string }
  | { type: "wf.childStarted"; step: string; childId: string; at: string }
  | { type: "wf.childEnded"; step: string; childId: string; outcome: string; at: string }
  | { type: "wf.cancel"; actor: Actor; at: string; reason?: string };

/** The time of whatever event (or start input) triggered an action. */
export function eventTime(event: unknown): string {
  const e = event as { at?: string; input?: { at?: string } };
  return e.at ?? e.input?.at ?? "";
}
