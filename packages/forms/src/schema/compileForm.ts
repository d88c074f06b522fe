import type { FunctionRegistry, ScopeTypes, TypeDesc } from "@wf/expr";
import { didYouMeanText } from "./didYouMean";
import { compileFormExpr, type ExprContext, type FormExpr, formFunctions } from "./expressions";
import { fieldJsonIssues } from "./fieldJsonIssues";
import { fieldValueType, isValueField, rowFieldTypes } from "./fieldValueType";
import type { FieldJson, FormJson, OptionJson, ValueFieldJson } from "./formJson";
import { orderCalcs } from "./orderCalcs";
import { checkFormJson, FormDefinitionError } from "./parseFormJson";
import type { FormJsonIssue, LocalText } from "./types";

/** A check compiled from a field's or the form's `rules`. */
export interface CompiledRule {
  id: string;
  expr: FormExpr;
  message: LocalText;
  /** Form-level rules: the field path the issue is reported on ("" = form). */
  path: string;
}

/** One value field after compilation: its JSON and its compiled expressions. */
export interface CompiledField {
  key: string;
  /** Dependency node id: `name`, or `items.amount` for a column of group `items`. */
  path: string;
  json: ValueFieldJson;
  /** JSON path of the field in the definition, e.g. `fields[2].fields[0]`. */
  where: string;
  /** The enclosing group or table, for columns. */
  group?: CompiledField | undefined;
  columns: CompiledField[];
  /** Own `visible` plus those of enclosing sections, tabs and pages: all must hold. */
  visible: FormExpr[];
  required?: FormExpr | undefined;
  readonly?: FormExpr | undefined;
  disabled?: FormExpr | undefined;
  calc?: FormExpr | undefined;
  defaultExpr?: FormExpr | undefined;
  min?: FormExpr | undefined;
  max?: FormExpr | undefined;
  rules: CompiledRule[];
  options?: { option: OptionJson; visible?: FormExpr | undefined }[] | undefined;
  /** Nodes read by its visible/required/readonly/disabled/bounds/option expressions. */
  stateReads: string[];
}

/** A form compiled once: field index, expressions, dependency graph. */
export interface CompiledForm {
  json: FormJson;
  /** Every value field by path (columns as `group.column`). */
  fields: ReadonlyMap<string, CompiledField>;
  /** Top-level value fields (groups included, their columns not) in document order. */
  topLevel: readonly CompiledField[];
  /** Calculated fields, each after the fields it reads. */
  calcOrder: readonly CompiledField[];
  /** node → paths of fields whose state (visible, required, …) reads it. */
  stateDependents: ReadonlyMap<string, readonly string[]>;
  /** node → paths of calculated fields that read it. */
  calcDependents: ReadonlyMap<string, readonly string[]>;
  /** Layout items with a `visible` condition, by their JSON path. */
  layoutVisible: ReadonlyMap<string, FormExpr>;
  rules: readonly CompiledRule[];
  functions: FunctionRegistry;
}

/** Options of compileForm. */
export interface CompileFormOptions {
  /** Host functions (e.g. the engine's org functions) the expressions may call. */
  functions?: FunctionRegistry | undefined;
  /** Type of `data` (the case data); open object by default. */
  data?: TypeDesc | undefined;
}

const BOOL: TypeDesc = { kind: "boolean" };
const RESERVED = new Set(["data", "row", "value"]);

/** Children of a layout item with their JSON path prefixes. */
export function layoutChildren(f: FieldJson, where: string): { fields: FieldJson[]; where: string }[] {
  if (f.type === "section") return [{ fields: f.fields, where: `${where}.fields` }];
  if (f.type === "tabs")
    return f.tabs.map((t, i) => ({ fields: t.fields, where: `${where}.tabs[${i}].fields` }));
  if (f.type === "wizard")
    return f.pages.map((p, i) => ({ fields: p.fields, where: `${where}.pages[${i}].fields` }));
  return [];
}

/**
 * Compiles a form definition: checks its JSON, every expression (unknown fields are errors with
 * did-you-mean), builds the field index and dependency graph, and rejects circular calculations.
 * Returns the issues instead of throwing.
 */
