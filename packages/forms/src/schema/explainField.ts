import { explain } from "@wf/expr";
import type { CompiledForm } from "./compileForm";
import type { FormExpr } from "./expressions";
import { envOf, type FormContext, permissionOf, scopeOf } from "./formState";
import type { FieldPermission, FieldPermissions, FormValues, Message } from "./types";

/** One decided property of a field and why, in both languages. */
export interface Reason {
  value: unknown;
  why: Message;
}

/** Why a field is shown, required, read-only, disabled, and how its value is calculated. */
export interface FieldExplanation {
  permission: FieldPermission;
  visible: Reason[];
  required?: Reason | undefined;
  readonly?: Reason | undefined;
  disabled?: Reason | undefined;
  calc?: Reason | undefined;
}

function reason(
  e: FormExpr | undefined,
  scope: Record<string, unknown>,
  ctx: FormContext,
  form: CompiledForm,
) {
  if (!e) return undefined;
  try {
    const x = explain(e.compiled, scope, envOf(form, ctx));
    return { value: x.value, why: x.texts };
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    return { value: undefined, why: { zh: `无法计算:${text}`, en: `cannot be evaluated: ${text}` } };
  }
}

/**
 * Explains a field's conditions for the current values — "hidden because rank is 正科" — for
 * the designer's preview and for people asking why a field is missing. `name` is a field key or
 * a cell (`items.2.amount`). Undefined for an unknown name.
 */
export function explainField(
  form: CompiledForm,
  name: string,
  values: FormValues,
  permissions?: FieldPermissions,
  ctx: FormContext = {},
): FieldExplanation | undefined {
  const parts = name.split(".");
  const field = parts.length === 3 ? form.fields.get(`${parts[0]}.${parts[2]}`) : form.fields.get(name);
  if (!field) return undefined;
  const rows = field.group ? values[field.group.key] : undefined;
  const row = Array.isArray(rows) ? rows[Number(parts[1])] : undefined;
  const scope = scopeOf(form, values, ctx.data, field.group ? { row: row ?? {} } : undefined);
  return {
    permission: permissionOf(permissions, field),
    visible: field.visible.flatMap((e) => reason(e, scope, ctx, form) ?? []),
    required: reason(field.required, scope, ctx, form),
    readonly: reason(field.readonly, scope, ctx, form),
    disabled: reason(field.disabled, scope, ctx, form),
    calc: reason(field.calc, scope, ctx, form),
  };
}
