import { assign } from "xstate";
import type { WfContext, WfEvent } from "../runtime/context";
import type { CompileServices } from "./CompileServices";
import {
  armTimer,
  branchDone,
  childEnded,
  deadlineTimer,
  endCase,
  linkChild,
  requestChild,
  resetJoin,
  setData,
  taskChange,
} from "./flowActions";
import {
  addItem,
  closeStep,
  collectItems,
  openItems,
  openTask,
  type Patch,
  recordAct,
  recordItem,
  recordTimeout,
} from "./taskActions";

type Params = Record<string, unknown>;
/** One named action as a pure function: the context change it makes for an event and its params. */
export type PatchFn = (ctx: WfContext, event: WfEvent, p: Params) => Patch;

const str = (v: unknown): string => String(v);

/**
 * The named actions of every compiled machine as pure patch functions. They are the only code
 * that changes a case, and they read time only from the event, so `transition()` over the
 * audit log reproduces a case exactly. XState runs them as `assign`s (`createActions`); the
 * direct step (`directStep.ts`) runs the very same functions.
 */
export function createPatches(s: CompileServices): Record<string, PatchFn> {
  return {
    openTask: (c, e, p) => openTask(s, c, e, str(p.step)),
    closeStep: (c, _e, p) => closeStep(c, str(p.step)),
    recordAct: (c, e, p) => recordAct(s, c, e, str(p.step), str(p.outcome)),
    recordTimeout: (c, e, p) => recordTimeout(s, c, e, str(p.step), str(p.outcome)),
    openItems: (c, e, p) => openItems(s, c, e, str(p.step)),
    recordItem: (c, e, p) => recordItem(c, e, str(p.step)),
    addItem: (c, e, p) => addItem(s, c, e, str(p.step)),
    collectItems: (c, _e, p) => collectItems(s, c, str(p.step)),
    setData: (c, e, p) => setData(s, c, e, str(p.step)),
    armTimer: (c, e, p) => armTimer(s, c, e, str(p.step)),
    resetJoin: (c, _e, p) => resetJoin(c, str(p.step)),
    branchDone: (c, _e, p) => branchDone(c, str(p.step), str(p.branch)),
    requestChild: (c, e, p) => requestChild(s, c, e, str(p.step)),
    linkChild: (c, e) => linkChild(c, e),
    childEnded: (c, e) => childEnded(s, c, e),
    endCase: (_c, _e, p) => endCase(str(p.outcome), (p.reason ?? undefined) as Parameters<typeof endCase>[1]),
    cancelCase: (_c, e) => ({
      end: {
        outcome: "cancelled",
        ...(e.type === "wf.cancel" && e.reason ? { reason: { zh: e.reason, en: e.reason } } : {}),
      },
      tasks: {},
      timers: {},
    }),
    taskChange: (c, e) => taskChange(c, e),
    deadlineTimer: (c, e) => deadlineTimer(s, c, e),
  };
}

/** The patch functions as XState `assign`s over plain-JSON context, by the same names. */
export function createActions(fns: Record<string, PatchFn>) {
  const actions: Record<string, ReturnType<typeof assign<WfContext, WfEvent, Params, WfEvent, never>>> = {};
  for (const [name, fn] of Object.entries(fns)) {
    actions[name] = assign<WfContext, WfEvent, Params, WfEvent, never>(({ context, event }, params) =>
      fn(context, event, params ?? {}),
    );
  }
  return actions;
}
