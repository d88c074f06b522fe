import type { EvalEnv } from "@wf/expr";
import type { CompiledField, CompiledForm } from "./compileForm";
import { evalFormExpr, type FormExpr } from "./expressions";
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
  // Hosts rarely add functions at evaluation time: then the form's registry serves as it is,
  // instead of a copy of it on every call. (Object.assign, not `{ ...env, functions }`: V8 makes
  // that literal through a slow path, and this runs for every validation and keystroke.)
  const out: EvalEnv = Object.assign({}, env);
  out.functions = env.functions ? { ...form.functions, ...env.functions } : form.functions;
  return out;
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

// A scope is made for every evaluation round of every validation and keystroke. Filled key by
// key in a hot function, an object with a form's worth of keys drops into V8's dictionary mode
// (slow to fill, and several times slower again to copy); a copy of a template that has every key
// in place already stays a fast object. One template per form and set of extra names (`row`,
// `value`), a few at most; callers with other extras get no template rather than a growing cache.
const MAX_TEMPLATES_PER_FORM = 8;
const scopeTemplates = new WeakMap<CompiledForm, Map<string, Readonly<Record<string, unknown>>>>();

function scopeTemplate(form: CompiledForm, extra: Record<string, unknown> | undefined) {
  const names = extra ? Object.keys(extra) : [];
  const id = names.join(",");
  let byNames = scopeTemplates.get(form);
  if (!byNames) {
    byNames = new Map();
    scopeTemplates.set(form, byNames);
  }
  let template = byNames.get(id);
  if (!template) {
    template = Object.fromEntries([
      ["data", null],
      ...form.topLevel.map((f) => [f.key, null]),
      ...names.map((n) => [n, null]),
    ]) as Record<string, unknown>;
    if (byNames.size < MAX_TEMPLATES_PER_FORM) byNames.set(id, template);
  }
  return template;
}

/** The scope expressions see: every field (null when unset), `data`, and `row`/`value` when given. */
export function scopeOf(
  form: CompiledForm,
  values: FormValues,
  data: unknown,
  extra?: Record<string, unknown>,
): Record<string, unknown> {
  // Same keys in the same order as `{ data, ...fields, ...extra }`.
  const scope: Record<string, unknown> = { ...scopeTemplate(form, extra) };
  scope.data = data ?? {};
  for (const f of form.topLevel) scope[f.key] = values[f.key] ?? null;
  return extra ? Object.assign(scope, extra) : scope;
}

/** Whether every condition holds (one that cannot be evaluated counts as holding). */
export function conditionsHold(
  exprs: readonly FormExpr[],
  scope: Record<string, unknown>,
  env: EvalEnv,
): boolean {
  for (const e of exprs) if (evalFormExpr(e, scope, env, true) !== true) return false;
  return true;
}

/** A `required`/`readonly`/`disabled` flag: its expression's result, else `fallback`. */
function flagHolds(
  e: FormExpr | undefined,
  scope: Record<string, unknown>,
  env: EvalEnv,
  fallback: boolean,
): boolean {
  return e ? evalFormExpr(e, scope, env, fallback) === true : fallback;
}

/** The options a field offers for these values (those whose `visible` holds). */
export function offeredOptions(
  field: CompiledField,
  scope: Record<string, unknown>,
  env: EvalEnv,
): readonly OptionJson[] | undefined {
  const options = field.options;
  if (options === undefined) return undefined;
  const fixed = fixedOptionsOf(field);
  if (fixed !== null && fixed !== undefined) return fixed;
  return options
    .filter((o) => !o.visible || evalFormExpr(o.visible, scope, env, true) === true)
    .map((o) => o.option);
}

/**
 * The options a field offers whatever the values: its whole list when no option has a condition
 * (most fields; made once and frozen, as every caller gets the same array), null when some have,
 * undefined for a field without options.
 */
export function fixedOptionsOf(field: CompiledField): readonly OptionJson[] | null | undefined {
  const options = field.options;
  if (options === undefined) return undefined;
  let fixed = fixedOptions.get(field);
  if (fixed === undefined) {
    fixed = options.some((o) => o.visible) ? null : Object.freeze(options.map((o) => o.option));
    fixedOptions.set(field, fixed);
  }
  return fixed;
}

