import type { EvalEnv } from "@wf/expr";
import type { CompiledField, CompiledForm } from "./compileForm";
import { evalFormExpr } from "./expressions";
import type { OptionJson } from "./formJson";
import type { FieldPermission, FieldPermissions, FormValues } from "./types";

/** What a form is evaluated against besides its values. */
export interface FormContext {
  /** Clock, calendar and host functions; `now` defaults to the host clock. */
  env?: EvalEnv | undefined;
  /** The case data, visible to expressions as `data`. */
  data?: unknown;
  /** Checks that a picked person/unit id exists (the host's directory); skipped when absent. */
  exists?: ((kind: "person" | "unit", id: string) => boolean) | undefined;
}

/** The state of one field for the current values and the step's permissions. */
export interface FieldState {
  permission: FieldPermission;
  visible: boolean;
  required: boolean;
  /** Shown but not editable (by permission, by its `readonly`, or because it is calculated). */
  readonly: boolean;
  disabled: boolean;
  /** Options offered now, after option filtering. */
  options?: readonly OptionJson[] | undefined;
  min?: number | string | undefined;
  max?: number | string | undefined;
}

/** The environment for evaluation, with the form's functions merged in. */
export function envOf(form: CompiledForm, ctx: FormContext = {}): EvalEnv {
  const env = ctx.env ?? { now: new Date().toISOString() };
  return { ...env, functions: { ...form.functions, ...env.functions } };
}

/** The permission of a field path: its own, its group's, the default, else editable. */
export function permissionOf(perms: FieldPermissions | undefined, field: CompiledField): FieldPermission {
  const own = perms?.fields?.[field.path];
  if (own) return own;
  if (field.group) {
    const g = perms?.fields?.[field.group.path];
    if (g) return g;
  }
  return perms?.default ?? "editable";
}

/** The scope expressions see: every field (null when unset), `data`, and `row`/`value` when given. */
export function scopeOf(
  form: CompiledForm,
  values: FormValues,
  data: unknown,
  extra?: Record<string, unknown>,
): Record<string, unknown> {
  const scope: Record<string, unknown> = { data: data ?? {} };
  for (const f of form.topLevel) scope[f.key] = values[f.key] ?? null;
  return extra ? Object.assign(scope, extra) : scope;
}

function bound(field: CompiledField, which: "min" | "max", scope: Record<string, unknown>, env: EvalEnv) {
  const e = field[which];
  if (e) {
    const v = evalFormExpr(e, scope, env, undefined);
    return typeof v === "number" || typeof v === "string" ? v : undefined;
  }
  const v = (field.json as { min?: unknown; max?: unknown })[which];
  return typeof v === "number" || typeof v === "string" ? v : undefined;
}

/**
 * Evaluates one field's state. `scope` must include `row` for columns; `parent` is the state of
 * the enclosing group (a hidden or read-only group hides or locks its columns).
 */
export function fieldState(
  field: CompiledField,
  scope: Record<string, unknown>,
  env: EvalEnv,
  perms: FieldPermissions | undefined,
  parent?: FieldState,
): FieldState {
  const permission = permissionOf(perms, field);
  const truthy = (e: CompiledField["required"], fallback: boolean) =>
    e ? evalFormExpr(e, scope, env, fallback) === true : fallback;
  const visible =
    permission !== "hidden" &&
    (parent?.visible ?? true) &&
    field.visible.every((e) => evalFormExpr(e, scope, env, true) === true);
  const byPermission = permission === "readonly" || parent?.permission === "readonly";
  const json = field.json;
  const readonly =
    byPermission ||
    (parent?.readonly ?? false) ||
    field.calc !== undefined ||
    json.readonly === true ||
    truthy(field.readonly, false);
  const required =
    !byPermission && (permission === "required" || json.required === true || truthy(field.required, false));
  const state: FieldState = {
    permission: byPermission ? "readonly" : permission,
    visible,
    required,
    readonly,
    disabled: json.disabled === true || truthy(field.disabled, false),
  };
  if (field.options)
    state.options = field.options
      .filter((o) => !o.visible || evalFormExpr(o.visible, scope, env, true) === true)
      .map((o) => o.option);
  const min = bound(field, "min", scope, env);
  const max = bound(field, "max", scope, env);
  if (min !== undefined) state.min = min;
  if (max !== undefined) state.max = max;
  return state;
}

function sameValue(a: unknown, b: unknown): boolean {
  return (
    a === b || (a !== null && b !== null && typeof a === "object" && JSON.stringify(a) === JSON.stringify(b))
  );
}

/**
 * Recomputes calculated fields in dependency order and returns the new values (the input is not
 * changed). `only` limits the work to calculated fields in that set (incremental updates).
 */
export function applyCalcs(
  form: CompiledForm,
  values: FormValues,
  ctx: FormContext = {},
  only?: ReadonlySet<string>,
): { values: FormValues; changed: string[] } {
  const env = envOf(form, ctx);
  let out = values;
  const changed: string[] = [];
  for (const f of form.calcOrder) {
    if (only && !only.has(f.path)) continue;
    const calc = f.calc!;
    if (f.group) {
      const rows = out[f.group.key];
      if (!Array.isArray(rows)) continue;
      let rowsChanged = false;
      const next = rows.map((row: unknown) => {
        if (row === null || typeof row !== "object") return row;
        const r = row as Record<string, unknown>;
        const v = evalFormExpr(calc, scopeOf(form, out, ctx.data, { row: r }), env, null);
        if (sameValue(r[f.key], v)) return row;
        rowsChanged = true;
        return { ...r, [f.key]: v };
      });
      if (rowsChanged) {
        out = { ...out, [f.group.key]: next };
        changed.push(f.path);
      }
    } else {
      const v = evalFormExpr(calc, scopeOf(form, out, ctx.data), env, null);
      if (!sameValue(out[f.key], v)) {
        out = { ...out, [f.key]: v };
        changed.push(f.path);
      }
    }
  }
  return { values: out, changed };
}

/**
 * The values a new form starts with: saved values where given, else `default`, else
 * `defaultExpr`; then calculated fields.
 */
export function initialValues(form: CompiledForm, ctx: FormContext = {}, saved: FormValues = {}): FormValues {
  const env = envOf(form, ctx);
  const values: FormValues = {};
  for (const f of form.topLevel) {
    if (f.key in saved) values[f.key] = saved[f.key];
    else if (f.json.default !== undefined) values[f.key] = f.json.default;
    else if (f.defaultExpr)
      values[f.key] = evalFormExpr(f.defaultExpr, scopeOf(form, values, ctx.data), env, null);
  }
  return applyCalcs(form, values, ctx).values;
}

/** A new row for a group or table: column defaults. */
export function newRow(group: CompiledField): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const c of group.columns) row[c.key] = c.json.default ?? null;
  return row;
}
