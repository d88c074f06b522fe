import { dataKey } from "../definition/checkReferences";
import type { StepOf } from "../definition/types";
import type { ItemState, TaskState, TimerState, WfContext, WfEvent } from "../runtime/context";
import { eventTime } from "../runtime/context";
import { setPath, setPathOwned } from "../runtime/setPath";
import { copyIdRecord, idGet, merged, mergedForm, put, withIds } from "../runtime/shapes";
import { writableForm } from "../runtime/writableForm";
import type { CompileServices } from "./CompileServices";

/** A context change made by an action. */
export type Patch = Partial<WfContext>;

// Tasks and timers are keyed by per-case ids: they are built with the idRecord helpers.
function withoutKeys<T>(rec: Record<string, T>, drop: (v: T) => boolean): Record<string, T> {
  return copyIdRecord(rec, drop);
}

/** Create one task (and its deadline/timeout timers) for a user or multi-instance step. */
function newTask(
  s: CompileServices,
  ctx: WfContext,
  stepId: string,
  step: StepOf<"userTask"> | StepOf<"multiTask">,
  seq: number,
  at: string,
  item?: { index: number; value: unknown },
): { task: TaskState; timers: TimerState[] } {
  const id = `${ctx.instanceId}.t${seq}`;
  const scope = s.scope(ctx, item ? { item: item.value } : undefined);
  const task: TaskState = {
    id,
    step: stepId,
    assignee: s.resolveAssignee(step, stepId, scope, at),
    createdAt: at,
  };
  if (item) task.item = item.index;
  const timers: TimerState[] = [];
  if (step.deadline) {
    const due = s.ev.shift(at, step.deadline.after, scope);
    task.due = due;
    if (step.deadline.remind) {
      const remindAt = s.ev.shift(due, step.deadline.remind.before, scope, -1);
      timers.push({ id: `${id}:remind`, kind: "remind", step: stepId, due: remindAt, taskId: id });
    }
    if (step.deadline.escalate)
      timers.push({ id: `${id}:escalate`, kind: "escalate", step: stepId, due, taskId: id });
  }
  if (step.kind === "userTask" && step.timeout) {
    const due = s.ev.shift(at, step.timeout.after, scope);
    timers.push({ id: `${id}:timeout`, kind: "timeout", step: stepId, due, taskId: id });
  }
  return { task, timers };
}

function addTimers(rec: Record<string, TimerState>, timers: TimerState[]): Record<string, TimerState> {
  if (timers.length === 0) return rec;
  return withIds(rec, ...timers.map((t): [string, TimerState] => [t.id, t]));
}

/** Entry of a user task: open its task. */
export function openTask(s: CompileServices, ctx: WfContext, event: unknown, stepId: string): Patch {
  const step = s.step(stepId, "userTask");
  const seq = ctx.seq + 1;
  const { task, timers } = newTask(s, ctx, stepId, step, seq, eventTime(event));
  return { seq, tasks: withIds(ctx.tasks, [task.id, task]), timers: addTimers(ctx.timers, timers) };
}

/** Exit of any step: its open tasks are withdrawn and its timers dropped. */
export function closeStep(ctx: WfContext, stepId: string): Patch {
  return {
    tasks: withoutKeys(ctx.tasks, (t) => t.step === stepId),
    timers: withoutKeys(ctx.timers, (t) => t.step === stepId),
  };
}

/**
 * `actedBy` with `actor` added to the step's list (unchanged if already there). A copy and a store,
 * as `{ ...actedBy, ...{ [step]: list } }` gives the same keys in the same order: that literal with
 * a computed key and the second spread cost twice as much, once per act.
 */
function withActor(
  actedBy: Record<string, string[]>,
  stepId: string,
  actor: string,
): Record<string, string[]> {
  const acted = actedBy[stepId] ?? [];
  if (acted.includes(actor)) return actedBy;
  const out = { ...actedBy };
  put(out, stepId, [...acted, actor]);
  return out;
}

/** Apply an outcome's `set` assignments (they see the submitted form and the actor). */
function applySet(
  s: CompileServices,
  ctx: WfContext,
  data: Record<string, unknown>,
  set: Record<string, string> | undefined,
  extra: Record<string, unknown>,
  at: string,
  /** `data` is already a fresh copy of the context's data, private to this action. */
  owned = false,
): Record<string, unknown> {
  if (set === undefined) return data;
  // Copy the data once, then assign in place: each assignment still sees the ones before it,
  // through the one scope whose `data` is that copy.
  let out: Record<string, unknown> | undefined;
  let scope: ReturnType<CompileServices["scope"]> | undefined;
  for (const key in set) {
    if (!Object.hasOwn(set, key)) continue;
    out ??= owned ? data : merged(data);
    scope ??= s.scope(ctx, extra, out);
    setPathOwned(out, dataKey(key), s.ev.value(set[key]!, scope, at));
  }
  return out ?? data;
}

