import type { CompiledField, CompiledForm } from "./compileForm";
import { effectiveValues } from "./effectiveValues";
import { evalFormExpr } from "./expressions";
import { applyCalcs, envOf, type FieldState, type FormContext, fieldState, scopeOf } from "./formState";
import type { FieldPermissions, FormValues } from "./types";

/** A value a calculation wrote, by react-hook-form style name (`total`, `items.2.amount`). */
interface CalcWrite {
  name: string;
  value: unknown;
}

/**
 * The live logic of one open form: field states (visible, required, …) cached per field and
 * recomputed only when a value they read changes, and calculated values recomputed only when
 * their inputs change. Framework-free; the React renderer subscribes one field at a time.
 */
export interface FormLogic {
  /** State of a field: `name`, or a cell `items.2.amount`. Stable object until it changes. */
  state(name: string): FieldState;
  /** Whether a section/tab/page with a `visible` condition (by JSON path) is shown. */
  layoutVisible(where: string): boolean;
  /** Calls `listener` when that field's state (or that layout item's visibility) changes. */
  subscribe(name: string, listener: () => void): () => void;
  /**
   * Tells the logic the values after a change of `name` (undefined: everything changed).
   * Returns the calculated values to write back; their own change is already accounted for.
   */
  update(values: FormValues, name?: string): CalcWrite[];
  /** The values the logic last saw (calculations applied). */
  values(): FormValues;
  /** Whether some condition reads a field that has a condition itself (see effectiveValues). */
  readonly chained: boolean;
}

