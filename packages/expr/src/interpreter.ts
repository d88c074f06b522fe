import type { Ast, BinaryNode, CallNode, IndexNode, LambdaNode, UnaryNode } from "./ast";
import { FORBIDDEN_NAMES } from "./ast";
import { ExprError, ExprEvalError, ExprLimitError } from "./errors";
import { BUILTINS, type LambdaFn } from "./functions";
import type { Builtin } from "./functions/builtin";
import type { Frame, Runtime } from "./runtime";
import {
  admit,
  deepEqual,
  EVAL_DEFAULTS,
  fail,
  isPlainObject,
  kindOf,
  limit,
  show,
  spend,
  truth,
} from "./runtime";
import { didYouMean } from "./suggest";
import type { EvalEnv, FunctionDef, FunctionRegistry, Scope } from "./types";

export function makeRuntime(
  scope: Scope,
  env: EvalEnv,
  source: string | undefined,
  fallbackFunctions: FunctionRegistry | undefined,
): Runtime {
  if (env === null || typeof env !== "object") {
    throw new ExprEvalError("evaluate needs an env with at least { now: ISO date-time }");
  }
  if (scope === null || typeof scope !== "object") {
    throw new ExprEvalError("evaluate needs a scope object, e.g. { data: {...} }");
  }
  return {
    steps: 0,
    maxSteps: env.maxSteps ?? EVAL_DEFAULTS.maxSteps,
    maxList: env.maxListSize ?? EVAL_DEFAULTS.maxListSize,
    maxString: env.maxStringLength ?? EVAL_DEFAULTS.maxStringLength,
    scope,
    env,
    source,
    host: env.functions ?? fallbackFunctions,
    timeZone: env.timeZone ?? "Asia/Shanghai",
    record: undefined,
  };
}

/** `obj[idx]`: a list by whole-number position (null past either end), an object by key. */
export function indexed(rt: Runtime, n: IndexNode, obj: unknown, idx: unknown): unknown {
  if (obj === null) return null;
  if (Array.isArray(obj)) {
    if (typeof idx !== "number" || !Number.isInteger(idx)) {
      return fail(rt, n.index, `A list index must be a whole number, got ${kindOf(idx)} ${show(idx)}`);
    }
    return idx >= 0 && idx < obj.length ? admit(rt, n, obj[idx]) : null;
  }
  if (typeof idx === "string") return member(rt, n, obj, idx);
  return fail(rt, n.index, `Cannot index ${kindOf(obj)} with ${kindOf(idx)} ${show(idx)}`);
}

/** `not v`, `-v`, `+v` on an evaluated operand. */
export function unary(rt: Runtime, n: UnaryNode, v: unknown): unknown {
  if (n.op === "not") return !truth(rt, n.arg, v);
  if (v === null) return null;
  if (typeof v !== "number") return fail(rt, n, `'${n.op}' needs a number, got ${kindOf(v)} ${show(v)}`);
  return n.op === "-" ? (v === 0 ? 0 : -v) : v;
}

/** Evaluate a node. All recursion goes through here (step limit, explain's value recording). */
export function ev(n: Ast, rt: Runtime, f: Frame | undefined): unknown {
  if (++rt.steps > rt.maxSteps) {
    limit(
      rt,
      n,
      `Evaluation took more than ${rt.maxSteps} steps; simplify the expression or raise env.maxSteps`,
    );
  }
  const v = ev0(n, rt, f);
  if (rt.record !== undefined && f === undefined) rt.record.set(n, v);
  return v;
}

function ev0(n: Ast, rt: Runtime, f: Frame | undefined): unknown {
  switch (n.type) {
    case "Literal":
      return n.value;
    case "Ident": {
      for (let fr = f; fr !== undefined; fr = fr.parent) if (fr.name === n.name) return fr.value;
      // (forbidden names never reach here: parse and validateAst refuse them)
      const scope = rt.scope;
      return Object.hasOwn(scope, n.name) ? admit(rt, n, scope[n.name]) : null;
    }
    case "Member":
      return member(rt, n, ev(n.object, rt, f), n.property);
    case "Index": {
      const obj = ev(n.object, rt, f);
      return indexed(rt, n, obj, ev(n.index, rt, f));
    }
    case "List": {
      const items = n.items;
      if (items.length > rt.maxList) limit(rt, n, `A list may have at most ${rt.maxList} items`);
      const out = new Array<unknown>(items.length);
      for (let i = 0; i < items.length; i++) out[i] = ev(items[i]!, rt, f);
      return out;
    }
    case "Unary":
      return unary(rt, n, ev(n.arg, rt, f));
    case "Binary":
      return binary(rt, n, ev(n.left, rt, f), ev(n.right, rt, f));
    case "Logical": {
      const l = truth(rt, n.left, ev(n.left, rt, f));
      if (n.op === "and" ? !l : l) return l;
      return truth(rt, n.right, ev(n.right, rt, f));
    }
    case "Conditional":
      return truth(rt, n.test, ev(n.test, rt, f)) ? ev(n.then, rt, f) : ev(n.else, rt, f);
    case "Call":
      return call(rt, n, f);
    case "Lambda":
      return fail(
        rt,
        n,
        "A lambda (x => ...) is only allowed as the second argument of any/all/count/sum/filter/map/find",
      );
    default:
      return fail(
        rt,
        undefined,
        `Unknown AST node ${show((n as { type?: unknown }).type)}; the stored expression is damaged — compile it again`,
      );
  }
}

