import type { DefinitionIssue } from "../errors";
import { didYouMean } from "./didYouMean";
import { BRANCH_END, indexSteps, type StepIndex, stepTargets } from "./stepIndex";
import type { Definition } from "./types";

const STEP_ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * Graph checks: step ids, unknown targets (with a did-you-mean), targets leaving their branch,
 * unreachable steps, dead ends (steps from which the case can never finish), automatic moves
 * that would repeat forever, and joins that can never complete.
 */
export function checkGraph(def: Definition, index: StepIndex = indexSteps(def)): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  for (const d of index.duplicates) {
    issues.push({ path: d.path, message: `step id "${d.id}" is used twice; step ids must be unique` });
  }
  for (const e of index.byId.values()) {
    if (!STEP_ID.test(e.id)) {
      issues.push({
        path: e.path,
        message: `step id "${e.id}" must start with a letter and use only letters, digits, - and _`,
      });
    }
  }

  // Resolve targets per scope; remember the valid edges for the reachability checks.
  const edges = new Map<string, string[]>();
  for (const e of index.byId.values()) {
    const out: string[] = [];
    edges.set(e.id, out);
    const local = index.scopes.get(e.scope) ?? [];
    for (const t of stepTargets(e.step)) {
      const path = `${e.path}.${t.at}`;
      if (t.to === BRANCH_END) {
        if (e.branch) out.push(BRANCH_END);
        else issues.push({ path, message: `"${BRANCH_END}" is only allowed inside a parallel branch` });
      } else if (local.includes(t.to)) {
        out.push(t.to);
      } else if (index.byId.has(t.to)) {
        issues.push({
          path,
          message: `step "${t.to}" is in another branch or level; a step can only go to steps of its own ${e.branch ? "branch" : "level"}`,
          ...(e.branch ? { hint: `use "${BRANCH_END}" to finish the branch` } : {}),
        });
      } else {
        const hint = didYouMean(t.to, local);
        issues.push({ path, message: `unknown step "${t.to}"`, ...(hint ? { hint } : {}) });
      }
    }
    if (
      (e.step.kind === "userTask" || e.step.kind === "multiTask") &&
      Object.keys(e.step.outcomes).length === 0
    ) {
      issues.push({ path: `${e.path}.outcomes`, message: "a task needs at least one outcome" });
    }
    if (e.step.kind === "userTask" && Object.values(e.step.outcomes).every((o) => o.to === undefined)) {
      // Outcomes without `to` stay in the step; if none leaves, the case is stuck here.
      if (Object.keys(e.step.outcomes).length > 0) {
        issues.push({
          path: `${e.path}.outcomes`,
          message: "no outcome leaves this step (every one lacks `to`)",
        });
      }
    }
  }

  issues.push(...endlessMoves(index, edges));

  for (const [scope, ids] of index.scopes) {
    const initial = scopeInitial(def, scope);
    const initialPath = scope === "" ? "initial" : branchPath(index, scope, "initial");
    if (!ids.includes(initial)) {
      const hint = didYouMean(initial, ids);
      issues.push({ path: initialPath, message: `unknown step "${initial}"`, ...(hint ? { hint } : {}) });
      continue;
    }
    // Forward reachability from the scope's initial step.
    const reached = walk([initial], (id) => edges.get(id) ?? []);
    for (const id of ids) {
      if (!reached.has(id)) {
        issues.push({ path: index.byId.get(id)!.path, message: `step "${id}" can never be reached` });
      }
    }
    // Backward reachability from the exits: an end step, or @branchEnd inside a branch.
    const exits = ids.filter((id) => index.byId.get(id)?.step.kind === "end");
    const finishing = walk([...exits, BRANCH_END], (id) =>
      ids.filter((from) => (edges.get(from) ?? []).includes(id)),
    );
    for (const id of ids) {
      if (reached.has(id) && !finishing.has(id)) {
        issues.push({
          path: index.byId.get(id)!.path,
          message: `dead end: from step "${id}" the ${scope === "" ? "case" : "branch"} can never finish`,
          hint: scope === "" ? "add a path to an end step" : `add a path to an end step or "${BRANCH_END}"`,
        });
      }
    }
    if (scope !== "" && exits.length === 0 && !ids.some((id) => edges.get(id)?.includes(BRANCH_END))) {
      issues.push({
        path: branchPath(index, scope, "steps"),
        message: `this branch never finishes: no step goes to "${BRANCH_END}" or an end step, so its join can never complete`,
      });
    }
  }

  for (const e of index.byId.values()) {
    if (e.step.kind !== "parallel") continue;
    for (const name of Object.keys(e.step.branches)) {
      if (!STEP_ID.test(name)) {
        issues.push({
          path: `${e.path}.branches.${name}`,
          message: `branch name "${name}" must start with a letter and use only letters, digits, - and _`,
        });
      }
    }
    const n = Object.keys(e.step.branches).length;
    if (n === 0)
      issues.push({ path: `${e.path}.branches`, message: "a parallel step needs at least one branch" });
    const join = e.step.join;
    if (typeof join === "object" && join.atLeast > n) {
      issues.push({
        path: `${e.path}.join.atLeast`,
        message: `the join waits for ${join.atLeast} branches but there are only ${n}; it can never complete`,
      });
    }
  }
  return issues;
}

