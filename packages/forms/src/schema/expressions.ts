import {
  check,
  compile,
  type EvalEnv,
  type FunctionRegistry,
  fieldsRead,
  prepare,
  residentIdFunctions,
  type ScopeTypes,
  type TypeDesc,
} from "@wf/expr";
import { didYouMeanText } from "./didYouMean";
import type { FormJsonIssue } from "./types";

/** An expression of a form, compiled once at load, with the form paths it reads. */
export interface FormExpr {
  source: string;
  /** JSON path of the property holding it, for error messages (`fields[4].visible`). */
  where: string;
  compiled: ReturnType<typeof compile>;
  /** Dependency nodes it reads: top-level keys, or `group.column` for `row.column` inside rows. */
  reads: string[];
  /** `compiled` made ready to evaluate (see `prepare`): validation evaluates it for every submission. */
  run: (scope: Record<string, unknown>, env: EvalEnv) => unknown;
}

/**
 * Functions forms may call beyond the built-ins: what a resident ID number tells
 * (`idBirthDate(idNumber)`, `idSex(idNumber)`, `idValid(idNumber)`, from @wf/expr).
 */
export const formFunctions: FunctionRegistry = residentIdFunctions;

/** Where an expression sits: which names it may read and how `row.x` maps to a dependency node. */
export interface ExprContext {
  scope: ScopeTypes;
  /** The group whose row this expression runs in (`row.x` reads node `group.x`). */
  group?: string | undefined;
  functions: FunctionRegistry;
  /** The type the result must have (conditions and rules must give a boolean). */
  expect?: TypeDesc | undefined;
}

function rootOf(path: string): string {
  return path.split(/[.[]/, 1)[0] ?? path;
}

/**
 * Compiles one expression of a form, checking it against the form's fields. Returns the issues
 * (unknown field with did-you-mean, type errors, syntax errors) with the JSON path of the property.
 */
export function compileFormExpr(
  source: string,
  where: string,
  ctx: ExprContext,
): { expr?: FormExpr | undefined; issues: FormJsonIssue[] } {
  const opts = { scope: ctx.scope, functions: ctx.functions, ...(ctx.expect ? { expect: ctx.expect } : {}) };
  const found = check(source, opts);
  if (found.length > 0) {
    return {
      issues: found.map((i) => ({
        path: where,
        message: `${i.message} (in \`${source}\`)`,
        ...(i.hint === undefined ? {} : { hint: i.hint }),
      })),
    };
  }
  const compiled = compile(source, opts);
  const reads = new Set<string>();
  const issues: FormJsonIssue[] = [];
  for (const path of fieldsRead(compiled)) {
    const root = rootOf(path);
    if (!(root in ctx.scope)) {
      // The checker should have caught it; kept so a load never succeeds with a dangling name.
      issues.push({
        path: where,
        message: `unknown field "${root}"${didYouMeanText(root, Object.keys(ctx.scope))} in \`${source}\``,
      });
      continue;
    }
    if (root === "data" || root === "value") continue;
    if (root === "row" && ctx.group !== undefined) {
      const column = path.split(".")[1];
      reads.add(column === undefined ? ctx.group : `${ctx.group}.${column.split("[")[0]}`);
    } else reads.add(root);
  }
  if (issues.length > 0) return { issues };
  return { expr: { source, where, compiled, reads: [...reads], run: prepare(compiled) }, issues: [] };
}

/** Evaluates a form expression against a scope; returns `fallback` when evaluation fails. */
export function evalFormExpr(
  expr: FormExpr,
  scope: Record<string, unknown>,
  env: EvalEnv,
  fallback: unknown,
) {
  try {
    return expr.run(scope, env);
  } catch {
    // An expression reading a half-filled form (null where a number is expected) must not
    // break the form; the field falls back to its static behaviour.
    return fallback;
  }
}
