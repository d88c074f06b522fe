import type { CompiledDefinition } from "../compile/compileDefinition";
import type { StepOf } from "../definition/types";
import type { TaskOutcome, TaskRecord } from "../store/Store";
import type { TaskState, WfContext, WfEvent } from "./context";
import { idGet } from "./shapes";

// Outcome lists are the same for every task of a step: build each once and share it
// (records are never mutated), which keeps thousands of stored tasks small.
const outcomeCache = new WeakMap<object, TaskOutcome[]>();
function outcomesOf(step: StepOf<"userTask"> | StepOf<"multiTask">): TaskOutcome[] {
  let list = outcomeCache.get(step);
  if (!list) {
    list = Object.entries(step.outcomes).map(([id, o]) => ({
      id,
      label: o.label,
      opinion: o.opinion ?? "none",
      confirm: o.confirm ?? false,
    }));
    outcomeCache.set(step, list);
  }
  return list;
}

/** Build the queryable task record of an open task from the machine context. */
export function openTaskRecord(
  c: CompiledDefinition,
  ctx: WfContext,
  t: TaskState,
  version: number,
): TaskRecord {
  const step = c.index.byId.get(t.step)?.step;
  if (!step || (step.kind !== "userTask" && step.kind !== "multiTask"))
    throw new Error(`internal: no task step ${t.step}`);
  const outcomes = outcomesOf(step);
  const rec: TaskRecord = {
    id: t.id,
    instanceId: ctx.instanceId,
    definitionId: c.definition.id,
    definitionVersion: version,
    step: t.step,
    kind: step.kind,
    title: step.title ?? { zh: t.step, en: t.step },
    assignee: t.assignee,
    status: "open",
    createdAt: t.createdAt,
    outcomes,
  };
  if (t.item !== undefined) rec.item = ctx.items[t.step]?.[t.item]?.item ?? null;
  if (t.claimedBy !== undefined) rec.claimedBy = t.claimedBy;
  if (t.delegatedTo !== undefined) rec.delegatedTo = t.delegatedTo;
  if (t.escalatedTo !== undefined) rec.escalatedTo = t.escalatedTo;
  if (t.due !== undefined) rec.due = t.due;
  if (t.remindedAt !== undefined) rec.remindedAt = t.remindedAt;
  if (step.form) rec.form = formOf(step.form, ctx.forms?.[step.form.ref]);
  return rec;
}

// The form part of a task record is the same for every task of a step (per pinned form
// version): build it once and share it, like the outcome list.
const formCache = new WeakMap<object, Map<number | undefined, NonNullable<TaskRecord["form"]>>>();
function formOf(
  form: NonNullable<StepOf<"userTask">["form"]>,
  version: number | undefined,
): NonNullable<TaskRecord["form"]> {
  let byVersion = formCache.get(form);
  if (!byVersion) {
    byVersion = new Map();
    formCache.set(form, byVersion);
  }
  let out = byVersion.get(version);
  if (!out) {
    out = {
      ref: form.ref,
      ...(version !== undefined ? { version } : {}),
      permissions: form.fields ?? {},
      default: form.default ?? "editable",
    };
    byVersion.set(version, out);
  }
  return out;
}

/**
 * The task records an action changes: new and changed open tasks, and tasks that left the
 * context — `completed` when this event completed them (an act, or a timeout), else `withdrawn`.
 */
export function taskChanges(
  c: CompiledDefinition,
  before: WfContext,
  after: WfContext,
  event: WfEvent,
  version: number,
): TaskRecord[] {
  const out: TaskRecord[] = [];
  if (before.tasks === after.tasks) return out;
  // Values, not entries: a task is keyed by its own id, and no [id, task] pair per task.
  for (const t of Object.values(after.tasks)) {
    if (idGet(before.tasks, t.id) !== t) out.push(openTaskRecord(c, after, t, version));
  }
  const timer = event.type === "wf.timer" ? idGet(before.timers, event.timerId) : undefined;
  for (const t of Object.values(before.tasks)) {
    const id = t.id;
    if (idGet(after.tasks, id)) continue;
    // A fresh record of our own: its ending is written into it, in the key order the spread
    // `{ ...rec, status, completedAt, ... }` gave (status stays in place, the rest follow).
    const rec = openTaskRecord(c, before, t, version);
    const at = "at" in event ? event.at : "";
    if (event.type === "wf.act" && event.taskId === id) {
      rec.status = "completed";
      rec.completedAt = at;
      rec.completedBy = event.actor.id;
      rec.outcome = event.outcome;
    } else if (timer?.kind === "timeout" && timer.taskId === id) {
      const step = c.index.byId.get(t.step)?.step;
      const outcome = step?.kind === "userTask" ? step.timeout?.outcome : undefined;
      rec.status = "completed";
      rec.completedAt = at;
      rec.completedBy = "system";
      if (outcome) rec.outcome = outcome;
    } else {
      rec.status = "withdrawn";
      rec.completedAt = at;
    }
    out.push(rec);
  }
  return out;
}
