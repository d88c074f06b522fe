import type { initialTransition } from "xstate";
import type { StartInput, WfContext, WfEvent } from "../runtime/context";
import type { CompiledDefinition } from "./compileDefinition";

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

/** The snapshot a new case starts in (XState's `initialTransition`, with the machine's inert scope). */
export function initialSnapshot(c: CompiledDefinition, input: StartInput): Snapshot {
  return c.machine.getInitialSnapshot(c.scope as never, input);
}

/** The snapshot after an event (XState's `transition`, with the machine's inert scope). Pure. */
export function nextSnapshot(c: CompiledDefinition, from: Snapshot, event: WfEvent): Snapshot {
  return c.machine.transition(from, event, c.scope as never);
}