export function tryCompileForm(
  json: unknown,
  options: CompileFormOptions = {},
): { form: CompiledForm; issues: [] } | { form?: undefined; issues: FormJsonIssue[] } {
  const checked = checkFormJson(json);
  if (!("form" in checked)) return { issues: checked.issues };
  const form = checked.form;
  const issues: FormJsonIssue[] = [];
  const functions: FunctionRegistry = { ...formFunctions, ...options.functions };

  // Pass 1: every value field and its type, so expressions can be checked against all of them.
  const top: { f: ValueFieldJson; where: string; visible: FieldJson[] }[] = [];
  const scope: ScopeTypes = { data: options.data ?? { kind: "object", fields: {}, open: true } };
  const layouts: { f: FieldJson; where: string }[] = [];
  const walk = (fields: FieldJson[], where: string, outer: FieldJson[], depth: number) => {
    fields.forEach((f, i) => {
      const at = `${where}[${i}]`;
      if (f.type === "wizard" && (depth > 0 || fields.length > 1))
        issues.push({ path: at, message: "a wizard must be the form's only top-level item" });
      if (isValueField(f)) {
        if (RESERVED.has(f.key)) issues.push({ path: `${at}.key`, message: `"${f.key}" is a reserved name` });
        else if (f.key in scope) issues.push({ path: `${at}.key`, message: `duplicate key "${f.key}"` });
        else {
          scope[f.key] = fieldValueType(f);
          top.push({ f, where: at, visible: outer });
        }
      } else {
        if (f.visible !== undefined) layouts.push({ f, where: at });
        for (const c of layoutChildren(f, at)) walk(c.fields, c.where, [...outer, f], depth + 1);
      }
    });
  };
  walk(form.fields, "fields", [], 0);

  const fields = new Map<string, CompiledField>();
  const layoutVisible = new Map<string, FormExpr>();
  const exprIn = (source: string | undefined, where: string, ctx: ExprContext) => {
    if (source === undefined) return undefined;
    const r = compileFormExpr(source, where, ctx);
    issues.push(...r.issues);
    return r.expr;
  };
  const topCtx: ExprContext = { scope, functions };
  for (const l of layouts) {
    const e = exprIn(l.f.visible, `${l.where}.visible`, { ...topCtx, expect: BOOL });
    if (e) layoutVisible.set(l.where, e);
  }

  const compileField = (
    f: ValueFieldJson,
    where: string,
    ctx: ExprContext,
    inherited: FormExpr[],
    group?: CompiledField,
  ): CompiledField => {
    const path = group ? `${group.key}.${f.key}` : f.key;
    issues.push(...fieldJsonIssues(f, where));
    const valueCtx: ExprContext = { ...ctx, scope: { ...ctx.scope, value: fieldValueType(f) } };
    const cond: ExprContext = { ...ctx, expect: BOOL };
    const flag = (v: boolean | string | undefined, prop: string) =>
      typeof v === "string" ? exprIn(v, `${where}.${prop}`, cond) : undefined;
    const bound = (v: unknown, prop: string) =>
      v !== null && typeof v === "object" && "expr" in v
        ? exprIn(String((v as { expr: string }).expr), `${where}.${prop}.expr`, ctx)
        : undefined;
    const own = exprIn(f.visible, `${where}.visible`, cond);
    const cf: CompiledField = {
      key: f.key,
      path,
      json: f,
      where,
      group,
      columns: [],
      visible: own ? [...inherited, own] : inherited,
      required: flag(f.required, "required"),
      readonly: flag(f.readonly, "readonly"),
      disabled: flag(f.disabled, "disabled"),
      calc: exprIn(f.calc, `${where}.calc`, ctx),
      defaultExpr: exprIn(f.defaultExpr, `${where}.defaultExpr`, ctx),
      min: "min" in f ? bound(f.min, "min") : undefined,
      max: "max" in f ? bound(f.max, "max") : undefined,
      rules: (f.rules ?? []).flatMap((r, i) => {
        const e = exprIn(r.check, `${where}.rules[${i}].check`, { ...valueCtx, expect: BOOL });
        return e ? [{ id: r.id ?? `rule${i}`, expr: e, message: r.message, path }] : [];
      }),
      options:
        "options" in f
          ? f.options.map((o, i) => ({
              option: o,
              visible: exprIn(o.visible, `${where}.options[${i}].visible`, cond),
            }))
          : undefined,
      stateReads: [],
    };
    const stateExprs = [
      ...cf.visible,
      cf.required,
      cf.readonly,
      cf.disabled,
      cf.min,
      cf.max,
      ...(cf.options ?? []).map((o) => o.visible),
    ];
    cf.stateReads = [...new Set(stateExprs.flatMap((e) => e?.reads ?? []))];
    if (fields.has(path)) issues.push({ path: `${where}.key`, message: `duplicate key "${f.key}"` });
    fields.set(path, cf);
    if (f.type === "group" || f.type === "table") {
      const rowCtx: ExprContext = {
        ...ctx,
        group: f.key,
        scope: { ...ctx.scope, row: { kind: "object", fields: rowFieldTypes(f.fields) } },
      };
      f.fields.forEach((c, i) => {
        const at = `${where}.fields[${i}]`;
        if (!isValueField(c) || c.type === "group" || c.type === "table") {
          issues.push({
            path: `${at}.type`,
            message: `a ${f.type} holds value fields only, not "${c.type}"`,
          });
          return;
        }
        cf.columns.push(compileField(c, at, rowCtx, [], cf));
      });
      const columnKeys = cf.columns.map((c) => c.key);
      (f.totals ?? []).forEach((t, i) => {
        const col = cf.columns.find((c) => c.key === t);
        if (!col)
          issues.push({
            path: `${where}.totals[${i}]`,
            message: `unknown column "${t}"${didYouMeanText(t, columnKeys)}`,
          });
        else if (col.json.type !== "number" && col.json.type !== "money")
          issues.push({
            path: `${where}.totals[${i}]`,
            message: `column "${t}" is not a number or money field`,
          });
      });
    }
    return cf;
  };

  const topLevel = top.map(({ f, where, visible }) =>
    compileField(
      f,
      where,
      topCtx,
      visible.flatMap((l) => {
        const e = layoutVisible.get(findWhere(layouts, l));
        return e ? [e] : [];
      }),
    ),
  );

  const rules: CompiledRule[] = (form.rules ?? []).flatMap((r, i) => {
    const e = exprIn(r.check, `rules[${i}].check`, { ...topCtx, expect: BOOL });
    const path = r.path ?? "";
    if (path !== "" && !fields.has(path))
      issues.push({
        path: `rules[${i}].path`,
        message: `unknown field "${path}"${didYouMeanText(path, fields.keys())}`,
      });
    return e ? [{ id: r.id ?? `rule${i}`, expr: e, message: r.message, path }] : [];
  });

  const calcOrder = orderCalcs(fields, issues);
  if (issues.length > 0) return { issues };
  return {
    form: {
      json: form,
      fields,
      topLevel,
      calcOrder,
      stateDependents: invert(fields, (f) => f.stateReads),
      calcDependents: invert(fields, (f) => f.calc?.reads ?? []),
      layoutVisible,
      rules,
      functions,
    },
    issues: [],
  };
}

function findWhere(layouts: { f: FieldJson; where: string }[], f: FieldJson): string {
  return layouts.find((l) => l.f === f)?.where ?? "";
}

function invert(fields: Map<string, CompiledField>, reads: (f: CompiledField) => string[]) {
  const out = new Map<string, string[]>();
  for (const f of fields.values())
    for (const r of reads(f)) {
      const list = out.get(r) ?? [];
      list.push(f.path);
      out.set(r, list);
    }
  return out;
}

/**
 * Compiles a form definition once (see tryCompileForm); throws FormDefinitionError listing every
 * issue with its JSON path.
 * @example const form = compileForm(json); validateForm(form, values, { default: "editable" });
 */
export function compileForm(json: unknown, options: CompileFormOptions = {}): CompiledForm {
  const r = tryCompileForm(json, options);
  if (r.form) return r.form;
  const id = json !== null && typeof json === "object" && "id" in json ? String(json.id) : "(unknown)";
  throw new FormDefinitionError(id, r.issues);
}
