import type { EvalEnv } from "@wf/expr";
import type { CompiledForm } from "./compileForm";
import { effectiveValuesAndScope } from "./effectiveValues";
import { evalFormExpr } from "./expressions";
import {
  checkFieldValueInto,
  type FieldContext,
  hasBounds,
  type IssueSink,
  isEmptyValue,
} from "./fieldValueSchema";
import type { ValueFieldJson } from "./formJson";
import type { FormPlan, PlannedField } from "./formPlan";
import {
  boundOf,
  conditionsHold,
  envOf,
  type FormContext,
  isRequired,
  offeredOptions,
  scopeOf,
} from "./formState";
import { messages, toMessage } from "./messages";
import type { FormValues, Message } from "./types";

/**
 * Receives one issue: the field whose custom messages may replace the message (none for rules),
 * the rule name, the built-in message and the path in the values (`["items", 2, "amount"]`).
 */
export type FormReport = (
  field: ValueFieldJson | undefined,
  rule: string,
  message: Message,
  path: PropertyKey[],
) => void;

/** One validation call: the values and what the call brings (clock, data, directory, report). */
interface Call {
  form: CompiledForm;
  values: FormValues;
  data: unknown;
  env: EvalEnv;
  exists: FormContext["exists"];
  today: string;
  report: FormReport;
  /**
   * What checkFieldValue is given for each field: one context refilled field by field, and one
   * sink that knows the field being checked. (checkFieldValue uses both only while it runs; a
   * context and a closure per field were a third of a validation's garbage.)
   */
  fc: FieldContext;
  at: FieldSink;
}

/**
 * Reports a value's problems for the field being checked (set before each checkFieldValue). A
 * class, so its `add` is one method rather than a closure made (and, under tsx, named) per call.
 */
class FieldSink implements IssueSink {
  json: ValueFieldJson | undefined = undefined;
  path: readonly PropertyKey[] = [];
  ok = true;
  constructor(private readonly report: FormReport) {}
  add(rule: string, message: Message, inside: PropertyKey[] = []): void {
    this.ok = false;
    this.report(this.json, rule, message, [...this.path, ...inside]);
  }
}

const NO_SCOPE: Record<string, unknown> = Object.freeze({});
function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Checks one visible field the step may change; false when its value is empty or wrong. */
function checkField(
  call: Call,
  planned: PlannedField,
  value: unknown,
  path: readonly PropertyKey[],
  scope: Record<string, unknown>,
  row?: Record<string, unknown>,
): boolean {
  const { field } = planned;
  const json = field.json;
  const { env } = call;
  // Reports get a copy of the path: `path` may be the plan's, shared by every call.
  if (isEmptyValue(json, value)) {
    // An empty group still owes its minimum number of rows.
    if ((json.type === "group" || json.type === "table") && (json.minRows ?? 0) > 0)
      call.report(json, "minRows", messages.minRows(json.minRows ?? 0), [...path]);
    else if (isRequired(field, planned.permission, scope, env))
      call.report(json, "required", messages.required(), [...path]);
    return false;
  }
  // Bounds are evaluated only for the types that have them (their expressions have no effects).
  const bounded = hasBounds(json);
  const fc = call.fc;
  fc.min = bounded ? boundOf(field, "min", scope, env) : undefined;
  fc.max = bounded ? boundOf(field, "max", scope, env) : undefined;
  const fixed = planned.fixedOptions;
  fc.options = fixed === null ? offeredOptions(field, scope, env) : fixed;
  const at = call.at;
  at.json = json;
  at.path = path;
  at.ok = true;
  checkFieldValueInto(json, fc, value, at, planned.valueType);
  if (!at.ok) return false;
  for (const rule of field.rules) {
    const extra = row === undefined ? { value } : { row, value };
    if (evalFormExpr(rule.expr, scopeOf(call.form, call.values, call.data, extra), env, false) !== true)
      call.report(undefined, rule.id, toMessage(rule.message), [...path]);
  }
  return true;
}

