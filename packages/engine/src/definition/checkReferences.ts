import type { DefinitionIssue } from "../errors";
import { didYouMean } from "./didYouMean";
import type { StepIndex } from "./stepIndex";
import type { Definition, Duration, OrgRef } from "./types";

/** What the surrounding system knows, for checks that go beyond one definition. */
export interface ValidationContext {
  /** Known form ids; when given, an unknown `form.ref` is an error. */
  forms?: Iterable<string>;
  /** Known definition ids; when given, an unknown sub-process `definition` is an error. */
  definitions?: Iterable<string>;
  /** Known role ids (the role catalog); when given, `roles` must come from it. */
  roles?: Iterable<string>;
  /** Known org unit types, for `OrgRef.child`. */
  unitTypes?: Iterable<string>;
}

/** Strip a leading `data.` from a data path: `"data.jointReview"` and `"jointReview"` name the same key. */
export function dataKey(path: string): string {
  return path.startsWith("data.") ? path.slice(5) : path;
}

/**
 * Reference checks: declared roles, known rules/forms/definitions, separation-of-duties steps,
 * timeout and veto outcomes, data keys written by `set`/`collect`/`into`, and a calendar
 * wherever working days are used.
 */
export function checkReferences(
  def: Definition,
  index: StepIndex,
  ctx: ValidationContext = {},
): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const roles = new Set(def.roles);
  const rules = Object.keys(def.rules ?? {});
  const dataKeys = Object.keys(def.data ?? {});
  const known = (path: string, what: string, name: string, pool: Iterable<string>): void => {
    const list = [...pool];
    if (list.includes(name)) return;
    const hint = didYouMean(name, list);
    issues.push({ path, message: `unknown ${what} "${name}"`, ...(hint ? { hint } : {}) });
  };
  const role = (path: string, name: string): void => {
    if (roles.has(name)) return;
    const hint = didYouMean(name, roles) ?? `add "${name}" to "roles"`;
    issues.push({ path, message: `role "${name}" is not declared in "roles"`, hint });
  };
  const orgRef = (path: string, ref: OrgRef): void => {
    if ("child" in ref && ref.child !== undefined && ctx.unitTypes)
      known(`${path}.child`, "unit type", ref.child, ctx.unitTypes);
  };
  const dataTarget = (path: string, key: string): void => {
    const top = dataKey(key).split(".")[0] ?? "";
    if (!dataKeys.includes(top)) {
      const hint = didYouMean(top, dataKeys) ?? `declare "${top}" in "data"`;
      issues.push({ path, message: `writes data.${top}, which is not declared in "data"`, hint });
    }
  };
  let usesWorkingDays = false;
  const duration = (d: Duration): void => {
    if ("workingDays" in d) usesWorkingDays = true;
  };

  for (const key of dataKeys) {
    // Expressions read data as `data.<key>` and assignments split paths on dots.
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
      issues.push({
        path: `data.${key}`,
        message: `data key "${key}" must be an identifier (letters, digits, _)`,
      });
    }
  }
  if (ctx.roles)
    def.roles.forEach((r, i) => {
      known(`roles[${i}]`, "role", r, ctx.roles!);
    });
  def.start.roles.forEach((r, i) => {
    role(`start.roles[${i}]`, r);
  });
  def.cancel?.roles.forEach((r, i) => {
    role(`cancel.roles[${i}]`, r);
  });

  const taskSteps = [...index.byId.values()].filter(
    (e) => e.step.kind === "userTask" || e.step.kind === "multiTask",
  );
  const taskIds = taskSteps.map((e) => e.id);
  (def.separationOfDuties ?? []).forEach((sod, i) => {
    sod.steps.forEach((s, j) => {
      known(`separationOfDuties[${i}].steps[${j}]`, "task step", s, taskIds);
    });
    if (typeof sod.notBy === "object")
      known(`separationOfDuties[${i}].notBy.actorOf`, "task step", sod.notBy.actorOf, taskIds);
    if (sod.notBy === "subject" && def.subject === undefined) {
      issues.push({
        path: `separationOfDuties[${i}].notBy`,
        message: `"notBy": "subject" needs the definition's "subject" expression`,
      });
    }
  });

  for (const e of index.byId.values()) {
    const s = e.step;
    if (s.kind === "userTask" || s.kind === "multiTask") {
      if ("role" in s.assignee) {
        role(`${e.path}.assignee.role`, s.assignee.role);
        orgRef(`${e.path}.assignee.at`, s.assignee.at);
      }
      if (s.form && ctx.forms) known(`${e.path}.form.ref`, "form", s.form.ref, ctx.forms);
      if (s.form?.into !== undefined && s.kind === "multiTask") {
        issues.push({
          path: `${e.path}.form.into`,
          message:
            "a multiTask keeps each signer's form with its item; use `collect` to write the results to data",
        });
      } else if (s.form?.into !== undefined) dataTarget(`${e.path}.form.into`, s.form.into);
      s.checks?.forEach((r, i) => {
        known(`${e.path}.checks[${i}]`, "rule", r, rules);
      });
      if (s.deadline) {
        duration(s.deadline.after);
        if (s.deadline.remind) duration(s.deadline.remind.before);
        if (s.deadline.escalate) {
          role(`${e.path}.deadline.escalate.role`, s.deadline.escalate.role);
          orgRef(`${e.path}.deadline.escalate.at`, s.deadline.escalate.at);
        }
      }
      for (const [k, o] of Object.entries(s.outcomes)) {
        for (const key of Object.keys(o.set ?? {})) dataTarget(`${e.path}.outcomes.${k}.set.${key}`, key);
        if (s.kind === "multiTask" && o.to !== undefined) {
          issues.push({
            path: `${e.path}.outcomes.${k}.to`,
            message: "multiTask outcomes do not route; the step leaves through its `to` or `veto.to`",
          });
        }
      }
    }
    if (s.kind === "userTask" && s.timeout) {
      duration(s.timeout.after);
      known(`${e.path}.timeout.outcome`, "outcome", s.timeout.outcome, Object.keys(s.outcomes));
    }
    if (s.kind === "multiTask") {
      if (s.veto) known(`${e.path}.veto.outcome`, "outcome", s.veto.outcome, Object.keys(s.outcomes));
      s.addSigners?.roles.forEach((r, i) => {
        role(`${e.path}.addSigners.roles[${i}]`, r);
      });
      if (s.collect !== undefined) dataTarget(`${e.path}.collect`, s.collect);
      if (typeof s.complete === "object" && !s.veto) {
        issues.push({
          path: `${e.path}.complete`,
          message: `"atLeast" needs "veto" to say where the case goes when too few approve`,
        });
      }
    }
    if (s.kind === "auto")
      for (const key of Object.keys(s.set ?? {})) dataTarget(`${e.path}.set.${key}`, key);
    if (s.kind === "timer") {
      if ((s.after === undefined) === (s.until === undefined)) {
        issues.push({ path: e.path, message: `a timer needs exactly one of "after" or "until"` });
      }
      if (s.after) duration(s.after);
    }
    if (s.kind === "subProcess") {
      if (ctx.definitions) known(`${e.path}.definition`, "definition", s.definition, ctx.definitions);
      if (s.outcomeInto !== undefined) dataTarget(`${e.path}.outcomeInto`, s.outcomeInto);
    }
  }
  if (usesWorkingDays && def.calendar === undefined) {
    issues.push({
      path: "calendar",
      message: `working days are used but no "calendar" is named`,
      hint: `e.g. "calendar": "cn-mainland"`,
    });
  }
  return issues;
}
