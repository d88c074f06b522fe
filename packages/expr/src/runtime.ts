import type { Ast } from "./ast";
import { ExprEvalError, ExprLimitError } from "./errors";
import type { EvalEnv, FunctionRegistry, Scope } from "./types";

export const EVAL_DEFAULTS = { maxSteps: 50_000, maxListSize: 10_000, maxStringLength: 100_000 } as const;

/** A lambda's variable binding (a linked list of frames, reused across iterations). */
export interface Frame {
  name: string;
  value: unknown;
  parent: Frame | undefined;
}

/** State of one evaluation. */
export interface Runtime {
  steps: number;
  maxSteps: number;
  maxList: number;
  maxString: number;
  scope: Scope;
  env: EvalEnv;
  source: string | undefined;
  host: FunctionRegistry | undefined;
  timeZone: string;
  /** explain(): values of the top-level (non-lambda) nodes */
  record: Map<Ast, unknown> | undefined;
}

export function fail(
  rt: Runtime,
  node: Ast | undefined,
  message: string,
  hint?: string,
  cause?: unknown,
): never {
  throw new ExprEvalError(message, {
    offset: node?.start,
    end: node?.end,
    source: rt.source,
    hint,
    cause,
  });
}

export function limit(rt: Runtime, node: Ast | undefined, message: string): never {
  throw new ExprLimitError(message, { offset: node?.start, end: node?.end, source: rt.source });
}

/** A readable type of a runtime value. */
export function kindOf(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (Array.isArray(v)) return "list";
  return typeof v === "object" ? "object" : typeof v;
}

/** Short display of a value for messages (JSON, truncated). */
export function show(v: unknown): string {
  let s: string;
  try {
    s = typeof v === "string" ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  } catch {
    s = String(kindOf(v));
  }
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/**
 * Admit a value read from the scope or returned by a host function: JSON values only.
 * `undefined` becomes null; functions, symbols, bigints and class instances (Date, Map...) are refused,
 * so nothing of the host is reachable from an expression.
 */
export function admit(rt: Runtime, node: Ast | undefined, v: unknown): unknown {
  switch (typeof v) {
    case "string":
    case "boolean":
      return v;
    case "number":
      return Number.isFinite(v) ? v : null;
    case "undefined":
      return null;
    case "object": {
      if (v === null || Array.isArray(v)) return v;
      const proto = Object.getPrototypeOf(v);
      if (proto === Object.prototype || proto === null) return v;
      return fail(
        rt,
        node,
        `A ${(proto as { constructor?: { name?: string } })?.constructor?.name ?? "host"} object is not a JSON value; pass plain data (dates as "YYYY-MM-DD" strings)`,
      );
    }
    default:
      return fail(rt, node, `A ${typeof v} is not a JSON value; expressions only see plain data`);
  }
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Structural equality of JSON values (strict: 1 == "1" is false). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined) return b === null;
  if (b === undefined) return a === null;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(b, k)) return false;
    if (!deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/** Condition value: true/false; null counts as false; anything else is an error. */
export function truth(rt: Runtime, node: Ast, v: unknown): boolean {
  if (v === true) return true;
  if (v === false || v === null || v === undefined) return false;
  return fail(
    rt,
    node,
    `Expected true or false, got ${kindOf(v)} ${show(v)}`,
    typeof v === "string" || Array.isArray(v)
      ? "test emptiness with isEmpty(x) or not isEmpty(x)"
      : typeof v === "number"
        ? "compare explicitly, e.g. x != 0"
        : undefined,
  );
}

/** Charge k steps at once (for loops inside operators and built-ins). */
export function spend(rt: Runtime, node: Ast, k: number): void {
  rt.steps += k;
  if (rt.steps > rt.maxSteps) {
    limit(
      rt,
      node,
      `Evaluation took more than ${rt.maxSteps} steps; simplify the expression or raise env.maxSteps`,
    );
  }
}
