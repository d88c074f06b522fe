import type { StartInput, WfContext, WfEvent } from "../runtime/context";
import type { Guard } from "./guards";
import type { PatchFn } from "./implementations";
import type { StateJson } from "./machineConfig";

/**
 * Our compiled machines, stepped without XState for the common case: a case resting in a
 * top-level step (a string state value) that moves to another top-level step. XState copies the
 * context and re-derives the whole snapshot (state nodes, tags) for every `assign`, three per user
 * task action; here the same guard and patch functions run over one context copy, and the caller
 * builds the snapshot once. Anything else (parallel steps and their branches, a target inside one,
 * a guard or action the machine does not name, an error) declines with `undefined`, and XState,
 * the reference semantics, does the step itself.
 */

interface ActionPlan {
  fn: PatchFn;
  params: Record<string, unknown>;
}
interface TransitionPlan {
  guard?: { fn: Guard; params: Record<string, unknown> };
  actions: ActionPlan[];
  /** Key of the top-level target state; undefined for a transition without a target. */
  target?: string;
  reenter: boolean;
  /** Something the direct step does not model: leave the whole step to XState. */
  unsupported: boolean;
}
interface StatePlan {
  final: boolean;
  entry: ActionPlan[];
  exit: ActionPlan[];
  on: Map<string, TransitionPlan[]>;
  always: TransitionPlan[];
  /** An atomic or final top-level state the direct step can enter and leave. */
  simple: boolean;
}

/** A compiled machine config, prepared for direct steps (see `directTransition`). */
export interface DirectPlan {
  initial: string;
  states: Map<string, StatePlan>;
  rootOn: Map<string, TransitionPlan[]>;
  /** The machine's starting context for an input (its `context` function). */
  start: (input: StartInput) => WfContext;
  /** The root has entry/exit/always or wildcard events: no direct step at all. */
  off: boolean;
}

/** Where a direct step ends: the top-level state and the context (the caller builds the snapshot). */
export interface DirectResult {
  value: string;
  context: WfContext;
}

/** Prepare a machine config for direct steps, with the guards and patches its machine runs. */
export function directPlan(
  config: StateJson & { id: string },
  guards: Record<string, Guard>,
  patches: Record<string, PatchFn>,
  start: (input: StartInput) => WfContext,
): DirectPlan {
  const top = config.states ?? {};
  // Ids of top-level states; a `#id` target anywhere else (e.g. inside a parallel) is not modelled.
  const topIds = new Map<string, string>();
  for (const key of Object.keys(top)) topIds.set(top[key]!.id ?? key, key);
  const nested = new Set<string>();
  const collect = (node: StateJson): void => {
    for (const [key, child] of Object.entries(node.states ?? {})) {
      nested.add(child.id ?? key);
      collect(child);
    }
  };
  for (const key of Object.keys(top)) collect(top[key]!);
  let off = !!(config.entry?.length || config.exit?.length || config.always?.length);

  const actions = (list: StateJson["entry"]): ActionPlan[] | undefined => {
    const out: ActionPlan[] = [];
    for (const a of list ?? []) {
      const fn = Object.hasOwn(patches, a.type) ? patches[a.type] : undefined;
      if (!fn) return undefined;
      // XState hands an action without params `undefined`; createActions turns that into `{}`.
      out.push({ fn, params: a.params ?? {} });
    }
    return out;
  };
  const transitions = (list: NonNullable<StateJson["always"]>): TransitionPlan[] =>
    list.map((t) => {
      const acts = actions(t.actions);
      const guard = t.guard && Object.hasOwn(guards, t.guard.type) ? guards[t.guard.type] : undefined;
      let target: string | undefined;
      let unsupported = !acts || (t.guard !== undefined && !guard);
      if (t.target !== undefined) {
        const id = t.target.startsWith("#") ? t.target.slice(1) : undefined;
        target = id === undefined || nested.has(id) ? undefined : topIds.get(id);
        if (target === undefined) unsupported = true;
      } else if (t.reenter) unsupported = true;
      const plan: TransitionPlan = { actions: acts ?? [], reenter: t.reenter === true, unsupported };
      // XState hands a guard without params `undefined`, and so does this.
      if (guard) plan.guard = { fn: guard, params: t.guard?.params as Record<string, unknown> };
      if (target !== undefined) plan.target = target;
      return plan;
    });
  const events = (on: StateJson["on"]): Map<string, TransitionPlan[]> => {
    const out = new Map<string, TransitionPlan[]>();
    for (const type of Object.keys(on ?? {})) {
      // Wildcard descriptors match other event types too (XState's getCandidates).
      if (type.includes("*")) off = true;
      out.set(type, transitions(on![type]!));
    }
    return out;
  };

  const states = new Map<string, StatePlan>();
  for (const key of Object.keys(top)) {
    const node = top[key]!;
    const entry = actions(node.entry);
    const exit = actions(node.exit);
    const final = node.type === "final";
    states.set(key, {
      final,
      entry: entry ?? [],
      exit: exit ?? [],
      on: events(node.on),
      always: transitions(node.always ?? []),
      // Final states here have nothing XState would run after entering them but their exit.
      simple:
        !!entry &&
        !!exit &&
        node.states === undefined &&
        (node.type === undefined || (final && !node.on && !node.always)),
    });
  }
  const rootOn = events(config.on);
  return { initial: config.initial ?? "", states, rootOn, start, off };
}

