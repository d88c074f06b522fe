import type { z } from "zod";
import { checkForm, type FormReport, storedValues } from "./checkForm";
import type { CompiledForm } from "./compileForm";
import { type IssueParams, issueMessage } from "./fieldValueSchema";
import { formPlan } from "./formPlan";
import type { FormContext } from "./formState";
import { jsonPath } from "./jsonPath";
import { messages } from "./messages";
import type { FieldIssue, FieldPermissions, FormValues } from "./types";

/** Turns zod issues of a form schema into bilingual field issues (`items[2].amount`). */
export function toFieldIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((i) => {
    const p = (i as { params?: Partial<IssueParams> }).params;
    return {
      path: jsonPath(i.path),
      rule: p?.rule ?? i.code,
      message:
        p?.zh !== undefined && p.en !== undefined
          ? { zh: p.zh, en: p.en }
          : { ...messages.rule(), en: i.message },
    };
  });
}

/** The outcome of parsing submitted values: the values to store, or the issues. */
export type ParseResult = { ok: true; values: FormValues; issues: [] } | { ok: false; issues: FieldIssue[] };

/**
 * Validates values for a step and returns what would be stored: hidden and read-only fields left
 * out, calculated fields recomputed. What the permissions decide is worked out once per form and
 * permission set and reused; each call only evaluates the values against `ctx`.
 */
export function parseFormValues(
  form: CompiledForm,
  values: unknown,
  permissions?: FieldPermissions,
  ctx: FormContext = {},
): ParseResult {
  const plan = formPlan(form, permissions);
  const issues: FieldIssue[] = [];
  const effective = checkForm(plan, values, ctx, reportInto(issues));
  return effective && issues.length === 0
    ? { ok: true, values: storedValues(plan, effective), issues: [] }
    : { ok: false, issues };
}

/** A FormReport that collects bilingual field issues, a field's custom message first. */
function reportInto(issues: FieldIssue[]): FormReport {
  return (field, rule, message, path) => {
    const msg = issueMessage(field, rule, message);
    issues.push({ path: jsonPath(path), rule, message: { zh: msg.zh, en: msg.en } });
  };
}

/**
 * Validates form values for a step: every issue with its path and a zh/en message; empty when
 * the values may be submitted. This is what the engine's FormValidator port calls. (The issues of
 * parseFormValues, without building the values to store, which the port does not return.)
 */
export function validateForm(
  form: CompiledForm,
  values: unknown,
  permissions?: FieldPermissions,
  ctx: FormContext = {},
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  checkForm(formPlan(form, permissions), values, ctx, reportInto(issues));
  return issues;
}
