import type { EvalEnv } from "@wf/expr";
import type { CompiledField, CompiledForm } from "./compileForm";
import { applyCalcsWith, conditionsHold, envOf, type FormContext, scopeOf } from "./formState";
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
  return effectiveValuesWith(form, raw, envOf(form, ctx), ctx.data);
}

/** effectiveValues with the environment already made (see envOf), for callers that evaluate more. */
export function effectiveValuesWith(
  form: CompiledForm,
  raw: FormValues,
  env: EvalEnv,
  data: unknown,
): FormValues {
  const cond = conditional(form);
  const hidden = new Set<string>();
  const without = (v: FormValues) => {
    const out = { ...v };
    for (const k of hidden) delete out[k];
    return out;
  };
  let values = applyCalcsWith(form, raw, env, data).values;
  if (cond.top.length > 0)
    for (let round = 0; round <= form.topLevel.length; round++) {
      const scope = scopeOf(form, values, data);
      const before = hidden.size;
      for (const f of cond.top)
        if (!hidden.has(f.key) && !conditionsHold(f.visible, scope, env)) hidden.add(f.key);
      if (hidden.size === before) break;
      values = without(applyCalcsWith(form, without(values), env, data).values);
    }
  // Columns hidden by a condition, row by row (their conditions mostly read their own row).
  for (const { group, columns } of cond.columns) {
    const rows = values[group.key];
    if (!Array.isArray(rows)) continue;
    const scope = scopeOf(form, values, data);
    values = {
      ...values,
      [group.key]: rows.map((row: unknown) => {
        if (row === null || typeof row !== "object" || Array.isArray(row)) return row;
        const rowScope = { ...scope, row };
        const out = { ...(row as Record<string, unknown>) };
        for (const c of columns) if (!conditionsHold(c.visible, rowScope, env)) delete out[c.key];
        return out;
      }),
    };
  }
  return values;
}
