import type { initialTransition } from "xstate";
import type { StartInput, WfContext, WfEvent } from "../runtime/context";
import type { CompiledDefinition } from "./compileDefinition";
import { directInitial, directTransition } from "./directStep";

type Machine = CompiledDefinition["machine"];
/** A live XState snapshot of a compiled machine. */
export type Snapshot = ReturnType<typeof initialTransition<Machine>>[0];
/** A state value of a compiled machine: a step id, or nested for parallel steps. */
export type StateValue = string | { [key: string]: StateValue };

/** Resolved snapshots (without context) per definition and state value; see `snapshotAt`. */
const resolved = new WeakMap<CompiledDefinition, Map<string, Snapshot>>();

/**
 * The live snapshot of a machine in a state value with a context. What `resolveState` builds
 * depends on the state value alone, except the context: resolve each value once per definition
 * and put the case's context into a copy. XState never mutates a snapshot's parts (nodes, tags,
 * children), it builds new ones, so the copies may share them.
 */
export function snapshotAt(c: CompiledDefinition, value: StateValue, context: WfContext): Snapshot {
  let templates = resolved.get(c);
  if (!templates) {
    templates = new Map();
    resolved.set(c, templates);
  }
  const key = typeof value === "string" ? value : JSON.stringify(value);
  let template = templates.get(key);
  if (!template) {
    template = c.machine.resolveState({ value, context: {} as WfContext }) as Snapshot;
    if (templates.size < 1024) templates.set(key, template);
  }
  return { ...template, context } as Snapshot;
}

/**
 * The snapshot a new case starts in: XState's `initialTransition` (with the machine's inert
 * scope), computed directly when the initial step is a plain top-level one (see `directStep.ts`).
 */
export function initialSnapshot(c: CompiledDefinition, input: StartInput): Snapshot {
  const direct = directInitial(c.direct, input);
  if (direct) return snapshotAt(c, direct.value, direct.context);
  return c.machine.getInitialSnapshot(c.scope as never, input);
}

/**
 * The snapshot after an event: XState's `transition` (with the machine's inert scope), computed
 * directly when the case rests in and moves between top-level steps (see `directStep.ts`). Pure.
 */
export function nextSnapshot(c: CompiledDefinition, from: Snapshot, event: WfEvent): Snapshot {
  if (from.status === "active") {
    const direct = directTransition(c.direct, from.value, from.context, event);
    if (direct) {
      // Nothing enabled: XState hands back the snapshot it was given.
      if (direct.context === from.context && direct.value === from.value) return from;
      return snapshotAt(c, direct.value, direct.context);
    }
  }
  return c.machine.transition(from, event, c.scope as never);
}
