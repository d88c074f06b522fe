import type { JsonPath } from "../history/jsonPatch.ts";
import type { DesignBranch, DesignDefinition, DesignStep } from "./workflowTypes.ts";

/** A step found anywhere in a definition, including inside parallel branches. */
export interface LocatedStep {
  id: string;
  step: DesignStep;
  /** JSON path of the step: `["steps", "review"]` or `["steps", "both", "branches", "b", "steps", "x"]`. */
  path: JsonPath;
  /** JSON path of the map holding it. */
  mapPath: JsonPath;
  /** The parallel step and branch it belongs to, when inside a branch. */
  branch?: { parallel: string; name: string };
}

function branchesOf(step: DesignStep): Record<string, DesignBranch> {
  const branches = step.branches;
  return typeof branches === "object" && branches !== null ? (branches as Record<string, DesignBranch>) : {};
}

/**
 * Every step of the definition in document order, a parallel step before its branches' steps.
 * Step ids share one namespace across branches, as the engine requires.
 */
export function listSteps(def: DesignDefinition): LocatedStep[] {
  const out: LocatedStep[] = [];
  const visit = (steps: Record<string, DesignStep>, mapPath: JsonPath, branch?: LocatedStep["branch"]) => {
    for (const [id, step] of Object.entries(steps ?? {})) {
      const located: LocatedStep = { id, step, path: [...mapPath, id], mapPath };
      if (branch) located.branch = branch;
      out.push(located);
      for (const [name, b] of Object.entries(branchesOf(step))) {
        if (b && typeof b.steps === "object") {
          visit(b.steps, [...mapPath, id, "branches", name, "steps"], { parallel: id, name });
        }
      }
    }
  };
  visit(def.steps, ["steps"]);
  return out;
}

/** The step with this id anywhere in the definition. */
export function findStep(def: DesignDefinition, id: string): LocatedStep | undefined {
  return listSteps(def).find((s) => s.id === id);
}

/** The parallel branches of a step, by name (empty for other kinds). */
export function stepBranches(step: DesignStep): Record<string, DesignBranch> {
  return branchesOf(step);
}

/** One reference from a step to another step (an arrow of the diagram). */
export interface StepLink {
  /** Path inside the step of the property holding the target, e.g. `["outcomes", "pass", "to"]`. */
  via: JsonPath;
  target: string;
  kind: "outcome" | "next" | "choose" | "otherwise" | "veto";
  /** The outcome key or the condition, for the arrow's label. */
  name?: string;
}

/** Every reference a step holds to other steps (parallel branches' first steps are not links). */
export function stepLinks(step: DesignStep): StepLink[] {
  const links: StepLink[] = [];
  for (const [name, outcome] of Object.entries(step.outcomes ?? {})) {
    if (typeof outcome?.to === "string")
      links.push({ via: ["outcomes", name, "to"], target: outcome.to, kind: "outcome", name });
  }
  if (Array.isArray(step.choose)) {
    step.choose.forEach((c: { when?: unknown; to?: unknown }, i) => {
      if (typeof c?.to === "string") {
        links.push({ via: ["choose", i, "to"], target: c.to, kind: "choose", name: String(c.when ?? "") });
      }
    });
  }
  if (typeof step.otherwise === "string")
    links.push({ via: ["otherwise"], target: step.otherwise, kind: "otherwise" });
  const veto = step.veto as { to?: unknown } | undefined;
  if (typeof veto?.to === "string") links.push({ via: ["veto", "to"], target: veto.to, kind: "veto" });
  if (typeof step.to === "string") links.push({ via: ["to"], target: step.to, kind: "next" });
  return links;
}
