import type { WfContext, WfEvent } from "../runtime/context";
import { eventTime } from "../runtime/context";
import { idGet } from "../runtime/shapes";
import type { CompileServices } from "./CompileServices";

/** A named guard: whether a transition is enabled for a context and event, given its static params. */
export type Guard = (
  args: { context: WfContext; event: WfEvent },
  params: Record<string, unknown>,
) => boolean;

/** Counts of a multi-instance step's answers. */
function tally(s: CompileServices, ctx: WfContext, stepId: string) {
  const step = s.step(stepId, "multiTask");
  const items = ctx.items[stepId] ?? [];
  const answered = items.filter((i) => i.outcome !== undefined);
  const veto = step.veto?.outcome;
  const vetoes = veto === undefined ? 0 : answered.filter((i) => i.outcome === veto).length;
  const approving = (o: string | undefined) => (step.approve ? step.approve.includes(o ?? "") : o !== veto);
  const passed = answered.filter((i) => approving(i.outcome)).length;
  return { step, total: items.length, answered: answered.length, passed, vetoes };
}

/**
 * The named guards every compiled machine uses. Each takes static params from the JSON config
 * (step id, outcome, expression source), so a machine config stays plain JSON.
 */
export function createGuards(s: CompileServices): Record<string, Guard> {
  return {
    isOutcome: ({ context, event }, p) =>
      event.type === "wf.act" &&
      event.outcome === p.outcome &&
      idGet(context.tasks, event.taskId)?.step === p.step,
    isTimer: ({ context, event }, p) => {
      if (event.type !== "wf.timer") return false;
      const t = idGet(context.timers, event.timerId);
      return t !== undefined && t.step === p.step && t.kind === p.kind;
    },
    isDeadlineTimer: ({ context, event }) => {
      if (event.type !== "wf.timer") return false;
      const kind = idGet(context.timers, event.timerId)?.kind;
      return kind === "remind" || kind === "escalate";
    },
    expr: ({ context, event }, p) => s.ev.test(String(p.src), s.scope(context), eventTime(event)),
    isItemAct: ({ context, event }, p) => {
      if (event.type !== "wf.act") return false;
      const task = idGet(context.tasks, event.taskId);
      return task !== undefined && task.step === p.step && task.item !== undefined;
    },
    isSignerFor: ({ event }, p) => event.type === "wf.addSigner" && event.step === p.step,
    vetoed: ({ context }, p) => tally(s, context, String(p.step)).vetoes > 0,
    itemsComplete: ({ context }, p) => {
      const t = tally(s, context, String(p.step));
      const rule = t.step.complete;
      if (rule === "all") return t.answered === t.total;
      if (rule === "any") return t.answered > 0 || t.total === 0;
      return t.passed >= rule.atLeast;
    },
    itemsFailed: ({ context }, p) => {
      const t = tally(s, context, String(p.step));
      const rule = t.step.complete;
      // Only n-of-m can fail without a veto: too few are left to reach n.
      return typeof rule === "object" && t.passed + (t.total - t.answered) < rule.atLeast;
    },
    joinDone: ({ context }, p) => (context.joins[String(p.step)]?.length ?? 0) >= Number(p.need),
    isChild: ({ event }, p) =>
      (event.type === "wf.childStarted" || event.type === "wf.childEnded") && event.step === p.step,
  };
}
