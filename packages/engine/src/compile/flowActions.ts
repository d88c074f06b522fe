import { dataKey } from "../definition/checkReferences";
import type { TimerState, WfContext, WfEvent } from "../runtime/context";
import { eventTime } from "../runtime/context";
import { setPath } from "../runtime/setPath";
import { copyIdRecord, idGet, withIds } from "../runtime/shapes";
import type { LocalizedText } from "../store/Store";
import type { CompileServices } from "./CompileServices";
import type { Patch } from "./taskActions";

/** Entry of an automatic step: evaluate `set` in order (each assignment sees the previous ones). */
export function setData(s: CompileServices, ctx: WfContext, event: unknown, stepId: string): Patch {
  const step = s.step(stepId, "auto");
  if (!step.set) return {};
  const at = eventTime(event);
  let data = ctx.data;
  for (const [key, src] of Object.entries(step.set)) {
    data = setPath(data, dataKey(key), s.ev.value(src, s.scope({ ...ctx, data }), at));
  }
  return { data };
}

/** Entry of a timer step: one absolute due time, fired later by `tick`. */
export function armTimer(s: CompileServices, ctx: WfContext, event: unknown, stepId: string): Patch {
  const step = s.step(stepId, "timer");
  const at = eventTime(event);
  const scope = s.scope(ctx);
  const due = step.after
    ? s.ev.shift(at, step.after, scope)
    : s.ev.instant(s.ev.value(step.until ?? "", scope, at));
  const seq = ctx.seq + 1;
  const id = `${ctx.instanceId}.w${seq}`;
  return { seq, timers: withIds<TimerState>(ctx.timers, [id, { id, kind: "wait", step: stepId, due }]) };
}

/** Entry of a parallel step: no branch has finished yet. */
export function resetJoin(ctx: WfContext, stepId: string): Patch {
  return { joins: { ...ctx.joins, [stepId]: [] } };
}

/** A branch reached its end. */
export function branchDone(ctx: WfContext, stepId: string, branch: string): Patch {
  const done = ctx.joins[stepId] ?? [];
  return done.includes(branch) ? {} : { joins: { ...ctx.joins, [stepId]: [...done, branch] } };
}

/** Entry of a sub-process step: record the request; the engine starts the child and reports back. */
export function requestChild(s: CompileServices, ctx: WfContext, event: unknown, stepId: string): Patch {
  const step = s.step(stepId, "subProcess");
  const at = eventTime(event);
  const input: Record<string, unknown> = {};
  for (const [k, src] of Object.entries(step.input ?? {})) input[k] = s.ev.value(src, s.scope(ctx), at);
  const link = {
    definition: step.definition,
    input,
    wait: step.wait,
    ...(step.version ? { version: step.version } : {}),
    ...(step.starter ? { starter: childStarter(s, ctx, stepId, step.starter, at) } : {}),
  };
  return { children: { ...ctx.children, [stepId]: link } };
}

/** The person and unit a sub-process names as its child's starter; both must be in the directory. */
function childStarter(
  s: CompileServices,
  ctx: WfContext,
  stepId: string,
  starter: { person: string; unit: string },
  at: string,
): { id: string; unit: string } {
  const id = s.ev.value(starter.person, s.scope(ctx), at);
  const unit = s.ev.value(starter.unit, s.scope(ctx), at);
  if (typeof id !== "string" || !s.directory.person(id))
    throw new Error(
      `step "${stepId}": starter person "${starter.person}" gave ${JSON.stringify(id)}, not a known person`,
    );
  if (typeof unit !== "string" || !s.directory.unit(unit))
    throw new Error(
      `step "${stepId}": starter unit "${starter.unit}" gave ${JSON.stringify(unit)}, not a known org unit`,
    );
  return { id, unit };
}

/** The engine started the child case. */
export function linkChild(ctx: WfContext, event: WfEvent): Patch {
  if (event.type !== "wf.childStarted") return {};
  const link = ctx.children[event.step];
  if (!link) return {};
  return { children: { ...ctx.children, [event.step]: { ...link, instanceId: event.childId } } };
}

/** The child case ended: keep its outcome (and copy it into data when asked). */
export function childEnded(s: CompileServices, ctx: WfContext, event: WfEvent): Patch {
  if (event.type !== "wf.childEnded") return {};
  const link = ctx.children[event.step];
  if (!link) return {};
  const patch: Patch = { children: { ...ctx.children, [event.step]: { ...link, outcome: event.outcome } } };
  const entry = s.steps.get(event.step)?.step;
  if (entry?.kind === "subProcess" && entry.outcomeInto !== undefined) {
    patch.data = setPath(ctx.data, dataKey(entry.outcomeInto), event.outcome);
  }
  return patch;
}

/** A top-level end step: the case is over. */
export function endCase(outcome: string, reason: LocalizedText | undefined): Patch {
  return { end: reason ? { outcome, reason } : { outcome }, tasks: {}, timers: {} };
}

/** Claim/release/delegate: change who may act on a task, without moving the case. */
export function taskChange(ctx: WfContext, event: WfEvent): Patch {
  if (event.type !== "wf.claim" && event.type !== "wf.release" && event.type !== "wf.delegate") return {};
  const task = idGet(ctx.tasks, event.taskId);
  if (!task) return {};
  const next = { ...task };
  if (event.type === "wf.claim") next.claimedBy = event.actor.id;
  if (event.type === "wf.release") delete next.claimedBy;
  if (event.type === "wf.delegate") {
    next.delegatedTo = event.to;
    delete next.claimedBy;
  }
  return { tasks: withIds(ctx.tasks, [task.id, next]) };
}

/** A deadline timer fired: remind (mark the task) or escalate (offer it to the escalation role too). */
export function deadlineTimer(s: CompileServices, ctx: WfContext, event: WfEvent): Patch {
  if (event.type !== "wf.timer") return {};
  const timer = idGet(ctx.timers, event.timerId);
  if (!timer || (timer.kind !== "remind" && timer.kind !== "escalate")) return {};
  const timers = copyIdRecord(ctx.timers, (t) => t.id === timer.id);
  const task = timer.taskId === undefined ? undefined : idGet(ctx.tasks, timer.taskId);
  if (!task) return { timers };
  const next = { ...task };
  if (timer.kind === "remind") next.remindedAt = event.at;
  else {
    const step = s.steps.get(task.step)?.step;
    const esc =
      step && (step.kind === "userTask" || step.kind === "multiTask") ? step.deadline?.escalate : undefined;
    if (esc) {
      const item = task.item === undefined ? undefined : ctx.items[task.step]?.[task.item]?.item;
      const scope = s.scope(ctx, item === undefined ? undefined : { item });
      next.escalatedTo = {
        role: esc.role,
        unit: s.resolveUnit(esc.at, scope, event.at, `step "${task.step}" escalation`),
      };
    }
  }
  return { timers, tasks: withIds(ctx.tasks, [task.id, next]) };
}
