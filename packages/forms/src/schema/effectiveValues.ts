import type { EvalEnv } from "@wf/expr";
import type { CompiledForm } from "./compileForm";
import { evalFormExpr, type FormExpr } from "./expressions";
import { applyCalcs, envOf, type FormContext, scopeOf } from "./formState";
import type { FormValues } from "./types";

function shown(exprs: readonly FormExpr[], scope: Record<string, unknown>, env: EvalEnv): boolean {
  return exprs.every((e) => evalFormExpr(e, scope, env, true) === true);
}

/**
 * The values a step stands for: calculations applied, and every field hidden by its `visible`
 * condition (or its section's) removed — a hidden answer counts as no answer, also for the
 * conditions and calculations that read it, so the browser and the engine agree. Repeated until
 * nothing more hides (a condition may read a field that another condition hides).
 * Permissions do not remove anything here: a field the step may not see still holds its value.
 */
export function effectiveValues(form: CompiledForm, raw: FormValues, ctx: FormContext = {}): FormValues {
  const env = envOf(form, ctx);
  const hidden = new Set<string>();
  const without = (v: FormValues) => {
    const out = { ...v };
    for (const k of hidden) delete out[k];
    return out;
  };
  let values = applyCalcs(form, raw, ctx).values;
  for (let round = 0; round <= form.topLevel.length; round++) {
    const scope = scopeOf(form, values, ctx.data);
    const before = hidden.size;
    for (const f of form.topLevel)
      if (!hidden.has(f.key) && f.visible.length > 0 && !shown(f.visible, scope, env)) hidden.add(f.key);
    if (hidden.size === before) break;
    values = without(applyCalcs(form, without(values), ctx).values);
  }
  // Columns hidden by a condition, row by row (their conditions mostly read their own row).
  for (const f of form.topLevel) {
    const rows = values[f.key];
    const conditional = f.columns.filter((c) => c.visible.length > 0);
    if (conditional.length === 0 || !Array.isArray(rows)) continue;
    values = {
      ...values,
      [f.key]: rows.map((row: unknown) => {
        if (row === null || typeof row !== "object" || Array.isArray(row)) return row;
        const scope = scopeOf(form, values, ctx.data, { row });
        const out = { ...(row as Record<string, unknown>) };
        for (const c of conditional) if (!shown(c.visible, scope, env)) delete out[c.key];
        return out;
      }),
    };
  }
  return values;
}
