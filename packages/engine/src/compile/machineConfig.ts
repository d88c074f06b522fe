import { BRANCH_END, type StepIndex } from "../definition/stepIndex";
import type { Definition, Step } from "../definition/types";

/** A JSON state node config (the subset of XState's config the compiler emits). */
export interface StateJson {
  id?: string;
  type?: "parallel" | "final";
  initial?: string;
  entry?: ActionJson[];
  exit?: ActionJson[];
  on?: Record<string, TransitionJson[]>;
  always?: TransitionJson[];
  states?: Record<string, StateJson>;
}
/** A named, parameterised action reference. */
interface ActionJson {
  type: string;
  params?: Record<string, unknown>;
}
/** A transition with a named guard. */
interface TransitionJson {
  target?: string;
  guard?: { type: string; params?: Record<string, unknown> };
  actions?: ActionJson[];
  reenter?: boolean;
}

/** Id of the state that finishes a branch. */
const branchEndId = (parallel: string, branch: string): string => `${parallel}@${branch}`;
/** Id of the final state a cancelled case is in. */
const CANCELLED = "@cancelled";

const act = (type: string, params?: Record<string, unknown>): ActionJson =>
  params ? { type, params } : { type };

/**
 * Compile a definition to a plain-JSON XState machine config. Every step is a state whose
 * XState id is the step id; behaviour is referenced by name only (guards in `guards.ts`,
 * actions in `implementations.ts`), so the config can be printed, diffed and diagrammed.
 */
export function machineConfig(def: Definition, index: StepIndex): StateJson & { id: string } {
  const target = (from: string, to: string): string => {
    const e = index.byId.get(from);
    return to === BRANCH_END && e?.branch ? `#${branchEndId(e.branch.parallel, e.branch.name)}` : `#${to}`;
  };
  const node = (id: string, step: Step): StateJson => {
    switch (step.kind) {
      case "userTask": {
        const on: Record<string, TransitionJson[]> = {
          "wf.act": Object.entries(step.outcomes).map(([outcome, o]) => ({
            guard: { type: "isOutcome", params: { step: id, outcome } },
            target: target(id, o.to ?? id),
            ...(o.to === undefined ? { reenter: true } : {}),
            actions: [act("recordAct", { step: id, outcome })],
          })),
        };
        const timeout = step.timeout;
        const to = timeout ? step.outcomes[timeout.outcome]?.to : undefined;
        if (timeout) {
          on["wf.timer"] = [
            {
              guard: { type: "isTimer", params: { step: id, kind: "timeout" } },
              target: target(id, to ?? id),
              ...(to === undefined ? { reenter: true } : {}),
              actions: [act("recordTimeout", { step: id, outcome: timeout.outcome })],
            },
          ];
        }
        return { id, entry: [act("openTask", { step: id })], exit: [act("closeStep", { step: id })], on };
      }
      case "multiTask": {
        const collect = [act("collectItems", { step: id })];
        const always: TransitionJson[] = [];
        if (step.veto) {
          always.push({
            guard: { type: "vetoed", params: { step: id } },
            target: target(id, step.veto.to),
            actions: collect,
          });
        }
        always.push({
          guard: { type: "itemsComplete", params: { step: id } },
          target: target(id, step.to),
          actions: collect,
        });
        if (step.otherwise !== undefined) {
          always.push({
            guard: { type: "itemsFailed", params: { step: id } },
            target: target(id, step.otherwise),
            actions: collect,
          });
        }
        return {
          id,
          entry: [act("openItems", { step: id })],
          exit: [act("closeStep", { step: id })],
          on: {
            "wf.act": [
              {
                guard: { type: "isItemAct", params: { step: id } },
                actions: [act("recordItem", { step: id })],
              },
            ],
            "wf.addSigner": [
              {
                guard: { type: "isSignerFor", params: { step: id } },
                actions: [act("addItem", { step: id })],
              },
            ],
          },
          always,
        };
      }
      case "auto":
        return {
          id,
          ...(step.set ? { entry: [act("setData", { step: id })] } : {}),
          always: [
            ...(step.choose ?? []).map((c) => ({
              guard: { type: "expr", params: { src: c.when } },
              target: target(id, c.to),
            })),
            { target: target(id, step.otherwise) },
          ],
        };
      case "timer":
        return {
          id,
          entry: [act("armTimer", { step: id })],
          exit: [act("closeStep", { step: id })],
          on: {
            "wf.timer": [
              { guard: { type: "isTimer", params: { step: id, kind: "wait" } }, target: target(id, step.to) },
            ],
          },
        };
      case "subProcess": {
        const started: TransitionJson = {
          guard: { type: "isChild", params: { step: id } },
          actions: [act("linkChild")],
        };
        const on: Record<string, TransitionJson[]> = { "wf.childStarted": [started] };
        if (step.wait) {
          on["wf.childEnded"] = [
            {
              guard: { type: "isChild", params: { step: id } },
              target: target(id, step.to),
              actions: [act("childEnded")],
            },
          ];
        } else {
          started.target = target(id, step.to);
        }
        return { id, entry: [act("requestChild", { step: id })], on };
      }
      case "parallel": {
        const n = Object.keys(step.branches).length;
        const need = step.join === "all" ? n : step.join === "any" ? 1 : step.join.atLeast;
        const states: Record<string, StateJson> = {};
        for (const [name, b] of Object.entries(step.branches)) {
          const inner: Record<string, StateJson> = {};
          for (const [sid, s] of Object.entries(b.steps)) inner[sid] = node(sid, s);
          inner["@end"] = {
            id: branchEndId(id, name),
            type: "final",
            entry: [act("branchDone", { step: id, branch: name })],
          };
          states[name] = { initial: b.initial, states: inner };
        }
        return {
          id,
          type: "parallel",
          entry: [act("resetJoin", { step: id })],
          states,
          always: [{ guard: { type: "joinDone", params: { step: id, need } }, target: target(id, step.to) }],
        };
      }
      case "end": {
        const e = index.byId.get(id);
        if (e?.branch) {
          return {
            id,
            type: "final",
            entry: [act("branchDone", { step: e.branch.parallel, branch: e.branch.name })],
          };
        }
        return {
          id,
          type: "final",
          entry: [act("endCase", { outcome: step.outcome, reason: step.reason ?? null })],
        };
      }
    }
  };
  const states: Record<string, StateJson> = {};
  for (const [id, step] of Object.entries(def.steps)) states[id] = node(id, step);
  states[CANCELLED] = { id: CANCELLED, type: "final", entry: [act("cancelCase")] };
  return {
    id: def.id,
    initial: def.initial,
    states,
    on: {
      "wf.cancel": [{ target: `#${CANCELLED}` }],
      "wf.claim": [{ actions: [act("taskChange")] }],
      "wf.release": [{ actions: [act("taskChange")] }],
      "wf.delegate": [{ actions: [act("taskChange")] }],
      "wf.timer": [{ guard: { type: "isDeadlineTimer" }, actions: [act("deadlineTimer")] }],
      "wf.childEnded": [{ actions: [act("childEnded")] }],
    },
  };
}