/**
 * Checks each row of a group or table field, column by column. (A function of its own: a closure
 * in checkForm's loop made V8 allocate a context for every field of every validation.)
 */
function checkRows(call: Call, planned: PlannedField, rows: unknown[], reads: boolean): void {
  const f = planned.field;
  const { form, values, data, env, report } = call;
  rows.forEach((row: unknown, i) => {
    if (!isRecord(row)) {
      report(f.json, "type", messages.type({ zh: "行对象", en: "a row object" }), [f.key, i]);
      return;
    }
    const rowScope = reads ? scopeOf(form, values, data, { row }) : NO_SCOPE;
    for (const c of planned.columns)
      if (conditionsHold(c.field.visible, rowScope, env))
        checkField(call, c, row[c.field.key], [f.key, i, c.field.key], rowScope, row);
  });
}

/**
 * Validates submitted values against a form's plan for a step: calculations applied, then every
 * visible field the step may change (type, required, its rules, its rows' columns), then the
 * cross-field rules, each problem going to `report` in that order. Returns the effective values
 * (see effectiveValues), or undefined when `raw` is not an object at all. Nothing is built here
 * that depends only on the form and the permissions: that is the plan's job.
 */
export function checkForm(
  plan: FormPlan,
  raw: unknown,
  ctx: FormContext,
  report: FormReport,
): FormValues | undefined {
  if (!isRecord(raw)) {
    report(undefined, "type", messages.form(), []);
    return undefined;
  }
  const { form } = plan;
  const env = envOf(form, ctx);
  const effective = effectiveValuesAndScope(form, raw, env, ctx.data);
  const values = effective.values;
  // A form without expressions never reads a scope: none is made for it.
  const reads = plan.reads;
  const scope = effective.scope ?? (reads ? scopeOf(form, values, ctx.data) : NO_SCOPE);
  const today = env.now.slice(0, 10);
  const call: Call = {
    form,
    values,
    data: ctx.data,
    env,
    exists: ctx.exists,
    today,
    report,
    fc: { min: undefined, max: undefined, options: undefined, exists: ctx.exists, today },
    at: new FieldSink(report),
  };
  // Conditions effectiveValues found holding against this same scope are not evaluated again.
  const { settled, hidden } = effective;
  for (const planned of plan.checked) {
    const f = planned.field;
    if (f.visible.length > 0 && (!settled || hidden?.has(f.key)) && !conditionsHold(f.visible, scope, env))
      continue;
    const value = values[f.key];
    const ok = checkField(call, planned, value, planned.path, scope);
    if (!ok || !planned.hasColumns || !Array.isArray(value)) continue;
    checkRows(call, planned, value, reads);
  }
  for (const { rule, target, path } of plan.rules) {
    if (target && !conditionsHold(target.visible, scope, env)) continue;
    if (evalFormExpr(rule.expr, scope, env, false) !== true)
      report(undefined, rule.id, toMessage(rule.message), [...path]);
  }
  return values;
}

/**
 * Values as submitted: only the form's fields, without those hidden by a condition (already out
 * of the effective values: an answer that does not apply is not stored) or by the step's
 * permissions (the step never showed them). Read-only fields pass through as shown, so the
 * engine evaluates conditions on the same values the browser did.
 */
export function storedValues(plan: FormPlan, values: FormValues): FormValues {
  const out: FormValues = {};
  for (const { key, hiddenColumns } of plan.stored) {
    if (!(key in values)) continue;
    const v = values[key];
    out[key] =
      hiddenColumns.length > 0 && Array.isArray(v)
        ? v.map((row: unknown) => {
            if (row === null || typeof row !== "object" || Array.isArray(row)) return row;
            const r = { ...(row as Record<string, unknown>) };
            for (const c of hiddenColumns) delete r[c];
            return r;
          })
        : v;
  }
  return out;
}
