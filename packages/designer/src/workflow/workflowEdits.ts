import { uniqueKey } from "../form/fieldPalette.ts";
import type { JsonPath } from "../history/jsonPatch.ts";
import { findStep, listSteps, stepBranches, stepLinks } from "./stepIndex.ts";
import { createStep, STEP_ID_STEMS } from "./stepTemplates.ts";
import { BRANCH_END, type DesignDefinition, type DesignStep, type StepKind } from "./workflowTypes.ts";

/** Step ids are kebab-case, like definition ids, so they read well in URLs and audit logs. */
export const STEP_ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

function edit(def: DesignDefinition, change: (draft: DesignDefinition) => void): DesignDefinition {
  const draft = structuredClone(def);
  change(draft);
  return draft;
}

function mapAt(draft: DesignDefinition, mapPath: JsonPath): Record<string, DesignStep> {
  let here: unknown = draft;
  for (const key of mapPath) here = (here as Record<string | number, unknown>)[key];
  return here as Record<string, DesignStep>;
}

function mustFind(def: DesignDefinition, id: string) {
  const found = findStep(def, id);
  if (!found) throw new Error(`no step "${id}" in the definition`);
  return found;
}

function setVia(step: DesignStep, via: JsonPath, value: string | undefined): void {
  let here = step as Record<string | number, unknown>;
  for (const key of via.slice(0, -1)) here = here[key] as Record<string | number, unknown>;
  const last = via.at(-1)!;
  if (value === undefined) delete here[last];
  else here[last] = value;
}

/** Where a new step goes: the top level, or a branch of a parallel step. */
export interface StepPlace {
  parallel: string;
  branch: string;
}

/**
 * Add a new step of `kind`; the first step of the definition (or branch) becomes its initial
 * step. Returns the new definition and the id given to the step.
 */
export function addStep(
  def: DesignDefinition,
  kind: StepKind,
  place?: StepPlace,
): { def: DesignDefinition; id: string } {
  const taken = new Set(listSteps(def).map((s) => s.id));
  const stem = STEP_ID_STEMS[kind];
  let id = stem;
  for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
  const next = edit(def, (draft) => {
    const step = createStep(kind, draft.roles?.[0] ?? "");
    if (!place) {
      draft.steps[id] = step;
      if (!draft.initial) draft.initial = id;
      return;
    }
    const parallel = mustFind(draft, place.parallel).step;
    if (parallel.kind !== "parallel") throw new Error(`"${place.parallel}" is not a parallel step`);
    const branches = stepBranches(parallel);
    const branch = branches[place.branch] ?? { initial: "", steps: {} };
    branch.steps[id] = step;
    if (!branch.initial) branch.initial = id;
    parallel.branches = { ...branches, [place.branch]: branch };
  });
  return { def: next, id };
}

/**
 * Remove a step. Arrows into it lose their target (the static checks then point at them, so
 * the author reconnects them rather than losing labels and opinions silently); a removed initial
 * step hands over to the next step of its map; separation-of-duties rules forget it.
 */
export function removeStep(def: DesignDefinition, id: string): DesignDefinition {
  const found = mustFind(def, id);
  return edit(def, (draft) => {
    const map = mapAt(draft, found.mapPath);
    delete map[id];
    for (const { step } of listSteps(draft)) {
      for (const link of stepLinks(step)) if (link.target === id) setVia(step, link.via, undefined);
      for (const branch of Object.values(stepBranches(step))) {
        if (branch.initial === id) branch.initial = Object.keys(branch.steps)[0] ?? "";
      }
    }
    if (draft.initial === id) draft.initial = Object.keys(draft.steps)[0] ?? "";
    if (draft.separationOfDuties) {
      draft.separationOfDuties = draft.separationOfDuties
        .map((rule) => ({ ...rule, steps: rule.steps.filter((s) => s !== id) }))
        .filter((rule) => rule.steps.length > 0 && (rule.notBy === "subject" || rule.notBy.actorOf !== id));
    }
  });
}

