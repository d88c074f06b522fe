import type { TypeDesc } from "../types";
import { assignable, T, typeName } from "../types";
import type { CheckCall } from "./builtin";

// Type-check helpers for the built-ins whose signature a `params` list cannot say.

/** Short names for the types the signatures use. */
export const S = T.string;
export const N = T.number;
export const B = T.boolean;
export const DATE = T.date;
export const ANY = T.any;

function elemOf(t: TypeDesc | undefined): TypeDesc {
  return t && t.kind === "list" ? t.of : ANY;
}

/** Report argument i unless it can be a list; the item type. */
export function expectList(c: CheckCall, i: number): TypeDesc {
  const t = c.args[i];
  if (t && t.kind !== "list" && t.kind !== "any" && t.kind !== "null") {
    c.issue(i, `${c.node.callee}: argument ${i + 1} must be a list, got ${typeName(t)}`);
  }
  return elemOf(t);
}

/** Report argument i unless its type is assignable to `want`. */
export function expect(c: CheckCall, i: number, want: TypeDesc): void {
  const t = c.args[i];
  if (t && !assignable(t, want)) {
    c.issue(i, `${c.node.callee}: argument ${i + 1} must be ${typeName(want)}, got ${typeName(t)}`);
  }
}

/** Report argument i (the lambda body, or the list's items without one) unless it is true/false. */
export function expectCondition(c: CheckCall, i: number, t: TypeDesc): void {
  if (!assignable(t, B)) c.issue(i, `${c.node.callee}: the condition must be true/false`);
}

/** Report argument i unless it can be compared: a number, a string or a date. */
export function numberOrString(c: CheckCall, t: TypeDesc, i: number): void {
  if (!["number", "string", "date", "datetime", "any", "null"].includes(t.kind)) {
    c.issue(i, `${c.node.callee}: argument ${i + 1} must be a number or a string, got ${typeName(t)}`);
  }
}