/** Options of createFormLogic. */
export interface FormLogicOptions extends FormContext {
  permissions?: FieldPermissions | undefined;
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function sameState(a: FieldState, b: FieldState): boolean {
  return (
    a.visible === b.visible &&
    a.required === b.required &&
    a.readonly === b.readonly &&
    a.disabled === b.disabled &&
    a.permission === b.permission &&
    a.min === b.min &&
    a.max === b.max &&
    (a.options === b.options ||
      (a.options?.length === b.options?.length && (a.options ?? []).every((o, i) => o === b.options?.[i])))
  );
}

/** Creates the logic of one open form, starting from `initial` values. */
export function createFormLogic(
  form: CompiledForm,
  initial: FormValues,
  opts: FormLogicOptions = {},
): FormLogic {
  const env = envOf(form, opts);
  let values = applyCalcs(form, initial, opts).values;
  // When a condition reads a field that has a condition itself, a hidden answer must read as
  // empty (as the schema sees it), else a field could show whose value will be dropped.
  const conditional = form.topLevel.filter((f) => f.visible.length > 0).map((f) => f.key);
  const hasCondition = (r: string) => (form.fields.get(r)?.visible.length ?? 0) > 0;
  const chained =
    [...form.fields.values()].some((f) => f.stateReads.some(hasCondition)) ||
    [...form.layoutVisible.values()].some((e) => e.reads.some(hasCondition));
  const effective = (v: FormValues) => (chained ? effectiveValues(form, v, opts) : v);
  let seen = effective(values);
  let topScope: Record<string, unknown> | undefined;
  const topLevelKeys = new Set(form.topLevel.map((f) => f.key));
  const staleKeys = new Set<string>();
  const states = new Map<string, FieldState>();
  const layouts = new Map<string, boolean>();
  const listeners = new Map<string, Set<() => void>>();
  const layoutDependents = new Map<string, string[]>();
  for (const [where, e] of form.layoutVisible)
    for (const r of e.reads) layoutDependents.set(r, [...(layoutDependents.get(r) ?? []), where]);

  // After a change of named fields the scope is patched in place, key by key, rather than built
  // again: a keystroke changes a key or two of a form's worth, and a fresh scope (or a pass over
  // every key) cost more than the conditions it serves. A change of everything builds it again.
  const scope = () => {
    if (!topScope) topScope = scopeOf(form, seen, opts.data);
    else for (const key of staleKeys) topScope[key] = seen[key] ?? null;
    staleKeys.clear();
    return topScope;
  };
  const notify = (name: string) => {
    for (const l of listeners.get(name) ?? []) l();
  };
  // `items.2.amount` → column field `items.amount` and row 2.
  const resolve = (name: string): { field: CompiledField; row?: number } | undefined => {
    const parts = name.split(".");
    if (parts.length === 3) {
      const field = form.fields.get(`${parts[0]}.${parts[2]}`);
      return field ? { field, row: Number(parts[1]) } : undefined;
    }
    const field = form.fields.get(name);
    return field ? { field } : undefined;
  };
  const compute = (name: string): FieldState | undefined => {
    const at = resolve(name);
    if (!at) return undefined;
    if (at.row === undefined || !at.field.group) return fieldState(at.field, scope(), env, opts.permissions);
    const rows = values[at.field.group.key];
    const row = Array.isArray(rows) ? rows[at.row] : undefined;
    const parent = state(at.field.group.key);
    return fieldState(at.field, { ...scope(), row: row ?? {} }, env, opts.permissions, parent);
  };
  const hidden: FieldState = {
    permission: "hidden",
    visible: false,
    required: false,
    readonly: true,
    disabled: true,
  };
  const state = (name: string): FieldState => {
    let s = states.get(name);
    if (!s) {
      s = compute(name) ?? hidden;
      states.set(name, s);
    }
    return s;
  };
  const refresh = (name: string) => {
    const old = states.get(name);
    if (!old) return; // never asked for: computed lazily when first read
    const next = compute(name) ?? hidden;
    if (!sameState(old, next)) {
      states.set(name, next);
      notify(name);
      if (!name.includes(".")) refreshCells(name);
    }
  };
  const refreshCells = (group: string, column?: string) => {
    for (const name of states.keys()) {
      const parts = name.split(".");
      if (parts[0] === group && parts.length === 3 && (column === undefined || parts[2] === column))
        refresh(name);
    }
  };
  const nodesOf = (name: string): string[] => {
    const parts = name.split(".");
    const top = parts[0] ?? name;
    const field = form.fields.get(top);
    if (!field || field.columns.length === 0) return [top];
    if (parts.length >= 3) return [top, `${top}.${parts[2]}`];
    return [top, ...field.columns.map((c) => c.path)];
  };

  const update = (next: FormValues, name?: string): CalcWrite[] => {
    const changed = new Set(name === undefined ? [...form.fields.keys()] : nodesOf(name));
    // Calculated fields reachable from the change, then recomputed in dependency order.
    const calcs = new Set<string>();
    const queue = [...changed];
    while (queue.length > 0) {
      for (const c of form.calcDependents.get(queue.pop()!) ?? []) {
        if (calcs.has(c)) continue;
        calcs.add(c);
        queue.push(c);
        const group = form.fields.get(c)?.group;
        if (group) queue.push(group.key);
      }
    }
    const before = next;
    const result = calcs.size > 0 ? applyCalcs(form, next, opts, calcs) : { values: next, changed: [] };
    values = result.values;
    // With chained conditions any answer may read as empty now: build the scope again.
    if (name === undefined || chained) topScope = undefined;
    const nextSeen = effective(values);
    if (chained) for (const key of conditional) if (nextSeen[key] !== seen[key]) changed.add(key);
    seen = nextSeen;
    const writes: CalcWrite[] = [];
    for (const path of result.changed) {
      changed.add(path);
      const f = form.fields.get(path)!;
      if (!f.group) {
        writes.push({ name: path, value: values[path] });
        continue;
      }
      changed.add(f.group.key);
      const rows = values[f.group.key] as Record<string, unknown>[];
      const old = before[f.group.key] as Record<string, unknown>[] | undefined;
      rows.forEach((row, i) => {
        if (old?.[i]?.[f.key] !== row[f.key])
          writes.push({ name: `${f.group!.key}.${i}.${f.key}`, value: row[f.key] });
      });
    }
    // With chained conditions, a calculation reading a hidden answer takes the value the schema
    // will compute (the answer read as empty), so what is shown is what is stored.
    if (chained)
      for (const f of form.calcOrder) {
        if (f.group || !(f.key in seen) || sameJson(seen[f.key], values[f.key])) continue;
        values = { ...values, [f.key]: seen[f.key] };
        writes.push({ name: f.key, value: seen[f.key] });
        changed.add(f.key);
      }
    for (const key of changed) if (topLevelKeys.has(key)) staleKeys.add(key);
    // A structural change of a group (rows added or removed) renumbers its cells.
    if (name !== undefined && form.fields.get(name)?.columns.length) refreshCells(name);
    for (const node of changed) {
      for (const dep of form.stateDependents.get(node) ?? []) {
        const f = form.fields.get(dep)!;
        if (f.group) refreshCells(f.group.key, f.key);
        else refresh(dep);
      }
      for (const where of layoutDependents.get(node) ?? []) {
        const old = layouts.get(where);
        if (old === undefined) continue;
        const now = evalFormExpr(form.layoutVisible.get(where)!, scope(), env, true) === true;
        if (now !== old) {
          layouts.set(where, now);
          notify(where);
        }
      }
    }
    return writes;
  };

  return {
    state,
    layoutVisible(where) {
      let v = layouts.get(where);
      if (v === undefined) {
        const e = form.layoutVisible.get(where);
        v = e ? evalFormExpr(e, scope(), env, true) === true : true;
        layouts.set(where, v);
      }
      return v;
    },
    subscribe(name, listener) {
      const set = listeners.get(name) ?? new Set();
      set.add(listener);
      listeners.set(name, set);
      return () => set.delete(listener);
    },
    update,
    values: () => values,
    chained,
  };
}
