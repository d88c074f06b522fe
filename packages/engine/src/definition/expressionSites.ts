import { hasPlaceholders, templateParts } from "../expr/messageTemplate";
import type { StepIndex } from "./stepIndex";
import type { Definition, Duration, OrgRef } from "./types";

/** One expression in a definition, with where it is and what it should give. */
export interface ExpressionSite {
  path: string;
  source: string;
  /** Whether `item` is in scope (inside a multi-instance step). */
  item: boolean;
  /** What the value is used as, for the message when it has the wrong type. */
  expect?: "boolean" | "number" | "string" | "list";
  /** For assignments: the data path written, whose declared type the value must fit. */
  writes?: string;
}

/** Every expression of a definition, so they can all be checked (and compiled) up front. */
export function expressionSites(def: Definition, index: StepIndex): ExpressionSite[] {
  const sites: ExpressionSite[] = [];
  const add = (path: string, source: string, item = false, expect?: ExpressionSite["expect"]): void => {
    sites.push(expect ? { path, source, item, expect } : { path, source, item });
  };
  const orgRef = (path: string, ref: OrgRef, item: boolean): void => {
    if ("from" in ref) add(`${path}.from`, ref.from, item, "string");
  };
  const duration = (path: string, d: Duration, item = false): void => {
    const n = "days" in d ? d.days : d.workingDays;
    if (typeof n === "string") add(`${path}.${"days" in d ? "days" : "workingDays"}`, n, item, "number");
  };
  if (def.subject !== undefined) add("subject", def.subject, false, "string");
  for (const [name, rule] of Object.entries(def.rules ?? {})) {
    add(`rules.${name}.when`, rule.when, false, "boolean");
    // `{expr}` placeholders of the message see the same scope as `when`.
    for (const lang of ["zh", "en"] as const) {
      const text = rule.message?.[lang];
      if (typeof text !== "string" || !hasPlaceholders(text)) continue;
      try {
        for (const part of templateParts(text))
          if ("expr" in part) add(`rules.${name}.message.${lang}`, part.expr, false);
      } catch {
        // A malformed template is reported by messageTemplateIssues.
      }
    }
  }
  for (const e of index.byId.values()) {
    const s = e.step;
    const p = e.path;
    if (s.kind === "userTask" || s.kind === "multiTask") {
      const item = s.kind === "multiTask";
      if (s.kind === "multiTask") add(`${p}.over`, s.over, false, "list");
      if ("role" in s.assignee) orgRef(`${p}.assignee.at`, s.assignee.at, item);
      else add(`${p}.assignee.person`, s.assignee.person, item, "string");
      if (s.deadline) {
        duration(`${p}.deadline.after`, s.deadline.after, item);
        if (s.deadline.remind) duration(`${p}.deadline.remind.before`, s.deadline.remind.before, item);
        if (s.deadline.escalate) orgRef(`${p}.deadline.escalate.at`, s.deadline.escalate.at, item);
      }
      for (const [k, o] of Object.entries(s.outcomes)) {
        if (o.when !== undefined) add(`${p}.outcomes.${k}.when`, o.when, item, "boolean");
        for (const [key, src] of Object.entries(o.set ?? {})) {
          sites.push({ path: `${p}.outcomes.${k}.set.${key}`, source: src, item, writes: key });
        }
      }
      if (s.kind === "userTask" && s.timeout) duration(`${p}.timeout.after`, s.timeout.after);
    } else if (s.kind === "auto") {
      for (const [key, src] of Object.entries(s.set ?? {})) {
        sites.push({ path: `${p}.set.${key}`, source: src, item: false, writes: key });
      }
      (s.choose ?? []).forEach((c, i) => {
        add(`${p}.choose[${i}].when`, c.when, false, "boolean");
      });
    } else if (s.kind === "timer") {
      if (s.after) duration(`${p}.after`, s.after);
      if (s.until !== undefined) add(`${p}.until`, s.until, false, "string");
    } else if (s.kind === "subProcess") {
      for (const [key, src] of Object.entries(s.input ?? {})) add(`${p}.input.${key}`, src);
      if (s.starter) {
        add(`${p}.starter.person`, s.starter.person, false, "string");
        add(`${p}.starter.unit`, s.starter.unit, false, "string");
      }
    }
  }
  return sites;
}

/** Malformed `{expr}` templates in rule messages (unclosed or unmatched braces, empty `{}`). */
export function messageTemplateIssues(def: Definition): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  for (const [name, rule] of Object.entries(def.rules ?? {})) {
    for (const lang of ["zh", "en"] as const) {
      const text = rule.message?.[lang];
      if (typeof text !== "string" || !hasPlaceholders(text)) continue;
      try {
        templateParts(text);
      } catch (error) {
        issues.push({ path: `rules.${name}.message.${lang}`, message: (error as Error).message });
      }
    }
  }
  return issues;
}