export function member(rt: Runtime, n: Ast, obj: unknown, key: string): unknown {
  if (FORBIDDEN_NAMES.has(key)) {
    return fail(rt, n, `'${key}' cannot be used as a field name: it would reach the host's internals`);
  }
  if (obj === null || obj === undefined) return null;
  if (isPlainObject(obj)) return Object.hasOwn(obj, key) ? admit(rt, n, obj[key]) : null;
  return fail(
    rt,
    n,
    `Cannot read field '${key}' of ${kindOf(obj)} ${show(obj)}`,
    Array.isArray(obj) ? "use len(list), first(list) or list[0]" : undefined,
  );
}

function compare(rt: Runtime, n: BinaryNode, l: unknown, r: unknown): number | undefined {
  if (l === null || r === null) return undefined;
  if (typeof l === "number" && typeof r === "number") return l < r ? -1 : l > r ? 1 : 0;
  if (typeof l === "string" && typeof r === "string") return l < r ? -1 : l > r ? 1 : 0;
  return fail(
    rt,
    n,
    `Cannot compare ${kindOf(l)} ${show(l)} with ${kindOf(r)} ${show(r)} using '${n.op}'`,
    typeof l === "string" || typeof r === "string"
      ? 'convert with number(x), or compare dates as "YYYY-MM-DD" strings'
      : undefined,
  );
}

function num(rt: Runtime, n: BinaryNode, v: unknown, side: "left" | "right"): number {
  if (typeof v !== "number") {
    fail(
      rt,
      side === "left" ? n.left : n.right,
      `'${n.op}' needs numbers, got ${kindOf(v)} ${show(v)}`,
      n.op === "-" && typeof v === "string" ? "for dates use daysBetween(a, b) or addDays(d, -n)" : undefined,
    );
  }
  return v;
}

function arith(rt: Runtime, n: BinaryNode, r: number): number {
  if (!Number.isFinite(r)) fail(rt, n, "The result of the arithmetic is not a finite number");
  return r === 0 ? 0 : r;
}

export function binary(rt: Runtime, n: BinaryNode, l: unknown, r: unknown): unknown {
  switch (n.op) {
    case "==":
      return deepEqual(l, r);
    case "!=":
      return !deepEqual(l, r);
    case "<": {
      const c = compare(rt, n, l, r);
      return c !== undefined && c < 0;
    }
    case "<=": {
      const c = compare(rt, n, l, r);
      return c !== undefined && c <= 0;
    }
    case ">": {
      const c = compare(rt, n, l, r);
      return c !== undefined && c > 0;
    }
    case ">=": {
      const c = compare(rt, n, l, r);
      return c !== undefined && c >= 0;
    }
    case "in":
    case "not in": {
      let found: boolean;
      if (r === null) found = false;
      else if (Array.isArray(r)) {
        spend(rt, n, r.length);
        found = false;
        for (const item of r) {
          if (deepEqual(item, l)) {
            found = true;
            break;
          }
        }
      } else if (typeof r === "string") {
        if (l === null) found = false;
        else if (typeof l !== "string")
          return fail(rt, n.left, `'in' a text needs a text on the left, got ${kindOf(l)}`);
        else found = r.includes(l);
      } else {
        return fail(
          rt,
          n.right,
          `'${n.op}' needs a list or a text on the right, got ${kindOf(r)} ${show(r)}`,
        );
      }
      return n.op === "in" ? found : !found;
    }
    case "+": {
      if (l === null || r === null) return null;
      if (typeof l === "string" && typeof r === "string") {
        if (l.length + r.length > rt.maxString)
          limit(rt, n, `The string would be longer than ${rt.maxString} characters`);
        return l + r;
      }
      if (typeof l === "number" && typeof r === "number") return arith(rt, n, l + r);
      return fail(
        rt,
        n,
        `'+' needs two numbers or two texts, got ${kindOf(l)} and ${kindOf(r)}`,
        "to build a text from mixed values use concat(a, b)",
      );
    }
    case "-":
      if (l === null || r === null) return null;
      return arith(rt, n, num(rt, n, l, "left") - num(rt, n, r, "right"));
    case "*":
      if (l === null || r === null) return null;
      return arith(rt, n, num(rt, n, l, "left") * num(rt, n, r, "right"));
    case "/": {
      if (l === null || r === null) return null;
      const a = num(rt, n, l, "left");
      const b = num(rt, n, r, "right");
      if (b === 0) return fail(rt, n.right, "Division by zero", "guard it: x != 0 ? y / x : 0");
      return arith(rt, n, a / b);
    }
    case "%": {
      if (l === null || r === null) return null;
      const a = num(rt, n, l, "left");
      const b = num(rt, n, r, "right");
      if (b === 0) return fail(rt, n.right, "Remainder by zero", "guard it: x != 0 ? y % x : 0");
      return arith(rt, n, a % b);
    }
    default:
      return fail(rt, n, `Unknown operator ${show((n as { op?: unknown }).op)}`);
  }
}

