import type { Ast, CallNode } from "../ast";
import * as D from "../dates";
import type { Runtime } from "../runtime";
import { fail, kindOf, limit, show } from "../runtime";

// Run-time argument checks shared by the built-ins. The checker catches most type errors before
// evaluation, but expressions over `any` data (and host scopes) reach these at run time, so each
// names the function, the argument and the value it got.

/** The node of argument i, for pointing an error at it (the whole call when it is missing). */
export function argNode(n: CallNode, i: number): Ast {
  return n.args[i] ?? n;
}

/** Argument i as a string, or an evaluation error naming the function and the value. */
export function needString(rt: Runtime, n: CallNode, args: unknown[], i: number): string {
  const v = args[i];
  if (typeof v !== "string")
    fail(rt, argNode(n, i), `${n.callee}: argument ${i + 1} must be a string, got ${kindOf(v)} ${show(v)}`);
  return v;
}

/** Argument i as a number, or an evaluation error naming the function and the value. */
export function needNumber(rt: Runtime, n: CallNode, args: unknown[], i: number): number {
  const v = args[i];
  if (typeof v !== "number")
    fail(rt, argNode(n, i), `${n.callee}: argument ${i + 1} must be a number, got ${kindOf(v)} ${show(v)}`);
  return v;
}

/** Argument i as a whole number of at most `max` in size (larger is a limit error). */
export function needInt(rt: Runtime, n: CallNode, args: unknown[], i: number, max = 1e7): number {
  const v = needNumber(rt, n, args, i);
  if (!Number.isInteger(v))
    fail(
      rt,
      argNode(n, i),
      `${n.callee}: argument ${i + 1} must be a whole number, got ${v}`,
      "use round(x)",
    );
  if (Math.abs(v) > max) limit(rt, argNode(n, i), `${n.callee}: argument ${i + 1} is larger than ${max}`);
  return v;
}

const EMPTY: unknown[] = [];

/** A list argument; null counts as the empty list. */
export function needList(rt: Runtime, n: CallNode, args: unknown[], i: number): unknown[] {
  const v = args[i];
  if (v === null || v === undefined) return EMPTY;
  if (!Array.isArray(v))
    fail(rt, argNode(n, i), `${n.callee}: argument ${i + 1} must be a list, got ${kindOf(v)} ${show(v)}`);
  return v;
}

/** A date argument (YYYY-MM-DD, or a date-time whose local date in env.timeZone is used) as a day number. */
export function needDay(rt: Runtime, n: CallNode, args: unknown[], i: number): number {
  const v = args[i];
  if (typeof v === "string") {
    const z = D.parseDateOnly(v);
    if (z !== undefined) return z;
    const inst = D.parseDateTime(v);
    if (inst !== undefined) return D.localDay(inst, rt.timeZone);
  }
  return fail(
    rt,
    argNode(n, i),
    `${n.callee}: argument ${i + 1} must be a date "YYYY-MM-DD", got ${kindOf(v)} ${show(v)}`,
  );
}

/** Whether any argument is null (a missing value), which most built-ins pass on as null. */
export function anyNull(args: unknown[]): boolean {
  for (const a of args) if (a === null || a === undefined) return true;
  return false;
}

/** Stop a call whose result would pass env.maxListSize. */
export function checkListSize(rt: Runtime, n: CallNode, size: number): void {
  if (size > rt.maxList) limit(rt, n, `${n.callee}: the result would have more than ${rt.maxList} items`);
}

/** Stop a string that would pass env.maxStringLength; s itself otherwise. */
export function checkString(rt: Runtime, n: Ast, s: string): string {
  if (s.length > rt.maxString) limit(rt, n, `The string would be longer than ${rt.maxString} characters`);
  return s;
}

/** The characters of s as a person counts them (a character outside the BMP is one, not two). */
export function codePoints(s: string): string[] {
  return Array.from(s);
}

/** A value as text, the way string() and concat() write it (null is nothing). */
export function textOf(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}