/** Completing a user task: remember who acted, store the form, apply the outcome's `set`. */
export function recordAct(
  s: CompileServices,
  ctx: WfContext,
  event: WfEvent,
  stepId: string,
  outcome: string,
): Patch {
  if (event.type !== "wf.act") return {};
  const step = s.step(stepId, "userTask");
  let data = ctx.data;
  if (step.form?.into !== undefined && event.form !== undefined && event.form !== null) {
    const key = dataKey(step.form.into);
    const prev = data[key];
    const form = writableForm(step.form, event.form);
    const next =
      typeof prev === "object" && prev !== null && typeof form === "object" && !Array.isArray(form)
        ? mergedForm(prev as object, form as object)
        : form;
    // This action's own copy of the data, from a spread that only ever sees case data (the shared
    // one in setPath sees every shape and is slow); the outcome's `set` writes into it too.
    const own = { ...data };
    setPathOwned(own, key, next);
    data = own;
  }
  const extra = { form: event.form ?? {}, actor: event.actor };
  data = applySet(s, ctx, data, step.outcomes[outcome]?.set, extra, event.at, data !== ctx.data);
  return { data, actedBy: withActor(ctx.actedBy, stepId, event.actor.id) };
}

/** A timeout outcome: apply its `set` as the system. */
export function recordTimeout(
  s: CompileServices,
  ctx: WfContext,
  event: WfEvent,
  stepId: string,
  outcome: string,
): Patch {
  const step = s.step(stepId, "userTask");
  return { data: applySet(s, ctx, ctx.data, step.outcomes[outcome]?.set, { form: {} }, eventTime(event)) };
}

/** Entry of a multi-instance step: evaluate `over` and open one task per item. */
export function openItems(s: CompileServices, ctx: WfContext, event: unknown, stepId: string): Patch {
  const step = s.step(stepId, "multiTask");
  const at = eventTime(event);
  const list = s.ev.value(step.over, s.scope(ctx), at);
  if (!Array.isArray(list))
    throw new Error(`step "${stepId}": "over" gave ${JSON.stringify(list)}, not a list`);
  let seq = ctx.seq;
  const tasks = copyIdRecord(ctx.tasks);
  const timers: TimerState[] = [];
  const items: ItemState[] = [];
  list.forEach((value, index) => {
    seq += 1;
    const made = newTask(s, ctx, stepId, step, seq, at, { index, value });
    tasks[made.task.id] = made.task;
    timers.push(...made.timers);
    items.push({ item: value, taskId: made.task.id });
  });
  return { seq, tasks, timers: addTimers(ctx.timers, timers), items: merged(ctx.items, { [stepId]: items }) };
}

/** One signer answered: record the answer on the item and close that signer's task. */
export function recordItem(ctx: WfContext, event: WfEvent, stepId: string): Patch {
  if (event.type !== "wf.act") return {};
  const task = idGet(ctx.tasks, event.taskId);
  const items = ctx.items[stepId];
  if (!task || task.item === undefined || !items) return {};
  const next = [...items];
  const answer: ItemState = {
    ...items[task.item]!,
    outcome: event.outcome,
    by: event.actor.id,
    at: event.at,
  };
  if (event.opinion !== undefined) answer.opinion = event.opinion;
  if (event.form !== undefined) answer.form = event.form;
  next[task.item] = answer;
  return {
    items: merged(ctx.items, { [stepId]: next }),
    tasks: withoutKeys(ctx.tasks, (t) => t.id === task.id),
    timers: withoutKeys(ctx.timers, (t) => t.taskId === task.id),
    actedBy: withActor(ctx.actedBy, stepId, event.actor.id),
  };
}

/** 加签: a new item (and task) added while the step runs. */
export function addItem(s: CompileServices, ctx: WfContext, event: WfEvent, stepId: string): Patch {
  if (event.type !== "wf.addSigner") return {};
  const step = s.step(stepId, "multiTask");
  const items = ctx.items[stepId] ?? [];
  const seq = ctx.seq + 1;
  const made = newTask(s, ctx, stepId, step, seq, event.at, { index: items.length, value: event.item });
  return {
    seq,
    tasks: withIds(ctx.tasks, [made.task.id, made.task]),
    timers: addTimers(ctx.timers, made.timers),
    items: merged(ctx.items, { [stepId]: [...items, { item: event.item, taskId: made.task.id }] }),
  };
}

/** Leaving a multi-instance step: write the item results to `collect`. */
export function collectItems(s: CompileServices, ctx: WfContext, stepId: string): Patch {
  const step = s.step(stepId, "multiTask");
  if (step.collect === undefined) return {};
  const results = (ctx.items[stepId] ?? []).map((i) => ({
    item: i.item,
    outcome: i.outcome ?? null,
    by: i.by ?? null,
    opinion: i.opinion ?? null,
    form: i.form ?? null,
    at: i.at ?? null,
  }));
  return { data: setPath(ctx.data, dataKey(step.collect), results) };
}
