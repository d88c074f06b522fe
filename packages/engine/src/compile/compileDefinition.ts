import type { HolidayCalendar } from "@wf/expr";
import { type ActorScope, createActor, setup } from "xstate";
import { indexSteps, type StepIndex, stepDepths } from "../definition/stepIndex";
import type { Definition } from "../definition/types";
import { Evaluator } from "../expr/Evaluator";
import { orgFunctions } from "../expr/orgFunctions";
import type { OrgDirectory } from "../ports";
import type { StartInput, WfContext, WfEvent } from "../runtime/context";
import { put } from "../runtime/shapes";
import { CompileServices } from "./CompileServices";
import { type DirectPlan, directPlan } from "./directStep";
import { createGuards } from "./guards";
import { createActions, createPatches } from "./implementations";
import { machineConfig, type StateJson } from "./machineConfig";

/** Options for compiling a definition into a runnable machine. */
export interface CompileOptions {
  directory: OrgDirectory;
  calendar?: HolidayCalendar;
  /** Local offset from UTC in minutes for dates and working days (default 480, China). */
  utcOffsetMinutes?: number;
}

// The declared data defaults of a definition, gathered once: every case starts from a copy.
const defaults = new WeakMap<Definition, Record<string, unknown>>();
function dataDefaults(def: Definition): Record<string, unknown> {
  let out = defaults.get(def);
  if (!out) {
    out = {};
    for (const [k, f] of Object.entries(def.data ?? {})) if (f.default !== undefined) put(out, k, f.default);
    defaults.set(def, out);
  }
  return out;
}

/** The starting context of a case. */
function initialContext(input: StartInput | undefined, def: Definition): WfContext {
  // createActor() computes an initial snapshot eagerly, without input; give it an empty case.
  if (input === undefined)
    input = { instanceId: "", definitionId: def.id, data: {}, starter: { id: "", unit: "" }, at: "" };
  const ctx: WfContext = {
    instanceId: input.instanceId,
    definitionId: input.definitionId,
    data: { ...dataDefaults(def), ...input.data },
    starter: input.starter,
    startedAt: input.at,
    seq: 0,
    tasks: {},
    timers: {},
    items: {},
    joins: {},
    actedBy: {},
    children: {},
  };
  if (input.parent) ctx.parent = input.parent;
  if (input.forms) ctx.forms = input.forms;
  return ctx;
}

function build(def: Definition, index: StepIndex, opts: CompileOptions) {
  const ev = new Evaluator(orgFunctions(opts.directory), opts.calendar, opts.utcOffsetMinutes);
  const services = new CompileServices(def, index.byId, ev, opts.directory);
  const config = machineConfig(def, index);
  const guards = createGuards(services);
  const patches = createPatches(services);
  const start = (input: StartInput) => initialContext(input, def);
  const machine = setup({
    types: {} as { context: WfContext; events: WfEvent; input: StartInput },
    guards,
    actions: createActions(patches),
  }).createMachine({
    ...(config as object),
    context: ({ input }: { input: StartInput }) => start(input),
  } as never);
  // The direct step runs the same guard and patch functions as the machine.
  const direct = directPlan(config, guards, patches, start);
  return { config, machine, services, scope: inertScope(machine), direct };
}

/**
 * One inert actor scope per machine, reused for every pure transition. XState's own
 * `transition()` builds a fresh actor (and its eager initial snapshot) per call, which was
 * most of the cost of an action; the scope executes no actions, exactly like XState's.
 */
function inertScope<M extends Parameters<typeof createActor>[0]>(machine: M) {
  const self = createActor(machine);
  const scope = {
    self,
    defer: () => undefined,
    id: "",
    logger: () => undefined,
    sessionId: "",
    stopChild: () => undefined,
    system: self.system,
    emit: () => undefined,
    actionExecutor: () => undefined,
  };
  return scope as unknown as ActorScope<never, never, never, never>;
}

/** A definition compiled once per (id, version): its JSON machine config and the runnable machine. */
export interface CompiledDefinition {
  definition: Definition;
  index: StepIndex;
  /** Distance of each step from its level's start (send-backs go to a smaller one). */
  depth: Map<string, number>;
  /** The plain-JSON XState config (what `toMermaid` and tools read). */
  config: StateJson & { id: string };
  /** The XState machine, run with `initialTransition`/`transition` only. */
  machine: ReturnType<typeof build>["machine"];
  services: CompileServices;
  /** The reusable inert actor scope for pure transitions. */
  scope: ReturnType<typeof build>["scope"];
  /** The machine config prepared for steps without XState (see `runMachine.ts`). */
  direct: DirectPlan;
}

/**
 * Compile a validated definition to an XState machine. Call `validateDefinition` first: this
 * assumes a definition that passed it.
 */
export function compileDefinition(def: Definition, opts: CompileOptions): CompiledDefinition {
  const index = indexSteps(def);
  const { config, machine, services, scope, direct } = build(def, index, opts);
  return { definition: def, index, depth: stepDepths(def, index), config, machine, services, scope, direct };
}
