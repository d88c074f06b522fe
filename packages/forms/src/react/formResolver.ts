import type { FieldErrors, Resolver } from "react-hook-form";
import type { CompiledForm } from "../schema/compileForm";
import type { FormContext } from "../schema/formState";
import type { FieldIssue, FieldPermissions, FormValues } from "../schema/types";
import { parseFormValues } from "../schema/validateForm";
import { packMessage } from "./errorText";

/**
 * The react-hook-form name an issue belongs to: the field, a table cell (`items.2.amount`), or
 * `items.root` for a whole group (row counts) — deeper paths (one option of a multi-select, one
 * file) are shown on their field.
 */
export function issueName(form: CompiledForm, path: string): string {
  const parts = path.replace(/\[(\d+)\]/g, ".$1").split(".");
  const top = parts[0] ?? "";
  const field = form.fields.get(top);
  if (!field || field.columns.length === 0) return top;
  return parts.length >= 3 ? parts.slice(0, 3).join(".") : `${top}.root`;
}

/** Issues as a react-hook-form errors object (first issue per name wins). */
export function toFieldErrors(form: CompiledForm, issues: readonly FieldIssue[]): FieldErrors<FormValues> {
  const errors: Record<string, unknown> = {};
  for (const issue of issues) {
    const name = issueName(form, issue.path);
    const parts = name.split(".");
    let at: Record<string, unknown> = errors;
    parts.slice(0, -1).forEach((p, i) => {
      const nextIsIndex = /^\d+$/.test(parts[i + 1] ?? "");
      at[p] ??= nextIsIndex ? [] : {};
      at = at[p] as Record<string, unknown>;
    });
    const last = parts[parts.length - 1]!;
    if (at[last] === undefined) at[last] = { type: issue.rule, message: packMessage(issue.message) };
  }
  return errors as FieldErrors<FormValues>;
}

/**
 * A react-hook-form resolver running the form's zod schema for the step: on success the values
 * are the submitted ones (hidden and read-only fields left out).
 */
export function createFormResolver(
  form: CompiledForm,
  permissions: FieldPermissions | undefined,
  ctx: FormContext,
): Resolver<FormValues> {
  return async (values) => {
    const r = parseFormValues(form, values, permissions, ctx);
    return r.ok ? { values: r.values, errors: {} } : { values: {}, errors: toFieldErrors(form, r.issues) };
  };
}
