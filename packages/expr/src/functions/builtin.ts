import type { CallNode } from "../ast";
import type { Runtime } from "../runtime";
import type { TypeDesc } from "../types";
import { anyNull } from "./args";

/** What the checker hands a built-in's `check`. */
export interface CheckCall {
  node: CallNode;
  /** Argument types; for a lambda argument, the type of its body. */
  args: TypeDesc[];
  /** Report an issue at argument i (or the whole call when i is undefined). */
  issue(i: number | undefined, message: string, hint?: string): void;
}

/** A lambda argument as the interpreter hands it over: the body's value for one list item. */
export type LambdaFn = (item: unknown) => unknown;

/** One built-in function: its signature for the checker, its implementation, its doc line. */
export interface Builtin {
  min: number;
  max: number;
  /** Whether argument 2 is a lambda `x => ...` (its parameter is bound to each list item). */
  lambda?: "required" | "optional";
  /** Simple signature: parameter types (last one repeats when max > params.length). */
  params?: TypeDesc[];
  returns?: TypeDesc;
  /** Polymorphic signature: return the call's type (and report issues). */
  check?(c: CheckCall): TypeDesc;
  run(args: unknown[], rt: Runtime, n: CallNode, fn: LambdaFn | undefined): unknown;
  /** Usage and meaning, for docs and tools. */
  doc: string;
  /** Reads the clock (today/now). */
  clock?: boolean;
}

/** A family of built-ins by name (dates, lists, ...); the registry in index.ts joins them. */
export type BuiltinFamily = Record<string, Builtin>;

/**
 * A built-in with a fixed signature that gives null when any argument is null, the common shape
 * of the date, number and text functions (a missing form value propagates instead of failing).
 */
export function nullSafe(
  params: TypeDesc[],
  returns: TypeDesc,
  doc: string,
  run: (args: unknown[], rt: Runtime, n: CallNode) => unknown,
): Builtin {
  return {
    min: params.length,
    max: params.length,
    params,
    returns,
    doc,
    run: (a, rt, n) => (anyNull(a) ? null : run(a, rt, n)),
  };
}