// A case cannot loop through automatic steps forever (the definition check refuses cycles);
// past this many, XState is left to do what it does.
const MAX_MICROSTEPS = 100;

/**
 * Run one event the way XState's `transition` does, from a top-level step. Returns `from`'s own
 * value and context when nothing changed, the new ones otherwise, or undefined to leave the step
 * to XState (anything not modelled, and every error, so errors surface exactly as XState's).
 */
export function directTransition(
  plan: DirectPlan,
  value: unknown,
  context: WfContext,
  event: WfEvent,
): DirectResult | undefined {
  if (plan.off || typeof value !== "string") return undefined;
  const state = plan.states.get(value);
  if (!state?.simple || state.final) return undefined;
  // XState's own events (errors, init, stop) have meanings of their own.
  if (typeof event.type !== "string" || event.type.startsWith("xstate.")) return undefined;
  try {
    const run = new Run(plan, value, context, event);
    // The state's own transitions first, then the root's (XState's transitionAtomicNode).
    const own = state.on.get(event.type);
    let t = own && run.select(own);
    let fromRoot = false;
    if (t === null) return undefined;
    if (!t) {
      const root = plan.rootOn.get(event.type);
      t = root && run.select(root);
      if (t === null) return undefined;
      fromRoot = true;
    }
    if (t && !run.take(t, fromRoot)) return undefined;
    return run.settle() ? run.result() : undefined;
  } catch {
    return undefined;
  }
}

/** The initial step of a case, as XState's `initialTransition` gives it, or undefined to leave it to XState. */
export function directInitial(plan: DirectPlan, input: StartInput): DirectResult | undefined {
  const state = plan.states.get(plan.initial);
  if (plan.off || !state?.simple) return undefined;
  try {
    // XState assigns the `context` function's result over an empty context: the same keys.
    const run = new Run(plan, plan.initial, plan.start(input), { type: "xstate.init", input });
    run.enter(state);
    return run.settle() ? run.result() : undefined;
  } catch {
    return undefined;
  }
}

/** One macrostep in progress: the current top-level state and the context it writes. */
class Run {
  private ctx: WfContext;
  /** Whether `ctx` is this step's own copy yet (the caller's context is never written). */
  private owned = false;
  private done = false;

  constructor(
    private readonly plan: DirectPlan,
    private value: string,
    context: WfContext,
    // The init event is not a WfEvent; the patches and guards read it as XState hands it over.
    private readonly event: WfEvent | { type: "xstate.init"; input: StartInput },
  ) {
    this.ctx = context;
  }

  /** The first enabled transition; undefined if none, null if one that is not modelled comes first. */
  select(list: TransitionPlan[]): TransitionPlan | null | undefined {
    for (const t of list) {
      if (t.guard && !t.guard.fn({ context: this.ctx, event: this.event as WfEvent }, t.guard.params))
        continue;
      return t.unsupported ? null : t;
    }
    return undefined;
  }

  /** Each action's patch merged as XState's assign does (`Object.assign({}, context, patch)`). */
  apply(actions: ActionPlan[]): void {
    for (const a of actions) {
      const patch = a.fn(this.ctx, this.event as WfEvent, a.params);
      if (!this.owned) {
        this.ctx = { ...this.ctx };
        this.owned = true;
      }
      Object.assign(this.ctx, patch);
    }
  }

  /** Exit, transition actions, entry; false when XState must do it. */
  take(t: TransitionPlan, fromRoot: boolean): boolean {
    if (t.target === undefined) {
      this.apply(t.actions);
      return true;
    }
    // A root transition that re-enters exits the root itself: not modelled.
    if (fromRoot && t.reenter) return false;
    const next = this.plan.states.get(t.target);
    if (!next?.simple) return false;
    // A state's transition to itself without `reenter` neither exits nor enters it (XState 5).
    if (!fromRoot && t.target === this.value && !t.reenter) {
      this.apply(t.actions);
      return true;
    }
    this.apply(this.plan.states.get(this.value)!.exit);
    this.apply(t.actions);
    this.value = t.target;
    this.enter(next);
    return true;
  }

  /** Entry actions of the state `value` now names. */
  enter(state: StatePlan): void {
    this.apply(state.entry);
    if (state.final) {
      // XState runs the exit actions of every state once the machine is done.
      this.apply(state.exit);
      this.done = true;
    }
  }

  /** Eventless (`always`) transitions until none is enabled; false when XState must do it. */
  settle(): boolean {
    for (let i = 0; !this.done; i++) {
      if (i === MAX_MICROSTEPS) return false;
      const t = this.select(this.plan.states.get(this.value)!.always);
      if (t === undefined) return true;
      // A targetless or internal eventless transition repeats only while it changes something.
      if (t === null || t.target === undefined || (t.target === this.value && !t.reenter)) return false;
      if (!this.take(t, false)) return false;
    }
    return true;
  }

  result(): DirectResult {
    return { value: this.value, context: this.ctx };
  }
}
