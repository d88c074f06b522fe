import type { EvalEnv } from "@wf/expr";
import { z } from "zod";
import type { CompiledField, CompiledForm } from "./compileForm";
import { effectiveValues } from "./effectiveValues";
import { evalFormExpr } from "./expressions";
import { addIssue, checkFieldValue, isEmptyValue } from "./fieldValueSchema";
import { envOf, type FieldState, type FormContext, fieldState, permissionOf, scopeOf } from "./formState";
import { messages, toMessage } from "./messages";
import type { FieldPermissions, FormValues } from "./types";

/** Options of createFormSchema: the step's permissions plus clock, case data and directory. */
export interface FormSchemaOptions extends FormContext {
  permissions?: FieldPermissions | undefined;
}

type Ctx = z.core.$RefinementCtx<unknown>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function checkField(
  env: EvalEnv,
  field: CompiledField,
  state: FieldState,
  value: unknown,
  path: PropertyKey[],
  scope: Record<string, unknown>,
  opts: FormSchemaOptions,
  ctx: Ctx,
): boolean {
  if (isEmptyValue(field.json, value)) {
    const json = field.json;
    // An empty group still owes its minimum number of rows.
    if ((json.type === "group" || json.type === "table") && (json.minRows ?? 0) > 0)
      addIssue(ctx, json, "minRows", messages.minRows(json.minRows ?? 0), path);
    else if (state.required) addIssue(ctx, json, "required", messages.required(), path);
    return false;
  }
  let ok = true;
  checkFieldValue(
    field.json,
    {
      min: state.min,
      max: state.max,
      options: state.options,
      exists: opts.exists,
      today: env.now.slice(0, 10),
    },
    value,
    (rule, message, at = []) => {
      ok = false;
      addIssue(ctx, field.json, rule, message, [...path, ...at]);
    },
  );
  if (!ok) return false;
  for (const rule of field.rules) {
    if (evalFormExpr(rule.expr, { ...scope, value }, env, false) !== true)
      addIssue(ctx, undefined, rule.id, toMessage(rule.message), path);
  }
  return true;
}

/** Whether a field (node) may be changed in this step. */
function editable(form: CompiledForm, node: string, opts: FormSchemaOptions): boolean {
  const f = form.fields.get(node);
  if (!f) return false;
  const p = permissionOf(opts.permissions, f);
  return p === "editable" || p === "required";
}

/**
 * Values as submitted: only the form's fields, without those hidden by a condition (an answer
 * that does not apply is not stored) or by the step's permissions (the step never showed them).
 * Read-only fields pass through as shown, so the engine evaluates conditions on the same values
 * the browser did.
 */
function submitted(form: CompiledForm, values: FormValues, opts: FormSchemaOptions): FormValues {
  const out: FormValues = {};
  for (const f of form.topLevel) {
    if (!(f.key in values) || permissionOf(opts.permissions, f) === "hidden") continue;
    const v = values[f.key];
    const hiddenColumns = f.columns.filter((c) => permissionOf(opts.permissions, c) === "hidden");
    out[f.key] =
      hiddenColumns.length > 0 && Array.isArray(v)
        ? v.map((row: unknown) => {
            if (row === null || typeof row !== "object" || Array.isArray(row)) return row;
            const r = { ...(row as Record<string, unknown>) };
            for (const c of hiddenColumns) delete r[c.key];
            return r;
          })
        : v;
  }
  return out;
}

/**
 * The one zod schema of a form for a step: parses form values, applies calculations, validates
 * every visible field the step may edit (type, required, its rules, rows of groups), then the
 * form's cross-field rules; the output is the values to store (see `effectiveValues`). Every
 * issue carries `params: { rule, zh, en }`.
 *
 * Why one refinement rather than a static `z.object` of field schemas: which fields are checked
 * at all depends on the values (a hidden field's stale or wrong-typed value must not block), so
 * the per-field checks run inside the refinement once visibility is known.
 * @example createFormSchema(form, { permissions: { default: "editable" } }).safeParse(values)
 */
export function createFormSchema(form: CompiledForm, opts: FormSchemaOptions = {}): z.ZodType<FormValues> {
  return z
    .unknown()
    .superRefine((raw, ctx) => {
      if (!isRecord(raw)) {
        addIssue(ctx, undefined, "type", messages.form());
        return;
      }
      const env = envOf(form, opts);
      const values = effectiveValues(form, raw, opts);
      const scope = scopeOf(form, values, opts.data);
      for (const f of form.topLevel) {
        const st = fieldState(f, scope, env, opts.permissions);
        if (!st.visible || st.permission === "readonly") continue;
        const value = values[f.key];
        const ok = checkField(env, f, st, value, [f.key], scope, opts, ctx);
        if (!ok || f.columns.length === 0 || !Array.isArray(value)) continue;
        value.forEach((row: unknown, i) => {
          if (!isRecord(row)) {
            addIssue(ctx, f.json, "type", messages.type({ zh: "行对象", en: "a row object" }), [f.key, i]);
            return;
          }
          const rowScope = scopeOf(form, values, opts.data, { row });
          for (const c of f.columns) {
            const cs = fieldState(c, rowScope, env, opts.permissions, st);
            if (cs.visible && cs.permission !== "readonly")
              checkField(env, c, cs, row[c.key], [f.key, i, c.key], rowScope, opts, ctx);
          }
        });
      }
      for (const rule of form.rules) {
        if (rule.path !== "") {
          const target = form.fields.get(rule.path);
          if (target && !fieldState(target, scope, env, opts.permissions).visible) continue;
        }
        // A rule over fields this step cannot change would block it with nothing to fix.
        if (!rule.expr.reads.some((r) => editable(form, r, opts))) continue;
        if (evalFormExpr(rule.expr, scope, env, false) !== true)
          addIssue(
            ctx,
            undefined,
            rule.id,
            toMessage(rule.message),
            rule.path === "" ? [] : rule.path.split("."),
          );
      }
    })
    .transform((raw) => submitted(form, effectiveValues(form, raw as FormValues, opts), opts));
}