/**
 * Rename a step and every reference to it: arrows, initial steps of the definition and of
 * branches, and separation-of-duties rules. The step keeps its place in the JSON.
 */
export function renameStep(def: DesignDefinition, from: string, to: string): DesignDefinition {
  if (from === to) return def;
  if (!STEP_ID_PATTERN.test(to)) throw new Error(`step id "${to}" must be kebab-case, e.g. "county-review"`);
  if (findStep(def, to)) throw new Error(`a step "${to}" already exists; choose another id`);
  const found = mustFind(def, from);
  return edit(def, (draft) => {
    const map = mapAt(draft, found.mapPath);
    const entries = Object.entries(map).map(([k, v]): [string, DesignStep] => [k === from ? to : k, v]);
    for (const k of Object.keys(map)) delete map[k];
    for (const [k, v] of entries) map[k] = v;
    for (const { step } of listSteps(draft)) {
      for (const link of stepLinks(step)) if (link.target === from) setVia(step, link.via, to);
      for (const branch of Object.values(stepBranches(step)))
        if (branch.initial === from) branch.initial = to;
    }
    if (draft.initial === from) draft.initial = to;
    for (const rule of draft.separationOfDuties ?? []) {
      rule.steps = rule.steps.map((s) => (s === from ? to : s));
      if (rule.notBy !== "subject" && rule.notBy.actorOf === from) rule.notBy = { actorOf: to };
    }
  });
}

/** Change properties of a step; `undefined` removes a property. `kind` changes are allowed. */
export function updateStep(
  def: DesignDefinition,
  id: string,
  changes: Readonly<Record<string, unknown>>,
): DesignDefinition {
  const found = mustFind(def, id);
  return edit(def, (draft) => {
    const step = mapAt(draft, found.mapPath)[id]!;
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) delete step[key];
      else step[key] = structuredClone(value);
    }
  });
}

/**
 * Draw an arrow from `from` to `to`. Tasks get a new outcome (or `outcome`'s target is set);
 * an automatic route gets its `otherwise`, then a condition to fill in; other kinds get `to`.
 */
export function connectSteps(
  def: DesignDefinition,
  from: string,
  to: string,
  outcome?: string,
): DesignDefinition {
  const source = mustFind(def, from);
  if (to !== BRANCH_END) mustFind(def, to);
  else if (!source.branch) throw new Error(`"${BRANCH_END}" ends a parallel branch; "${from}" is not in one`);
  if (source.step.kind === "end") throw new Error(`"${from}" is an end step; nothing follows it`);
  return edit(def, (draft) => {
    const step = mapAt(draft, source.mapPath)[from]!;
    if (step.kind === "userTask" || (step.kind === "multiTask" && outcome !== undefined)) {
      const outcomes = { ...(step.outcomes ?? {}) };
      const key = outcome ?? uniqueKey("submit", new Set(Object.keys(outcomes)));
      const title = findStep(draft, to)?.step.title;
      outcomes[key] = {
        label: { zh: `提交至${title?.zh ?? to}`, en: `Submit to ${title?.en ?? to}` },
        ...outcomes[key],
        to,
      };
      step.outcomes = outcomes;
    } else if (step.kind === "auto") {
      if (typeof step.otherwise !== "string") step.otherwise = to;
      else step.choose = [...(Array.isArray(step.choose) ? step.choose : []), { when: "", to }];
    } else {
      step.to = to;
    }
  });
}

/** Remove one arrow, given its step and the `via` path of {@link stepLinks}. */
export function disconnect(def: DesignDefinition, from: string, via: JsonPath): DesignDefinition {
  const source = mustFind(def, from);
  return edit(def, (draft) => {
    const step = mapAt(draft, source.mapPath)[from]!;
    if (via[0] === "choose" && typeof via[1] === "number" && Array.isArray(step.choose)) {
      step.choose = step.choose.filter((_: unknown, i: number) => i !== via[1]);
    } else setVia(step, via, undefined);
  });
}