/** Steps that move on by themselves, as soon as their condition holds (no event needed). */
const EVENTLESS = new Set(["auto", "multiTask", "parallel"]);

/**
 * Automatic moves that would never stop: an automatic step, a multiTask's completion or veto, or a
 * parallel join that leads back to its own step (the step is not entered again, so its condition
 * still holds and the move repeats); and a loop made only of automatic steps that set no data (each
 * pass sees the same data, so a loop taken once is taken forever).
 */
function endlessMoves(index: StepIndex, edges: Map<string, string[]>): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  for (const e of index.byId.values()) {
    if (!EVENTLESS.has(e.step.kind)) continue;
    for (const t of stepTargets(e.step)) {
      if (t.to !== e.id) continue;
      issues.push({
        path: `${e.path}.${t.at}`,
        message: `step "${e.id}" moves on by itself, so going back to itself would repeat forever`,
        hint: "go to another step (a userTask or timer can wait in between)",
      });
    }
  }
  const still = (id: string): boolean => {
    const s = index.byId.get(id)?.step;
    return s?.kind === "auto" && s.set === undefined;
  };
  for (const e of index.byId.values()) {
    if (!still(e.id)) continue;
    const next = (id: string) => (edges.get(id) ?? []).filter((to) => to !== id && still(to));
    const reached = walk(next(e.id), next);
    // Report a loop once, at its first step in definition order.
    const loop = [...index.byId.keys()].filter(
      (id) => id === e.id || (reached.has(id) && walk(next(id), next).has(e.id)),
    );
    if (reached.has(e.id) && loop[0] === e.id) {
      issues.push({
        path: e.path,
        message: `automatic steps ${loop.map((id) => `"${id}"`).join(", ")} lead back to each other and set no data, so the case would go round them forever`,
        hint: "put a userTask or timer in the loop, or a `set` that changes what the conditions read",
      });
    }
  }
  return issues;
}

function scopeInitial(def: Definition, scope: string): string {
  if (scope === "") return def.initial;
  const [parallel, name] = scope.split("/") as [string, string];
  const find = (steps: Definition["steps"]): string | undefined => {
    for (const [id, s] of Object.entries(steps)) {
      if (s.kind !== "parallel") continue;
      if (id === parallel) return s.branches[name]?.initial;
      for (const b of Object.values(s.branches)) {
        const hit = find(b.steps);
        if (hit !== undefined) return hit;
      }
    }
    return undefined;
  };
  return find(def.steps) ?? "";
}

function branchPath(index: StepIndex, scope: string, field: string): string {
  const [parallel, name] = scope.split("/") as [string, string];
  return `${index.byId.get(parallel)?.path ?? `steps.${parallel}`}.branches.${name}.${field}`;
}

function walk(start: string[], next: (id: string) => string[]): Set<string> {
  const seen = new Set<string>(start);
  const queue = [...start];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    for (const n of next(id)) {
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return seen;
}
