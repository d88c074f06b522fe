import type { EvalEnv } from "@wf/expr";
import type { CompiledField, CompiledForm } from "./compileForm";
import { calcsAndScope, conditionsHold, envOf, type FormContext, scopeOf } from "./formState";
import type { FormValues } from "./types";

/** The fields with conditions, worked out once per form (most fields have none). */
interface Conditional {
  top: readonly CompiledField[];
  columns: readonly { group: CompiledField; columns: readonly CompiledField[] }[];
}
const conditionalOf = new WeakMap<CompiledForm, Conditional>();

function conditional(form: CompiledForm): Conditional {
  let c = conditionalOf.get(form);
  if (!c) {
    c = {
      top: form.topLevel.filter((f) => f.visible.length > 0),
      columns: form.topLevel.flatMap((group) => {
        const columns = group.columns.filter((col) => col.visible.length > 0);
        return columns.length > 0 ? [{ group, columns }] : [];
      }),
    };
    conditionalOf.set(form, c);
  }
  return c;
}

/**
 * The values a step stands for: calculations applied, and every field hidden by its `visible`
 * condition (or its section's) removed — a hidden answer counts as no answer, also for the
 * conditions and calculations that read it, so the browser and the engine agree. Repeated until
 * nothing more hides (a condition may read a field that another condition hides).
 * Permissions do not remove anything here: a field the step may not see still holds its value.
 */
export function effectiveValues(form: CompiledForm, raw: FormValues, ctx: FormContext = {}): FormValues {
  return effectiveValuesAndScope(form, raw, envOf(form, ctx), ctx.data).values;
}

function without(values: FormValues, hidden: ReadonlySet<string>): FormValues {
  const out = { ...values };
  for (const k of hidden) delete out[k];
  return out;
}

/** What effectiveValuesAndScope hands back besides the values. */
interface Effective {
  values: FormValues;
  /** The scope of the values when one was made on the way (it equals `scopeOf(form, values, data)`). */
  scope: Record<string, unknown> | undefined;
  /** Top-level fields hidden by their conditions. */
  hidden: ReadonlySet<string> | undefined;
  /**
   * Whether every top-level field with conditions and not in `hidden` had them hold against
   * `scope` (the last round changed nothing): a validation need not evaluate them again.
   */
  settled: boolean;
}

/**
 * effectiveValues with the environment already made (see envOf), also handing back the scope of
 * the result when it made one on the way, and which conditions are settled against it: a
 * validation evaluates every condition against it.
 */
export function effectiveValuesAndScope(
  form: CompiledForm,
  raw: FormValues,
  env: EvalEnv,
  data: unknown,
): Effective {
  const cond = conditional(form);
  // Made when the first field hides (in most submissions none does).
  let hidden: Set<string> | undefined;
  let { values, scope } = calcsAndScope(form, raw, env, data);
  let settledIn: Record<string, unknown> | undefined;
  if (cond.top.length > 0)
    for (let round = 0; round <= form.topLevel.length; round++) {
      scope ??= scopeOf(form, values, data);
      const before = hidden?.size ?? 0;
      for (const f of cond.top) {
        if (hidden?.has(f.key) || conditionsHold(f.visible, scope, env)) continue;
        hidden ??= new Set();
        hidden.add(f.key);
      }
      if (hidden === undefined || hidden.size === before) {
        settledIn = scope;
        break;
      }
      values = without(calcsAndScope(form, without(values, hidden), env, data).values, hidden);
      scope = undefined;
    }
  // Columns hidden by a condition, row by row (their conditions mostly read their own row).
  for (const { group, columns } of cond.columns) {
    const rows = values[group.key];
    if (!Array.isArray(rows)) continue;
    values = { ...values, [group.key]: visibleColumns(form, values, rows, columns, data, env) };
    scope = undefined;
  }
  return { values, scope, hidden, settled: scope !== undefined && scope === settledIn };
}

/**
 * Rows without the columns their conditions hide. (A function of its own: a closure in
 * effectiveValuesAndScope made V8 allocate a context on every call, rows or not.)
 */
function visibleColumns(
  form: CompiledForm,
  values: FormValues,
  rows: unknown[],
  columns: readonly CompiledField[],
  data: unknown,
  env: EvalEnv,
): unknown[] {
  return rows.map((row: unknown) => {
    if (row === null || typeof row !== "object" || Array.isArray(row)) return row;
    const rowScope = scopeOf(form, values, data, { row });
    const out = { ...(row as Record<string, unknown>) };
    for (const c of columns) if (!conditionsHold(c.visible, rowScope, env)) delete out[c.key];
    return out;
  });
}