/** A built-in called with too few or too many arguments. */
export function checkArity(rt: Runtime, n: CallNode, b: Builtin): void {
  if (n.args.length < b.min || n.args.length > b.max) {
    fail(rt, n, `${n.callee} takes ${arity(b.min, b.max)}, got ${n.args.length}`);
  }
}

/** A lambda as argument `i` of a built-in: only the second, and only where it takes one. */
export function checkLambdaAt(rt: Runtime, n: CallNode, b: Builtin, i: number): void {
  if (i !== 1 || b.lambda === undefined) fail(rt, n.args[i]!, `${n.callee} does not take a lambda here`);
}

/** A built-in that needs (or was given a second argument that must be) a lambda, without one. */
export function checkLambdaGiven(rt: Runtime, n: CallNode, b: Builtin, fn: LambdaFn | undefined): void {
  if (fn !== undefined) return;
  const name = n.callee;
  if (b.lambda === "required") {
    fail(rt, n, `${name} needs a lambda as its second argument, e.g. ${name}(list, x => x.field)`);
  }
  if (b.lambda === "optional" && n.args.length > 1) {
    fail(rt, n.args[1]!, `The second argument of ${name} must be a lambda, e.g. ${name}(list, x => x.field)`);
  }
}

function call(rt: Runtime, n: CallNode, f: Frame | undefined): unknown {
  const name = n.callee;
  const args = n.args;
  if (Object.hasOwn(BUILTINS, name)) {
    const b = BUILTINS[name]!;
    checkArity(rt, n, b);
    let fn: LambdaFn | undefined;
    const vals = new Array<unknown>(args.length);
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a.type === "Lambda") {
        checkLambdaAt(rt, n, b, i);
        fn = lambda(rt, a, f);
        vals[i] = null;
      } else {
        vals[i] = ev(a, rt, f);
      }
    }
    checkLambdaGiven(rt, n, b, fn);
    return b.run(vals, rt, n, fn);
  }
  const host = rt.host;
  if (host !== undefined && Object.hasOwn(host, name)) {
    const h = host[name]!;
    const min = h.minArgs ?? h.params.length;
    if (args.length < min || args.length > h.params.length) {
      fail(rt, n, `${name} takes ${arity(min, h.params.length)}, got ${args.length}`);
    }
    const vals = new Array<unknown>(args.length);
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a.type === "Lambda") fail(rt, a, `${name} does not take a lambda`);
      vals[i] = ev(a, rt, f);
    }
    return runHost(rt, n, h, vals);
  }
  return unknownFunction(rt, n);
}

/** A host function's result for evaluated arguments: its errors as ours, its value admitted. */
export function runHost(rt: Runtime, n: CallNode, h: FunctionDef, vals: unknown[]): unknown {
  let out: unknown;
  try {
    out = h.impl(vals, rt.env);
  } catch (e) {
    if (e instanceof ExprError) throw e;
    fail(rt, n, `${n.callee} failed: ${e instanceof Error ? e.message : String(e)}`, undefined, e);
  }
  return admit(rt, n, out);
}

/** Refuse a call of a name that is neither a built-in nor a host function, with a suggestion. */
export function unknownFunction(rt: Runtime, n: CallNode): never {
  const name = n.callee;
  const host = rt.host;
  const known = [...Object.keys(BUILTINS), ...(host ? Object.keys(host) : [])];
  const hint = didYouMean(name, known);
  return fail(rt, n, `Unknown function '${name}'${hint ? `; did you mean ${hint}?` : ""}`, hint);
}

function lambda(rt: Runtime, lam: LambdaNode, f: Frame | undefined): LambdaFn {
  const frame: Frame = { name: lam.param, value: null, parent: f };
  const body = lam.body;
  return (item: unknown) => {
    frame.value = admit(rt, lam, item);
    return ev(body, rt, frame);
  };
}

export function arity(min: number, max: number): string {
  if (min === max) return `${min} argument${min === 1 ? "" : "s"}`;
  return `${min} to ${max} arguments`;
}

/** Run an evaluation, turning stray host exceptions (stack overflow on a hostile AST) into ours. */
export function guarded<R>(rt: Runtime, run: () => R): R {
  try {
    return run();
  } catch (e) {
    throw ours(rt, e);
  }
}

/** An exception out of an evaluation as an ExprError (a stack overflow on a hostile tree as a limit). */
export function ours(rt: Runtime, e: unknown): ExprError {
  if (e instanceof ExprError) return e;
  if (e instanceof RangeError) {
    return new ExprLimitError("The expression is too deeply nested to evaluate", {
      source: rt.source,
      cause: e,
    });
  }
  return new ExprEvalError(`Evaluation failed: ${e instanceof Error ? e.message : String(e)}`, {
    source: rt.source,
    cause: e,
  });
}