const fixedOptions = new WeakMap<CompiledField, readonly OptionJson[] | null>();

/** A field's `min` or `max`: its expression's value, else the static bound. */
export function boundOf(
  field: CompiledField,
  which: "min" | "max",
  scope: Record<string, unknown>,
  env: EvalEnv,
): number | string | undefined {
  const e = field[which];
  if (e) {
    const v = evalFormExpr(e, scope, env, undefined);
    return typeof v === "number" || typeof v === "string" ? v : undefined;
  }
  const v = (field.json as { min?: unknown; max?: unknown })[which];
  return typeof v === "number" || typeof v === "string" ? v : undefined;
}

/** Whether a field the step may edit (permission not readonly) must be filled in. */
export function isRequired(
  field: CompiledField,
  permission: FieldPermission,
  scope: Record<string, unknown>,
  env: EvalEnv,
): boolean {
  return (
    permission === "required" || field.json.required === true || flagHolds(field.required, scope, env, false)
  );
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
  const visible =
    permission !== "hidden" && (parent?.visible ?? true) && conditionsHold(field.visible, scope, env);
  const byPermission = permission === "readonly" || parent?.permission === "readonly";
  const json = field.json;
  const readonly =
    byPermission ||
    (parent?.readonly ?? false) ||
    field.calc !== undefined ||
    json.readonly === true ||
    flagHolds(field.readonly, scope, env, false);
  const required = !byPermission && isRequired(field, permission, scope, env);
  const state: FieldState = {
    permission: byPermission ? "readonly" : permission,
    visible,
    required,
    readonly,
    disabled: json.disabled === true || flagHolds(field.disabled, scope, env, false),
  };
  if (field.options) state.options = offeredOptions(field, scope, env);
  const min = boundOf(field, "min", scope, env);
  const max = boundOf(field, "max", scope, env);
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
  const r = calcsAndScope(form, values, envOf(form, ctx), ctx.data, only);
  return { values: r.values, changed: r.changed };
}

/**
 * applyCalcs with the environment already made (see envOf), also handing back the scope of the
 * result when it made one (it equals `scopeOf(form, values, data)`), so the caller need not
 * build it again.
 */
export function calcsAndScope(
  form: CompiledForm,
  values: FormValues,
  env: EvalEnv,
  data: unknown,
  only?: ReadonlySet<string>,
): { values: FormValues; changed: string[]; scope: Record<string, unknown> | undefined } {
  let out = values;
  // The scope changes only when a calculation changes a value: built again only then.
  let scope: Record<string, unknown> | undefined;
  const changed: string[] = [];
  for (const f of form.calcOrder) {
    if (only && !only.has(f.path)) continue;
    const calc = f.calc!;
    if (f.group) {
      const rows = out[f.group.key];
      if (!Array.isArray(rows)) continue;
      const next = calcRows(form, f, calc, rows, out, data, env);
      if (next !== undefined) {
        out = { ...out, [f.group.key]: next };
        scope = undefined;
        changed.push(f.path);
      }
    } else {
      scope ??= scopeOf(form, out, data);
      const v = evalFormExpr(calc, scope, env, null);
      if (!sameValue(out[f.key], v)) {
        out = { ...out, [f.key]: v };
        scope = undefined;
        changed.push(f.path);
      }
    }
  }
  return { values: out, changed, scope };
}

/**
 * A column's calculation applied to every row: the new rows, or undefined when no value changed.
 * (A function of its own: a closure in calcsAndScope's loop made V8 allocate a context for every
 * calculated field of every validation.)
 */
function calcRows(
  form: CompiledForm,
  f: CompiledField,
  calc: FormExpr,
  rows: unknown[],
  out: FormValues,
  data: unknown,
  env: EvalEnv,
): unknown[] | undefined {
  let rowsChanged = false;
  const next = rows.map((row: unknown) => {
    if (row === null || typeof row !== "object") return row;
    const r = row as Record<string, unknown>;
    const v = evalFormExpr(calc, scopeOf(form, out, data, { row: r }), env, null);
    if (sameValue(r[f.key], v)) return row;
    rowsChanged = true;
    return { ...r, [f.key]: v };
  });
  return rowsChanged ? next : undefined;
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
