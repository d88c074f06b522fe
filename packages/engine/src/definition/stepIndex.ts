import type { Definition, Step } from "./types";

/** Where a step lives: its JSON path and, inside a parallel step, which branch. */
export interface StepEntry {
  id: string;
  step: Step;
  /** JSON path of the step, e.g. `steps.both.branches.reselect.steps.start-reselection`. */
  path: string;
  /** Scope key: `""` at top level, `"<parallel>/<branch>"` inside a branch. */
  scope: string;
  branch?: { parallel: string; name: string };
}

/** Every step of a definition, branches included, keyed by id (ids are unique definition-wide). */
export interface StepIndex {
  byId: Map<string, StepEntry>;
  /** Step ids per scope, in document order. */
  scopes: Map<string, string[]>;
  /** Ids defined more than once, with the paths of every definition after the first. */
  duplicates: { id: string; path: string }[];
}

/** Flatten a definition's steps, descending into parallel branches. */
export function indexSteps(def: Definition): StepIndex {
  const index: StepIndex = { byId: new Map(), scopes: new Map(), duplicates: [] };
  const visit = (
    steps: Record<string, Step>,
    base: string,
    scope: string,
    branch?: StepEntry["branch"],
  ): void => {
    const ids: string[] = [];
    index.scopes.set(scope, ids);
    for (const [id, step] of Object.entries(steps)) {
      const path = `${base}.${id}`;
      if (index.byId.has(id)) {
        index.duplicates.push({ id, path });
        continue;
      }
      ids.push(id);
      index.byId.set(id, branch ? { id, step, path, scope, branch } : { id, step, path, scope });
      if (step.kind === "parallel") {
        for (const [name, b] of Object.entries(step.branches)) {
          visit(b.steps, `${path}.branches.${name}.steps`, `${id}/${name}`, { parallel: id, name });
        }
      }
    }
  };
  visit(def.steps, "steps", "");
  return index;
}

/** The target used inside a branch to finish it. */
export const BRANCH_END = "@branchEnd";

/** Every `to`-like reference of a step, with the JSON path (relative to the step) it sits at. */
export function stepTargets(step: Step): { to: string; at: string }[] {
  switch (step.kind) {
    case "userTask":
      return Object.entries(step.outcomes).flatMap(([k, o]) =>
        o.to === undefined ? [] : [{ to: o.to, at: `outcomes.${k}.to` }],
      );
    case "multiTask":
      return [
        { to: step.to, at: "to" },
        ...(step.veto ? [{ to: step.veto.to, at: "veto.to" }] : []),
        ...(step.otherwise ? [{ to: step.otherwise, at: "otherwise" }] : []),
      ];
    case "auto":
      return [
        ...(step.choose ?? []).map((c, i) => ({ to: c.to, at: `choose[${i}].to` })),
        { to: step.otherwise, at: "otherwise" },
      ];
    case "timer":
    case "parallel":
    case "subProcess":
      return [{ to: step.to, at: "to" }];
    case "end":
      return [];
  }
}

/** Every step id of a definition, branches included. */
export function indexStepIds(def: Definition): string[] {
  return [...indexSteps(def).byId.keys()];
}

/**
 * Each step's distance from its level's (or branch's) initial step along `to` links. An outcome
 * to a step nearer the start is a send-back: it does not advance the case.
 */
export function stepDepths(def: Definition, index: StepIndex = indexSteps(def)): Map<string, number> {
  const depth = new Map<string, number>();
  const initials: string[] = [def.initial];
  for (const e of index.byId.values()) {
    if (e.step.kind === "parallel") for (const b of Object.values(e.step.branches)) initials.push(b.initial);
  }
  for (const start of initials) {
    if (!index.byId.has(start)) continue;
    depth.set(start, 0);
    const queue = [start];
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      const entry = index.byId.get(id);
      if (!entry) continue;
      for (const t of stepTargets(entry.step)) {
        const next = index.byId.get(t.to);
        if (next && next.scope === entry.scope && !depth.has(t.to)) {
          depth.set(t.to, (depth.get(id) ?? 0) + 1);
          queue.push(t.to);
        }
      }
    }
  }
  return depth;
}
