import type { LocalText } from "../form/formTypes.ts";

/**
 * The designer's view of the workflow definition language (contract §2): structural and open,
 * so every property survives a round trip through the designer, including ones it does not edit.
 */

/** The step kinds of the definition language. */
export type StepKind = "userTask" | "multiTask" | "auto" | "timer" | "parallel" | "subProcess" | "end";

/** Every step kind, in the order the "add step" menu lists them. */
export const STEP_KINDS: readonly StepKind[] = [
  "userTask",
  "multiTask",
  "auto",
  "timer",
  "parallel",
  "subProcess",
  "end",
];

/** `{ from: expr, up?, child? }` or `{ unit }`: where in the org tree a role is wanted. */
export interface DesignOrgRef {
  from?: string;
  up?: string;
  child?: string;
  unit?: string;
}

/** Who a task is offered to: a role at an org unit, or a named person. */
export interface DesignAssignee {
  role?: string;
  at?: DesignOrgRef;
  person?: string;
}

/** An outcome (button) of a task and the step it leads to. */
export interface DesignOutcome {
  label?: LocalText;
  to?: string;
  [property: string]: unknown;
}

/** One step; which properties apply depends on `kind`. */
export interface DesignStep {
  kind: StepKind | string;
  title?: LocalText;
  assignee?: DesignAssignee;
  outcomes?: Record<string, DesignOutcome>;
  to?: string;
  [property: string]: unknown;
}

/** One branch of a parallel step: its own first step and steps. */
export interface DesignBranch {
  initial: string;
  steps: Record<string, DesignStep>;
  [property: string]: unknown;
}

/** A separation-of-duties rule: who may not act on the listed steps. */
export interface DesignSodRule {
  steps: string[];
  notBy: "subject" | { actorOf: string };
  message?: LocalText;
  [property: string]: unknown;
}

/** A workflow definition as the designer edits it. */
export interface DesignDefinition {
  id: string;
  version: number;
  title: LocalText;
  roles?: string[];
  initial: string;
  steps: Record<string, DesignStep>;
  separationOfDuties?: DesignSodRule[];
  [property: string]: unknown;
}

/** The end of a parallel branch, as written in `to`. */
export const BRANCH_END = "@branchEnd";
