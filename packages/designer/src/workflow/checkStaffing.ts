import type { LocalText } from "../form/formTypes.ts";
import { listSteps } from "./stepIndex.ts";
import type { DesignDefinition, DesignOrgRef } from "./workflowTypes.ts";

/** An org unit of the catalog (contract §4, `workflows/org/units.json`). */
export interface CatalogUnit {
  id: string;
  name?: LocalText;
  level?: string;
  type: string;
  parent?: string;
}

/** A person of the catalog with the roles they hold at units (`workflows/org/people.json`). */
export interface CatalogPerson {
  id: string;
  name?: LocalText;
  memberships: { unit: string; role: string }[];
}

/** The org catalog the staffing check looks people up in. */
export interface OrgCatalog {
  units: readonly CatalogUnit[];
  people: readonly CatalogPerson[];
}

/** Why a task cannot be staffed. */
export type StaffingReason = "no-unit" | "no-holder" | "excluded";

/** One task that no one in the catalog can act on. */
export interface StaffingIssue {
  step: string;
  reason: StaffingReason;
  message: { zh: string; en: string };
}

/** The outcome of {@link checkStaffing}. */
export interface StaffingReport {
  ok: boolean;
  /** Unstaffable tasks in document order: the chain, step by step. */
  issues: StaffingIssue[];
  /** People who may act on each checked task, by step id. */
  candidates: Record<string, string[]>;
  /** Tasks assigned to a person named by an expression: only known at run time. */
  unchecked: string[];
}

/** Options of {@link checkStaffing}. */
export interface StaffingOptions {
  /** The person a test case is about, excluded where a rule says `notBy: "subject"`. */
  subject?: string;
}

/**
 * The units an org reference can land on, judged by kind because `from` is only known at run
 * time: `{ up: "county", child: "org-dept" }` is any org-dept unit directly under a county.
 */
export function unitsMatching(ref: DesignOrgRef | undefined, units: readonly CatalogUnit[]): CatalogUnit[] {
  if (ref?.unit !== undefined) return units.filter((u) => u.id === ref.unit);
  const byId = new Map(units.map((u) => [u.id, u]));
  return units.filter((u) => {
    if (ref?.child !== undefined) {
      if (u.type !== ref.child) return false;
      return ref.up === undefined || byId.get(u.parent ?? "")?.level === ref.up;
    }
    return ref?.up === undefined || u.level === ref.up;
  });
}

/**
 * For each user and multi-signer task: does the catalog hold at least one person with the task's
 * role at a unit of the kind its assignee rule resolves to, who is not excluded by separation of
 * duties? A person is excluded by `notBy: { actorOf: X }` when they are the only one who could
 * have done X, and by `notBy: "subject"` when they are `options.subject`.
 *
 * @example checkStaffing(definition, { units, people }).issues.map((i) => i.step) // ["decide"]
 */
export function checkStaffing(
  def: DesignDefinition,
  catalog: OrgCatalog,
  options: StaffingOptions = {},
): StaffingReport {
  const candidates: Record<string, string[]> = {};
  const unchecked: string[] = [];
  const noUnit = new Set<string>();
  const tasks = listSteps(def).filter((s) => s.step.kind === "userTask" || s.step.kind === "multiTask");
  for (const { id, step } of tasks) {
    const role = step.assignee?.role;
    if (role === undefined) {
      unchecked.push(id);
      continue;
    }
    const units = new Set(unitsMatching(step.assignee?.at, catalog.units).map((u) => u.id));
    if (units.size === 0) noUnit.add(id);
    candidates[id] = catalog.people
      .filter((p) => p.memberships.some((m) => m.role === role && units.has(m.unit)))
      .map((p) => p.id);
  }

  const issues: StaffingIssue[] = [];
  for (const { id, step } of tasks) {
    const people = candidates[id];
    if (people === undefined) continue;
    const role = step.assignee?.role ?? "";
    if (noUnit.has(id)) {
      issues.push({
        step: id,
        reason: "no-unit",
        message: {
          zh: `步骤“${id}”：组织目录中没有符合办理单位规则的单位`,
          en: `step "${id}": no unit in the org catalog matches its assignee's unit rule`,
        },
      });
      continue;
    }
    if (people.length === 0) {
      issues.push({
        step: id,
        reason: "no-holder",
        message: {
          zh: `步骤“${id}”：没有人在相应单位担任角色“${role}”`,
          en: `step "${id}": no one holds the role "${role}" at a matching unit`,
        },
      });
      continue;
    }
    const rules = (def.separationOfDuties ?? []).filter((r) => r.steps.includes(id));
    const allowed = people.filter((person) =>
      rules.every((rule) => {
        if (rule.notBy === "subject") return person !== options.subject;
        const others = candidates[rule.notBy.actorOf];
        // Unknown or person-assigned steps cannot be judged here; they never exclude anyone.
        return others === undefined || others.some((other) => other !== person);
      }),
    );
    if (allowed.length === 0) {
      const names = rules
        .map((r) => (r.notBy === "subject" ? "subject" : `actorOf ${r.notBy.actorOf}`))
        .join(", ");
      issues.push({
        step: id,
        reason: "excluded",
        message: {
          zh: `步骤“${id}”：所有可办理人员（${people.join("、")}）都因回避规则（${names}）被排除`,
          en: `step "${id}": everyone who could act (${people.join(", ")}) is excluded by separation of duties (${names})`,
        },
      });
    }
  }
  return { ok: issues.length === 0, issues, candidates, unchecked };
}
