import type { Ast } from "./ast";
import { typeCheck } from "./checker";
import { ExprError, type ExprIssue, ExprTypeError } from "./errors";
import { evalAst, evaluatorOf } from "./evalAst";
import { pathsRead } from "./fields";
import { makeRuntime } from "./interpreter";
import { type ParseOptions, parse as parseRaw } from "./parser";
import type { EvalEnv, FunctionRegistry, Scope, ScopeTypes, TypeDesc } from "./types";
import { assignable, typeName } from "./types";
import { trust, validateAst } from "./validate";

export interface CompileOptions extends ParseOptions {
  /** Types of the names in scope; without it names are not checked (everything is `any`). */
  scope?: ScopeTypes;
  /** Host functions the expression may call (their signatures are checked). */
  functions?: FunctionRegistry;
  /** The type the result must have, e.g. `{ kind: "boolean" }` for a guard. */
  expect?: TypeDesc;
}

/** A parsed and type-checked expression. Plain JSON: store it, load it, evaluate it. */
export interface Compiled {
  kind: "wf-expr";
  version: 1;
  source: string;
  ast: Ast;
  /** The static type of the result (`any` when the scope was not given). */
  resultType: TypeDesc;
  /** What fieldsRead returns: dotted paths read from the scope. */
  fields: string[];
  /** Whether it calls today()/now(), so its value changes with the clock. */
  usesClock: boolean;
}

/** Parse source into a plain-JSON AST whose nodes carry start/end offsets. */
export function parse(source: string, opts?: ParseOptions): Ast {
  return trust(parseRaw(source, opts));
}

function analyse(source: string, opts: CompileOptions): { compiled: Compiled; issues: ExprIssue[] } {
  const ast = parse(source, opts);
  const { type, issues, clock } = typeCheck(ast, source, opts.scope, opts.functions);
  if (opts.expect && !assignable(type, opts.expect)) {
    issues.push({
      kind: "type",
      message: `The expression gives ${typeName(type)}, but ${typeName(opts.expect)} is expected here`,
      offset: ast.start,
      end: ast.end,
      line: 1,
      column: 1,
    });
    const last = issues[issues.length - 1]!;
    const lc = lineCol(source, ast.start);
    last.line = lc.line;
    last.column = lc.column;
  }
  return {
    compiled: {
      kind: "wf-expr",
      version: 1,
      source,
      ast,
      resultType: type,
      fields: pathsRead(ast),
      usesClock: clock,
    },
    issues,
  };
}

function lineCol(source: string, offset: number) {
  const before = source.slice(0, offset).split("\n");
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/**
 * Parse and type-check. Throws `ExprSyntaxError`/`ExprLimitError` for bad source and
 * `ExprTypeError` carrying every issue (in `issues`) when the types do not fit.
 */
export function compile(source: string, opts: CompileOptions = {}): Compiled {
  const { compiled, issues } = analyse(source, opts);
  if (issues.length > 0) {
    const first = issues[0]!;
    const more =
      issues.length > 1 ? ` (and ${issues.length - 1} more issue${issues.length > 2 ? "s" : ""})` : "";
    throw new ExprTypeError(first.message + more, {
      offset: first.offset,
      end: first.end,
      source,
      hint: first.hint,
      issues,
    });
  }
  return compiled;
}

/** The same checks as compile, returned instead of thrown (empty when the expression is fine). */
export function check(source: string, opts: CompileOptions = {}): ExprIssue[] {
  try {
    return analyse(source, opts).issues;
  } catch (e) {
    if (e instanceof ExprError) return e.issues;
    throw e;
  }
}

const cache = new Map<string, Ast>();
const CACHE_MAX = 1000;

/** Resolve what evaluate/explain/fieldsRead accept into an AST (and its source when known). */
export function resolve(c: Compiled | Ast | string): { ast: Ast; source: string | undefined } {
  if (typeof c === "string") {
    let ast = cache.get(c);
    if (ast === undefined) {
      ast = parse(c);
      if (cache.size >= CACHE_MAX) cache.clear();
      cache.set(c, ast);
    }
    return { ast, source: c };
  }
  if (typeof c === "object" && c !== null && "ast" in c && (c as Compiled).kind === "wf-expr") {
    const comp = c as Compiled;
    return { ast: validateAst(comp.ast), source: typeof comp.source === "string" ? comp.source : undefined };
  }
  return { ast: validateAst(c), source: undefined };
}

/**
 * Evaluate against a scope of JSON values. Deterministic: the clock is `env.now`.
 * Throws only ExprError subclasses (ExprEvalError, ExprLimitError, ExprSyntaxError for a bad string).
 */
export function evaluate(c: Compiled | Ast | string, scope: Scope, env: EvalEnv): unknown {
  // A compiled expression (what hosts keep and evaluate over and over) without the pair
  // `resolve` returns: this runs for every condition, rule and field of every action.
  let ast: Ast;
  let source: string | undefined;
  if (typeof c === "object" && c !== null && (c as Compiled).kind === "wf-expr" && "ast" in c) {
    ast = validateAst(c.ast);
    source = typeof c.source === "string" ? c.source : undefined;
  } else ({ ast, source } = resolve(c));
  return evalAst(makeRuntime(scope, env, source, undefined), ast);
}

/**
 * `evaluate` made ready for one expression: `prepare(c)(scope, env)` gives what
 * `evaluate(c, scope, env)` gives (the same values, the same errors), with the tree checked and
 * its code found once instead of on every call. For hosts that keep an expression and evaluate it
 * for every action. A string that does not parse throws here rather than at the first call.
 * @example const guard = prepare(compile("data.amount > 100")); guard({ data }, { now });
 */
export function prepare(c: Compiled | Ast | string): (scope: Scope, env: EvalEnv) => unknown {
  const { ast, source } = resolve(c);
  const run = evaluatorOf(ast);
  return (scope, env) => run(makeRuntime(scope, env, source, undefined));
}

/** Dotted paths the expression reads, e.g. ["data.candidate.birthDate"]. */
export function fieldsRead(c: Compiled | Ast | string): string[] {
  if (
    typeof c === "object" &&
    c !== null &&
    (c as Compiled).kind === "wf-expr" &&
    Array.isArray((c as Compiled).fields)
  ) {
    return [...(c as Compiled).fields];
  }
  return pathsRead(resolve(c).ast);
}
