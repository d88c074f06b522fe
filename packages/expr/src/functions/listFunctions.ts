import type { CallNode } from "../ast";
import type { Runtime } from "../runtime";
import { deepEqual, fail, isPlainObject, kindOf, show, spend, truth } from "../runtime";
import type { TypeDesc } from "../types";
import { assignable, T, typeName, unify } from "../types";
import { argNode, checkListSize, codePoints, needList, needString } from "./args";
import type { Builtin, BuiltinFamily, CheckCall } from "./builtin";
import { B, expect, expectCondition, expectList, N, numberOrString, S } from "./typeChecks";

/** any/all: whether one (any) or every (all) item, or its lambda value, is true. */
function quantifier(stopAt: boolean, doc: string): Builtin {
  // any stops at the first true item and all at the first false one; an exhausted list gives
  // the opposite answer (any([]) is false, all([]) is true).
  return {
    min: 1,
    max: 2,
    lambda: "optional",
    check: (c) => {
      const items = expectList(c, 0);
      const lambda = c.args.length > 1;
      expectCondition(c, lambda ? 1 : 0, lambda ? c.args[1]! : items);
      return B;
    },
    doc,
    run: (a, rt, n, fn) => {
      const node = argNode(n, fn ? 1 : 0);
      for (const item of needList(rt, n, a, 0))
        if (truth(rt, node, fn ? fn(item) : item) === stopAt) return stopAt;
      return !stopAt;
    },
  };
}

/** The smallest (sign -1) or largest (sign 1) of numbers or strings, skipping nulls. */
function extreme(rt: Runtime, n: CallNode, vals: unknown[], sign: 1 | -1): unknown {
  let best: unknown = null;
  for (const v of vals) {
    if (v === null || v === undefined) continue;
    if (typeof v !== "number" && typeof v !== "string")
      fail(rt, n, `${n.callee}: cannot compare ${kindOf(v)} ${show(v)}`);
    if (best === null) {
      best = v;
      continue;
    }
    if (typeof best !== typeof v)
      fail(rt, n, `${n.callee}: cannot compare ${kindOf(best)} with ${kindOf(v)}`);
    if (sign > 0 ? (v as number) > (best as number) : (v as number) < (best as number)) best = v;
  }
  return best;
}

/** min/max over one list argument or over the arguments themselves. */
function minMax(sign: 1 | -1, doc: string): Builtin {
  return {
    min: 1,
    max: 64,
    check: (c: CheckCall): TypeDesc => {
      if (c.args.length === 1) {
        const e = expectList(c, 0);
        numberOrString(c, e, 0);
        return e;
      }
      let t: TypeDesc = T.null;
      c.args.forEach((a, i) => {
        numberOrString(c, a, i);
        t = unify(t, a);
      });
      return t;
    },
    doc,
    run: (a, rt, n) => extreme(rt, n, a.length === 1 && Array.isArray(a[0]) ? a[0] : a, sign),
  };
}

/** Functions over lists, most with a lambda `x => ...` as the second argument; null is the empty list. */
export const listFunctions: BuiltinFamily = {
  len: {
    min: 1,
    max: 1,
    check: (c) => {
      const t = c.args[0]!;
      if (!["list", "string", "date", "datetime", "object", "any", "null"].includes(t.kind)) {
        c.issue(0, `len: argument must be a list or a string, got ${typeName(t)}`);
      }
      return N;
    },
    doc: "len(x): items in a list, characters in a string, keys of an object (null gives 0)",
    run: (a, rt, n) => {
      const v = a[0];
      if (v === null || v === undefined) return 0;
      if (typeof v === "string") return codePoints(v).length;
      if (Array.isArray(v)) return v.length;
      if (isPlainObject(v)) return Object.keys(v).length;
      return fail(rt, argNode(n, 0), `len: argument must be a list or a string, got ${kindOf(v)}`);
    },
  },
  sum: {
    min: 1,
    max: 2,
    lambda: "optional",
    check: (c) => {
      const e = expectList(c, 0);
      const t = c.args.length > 1 ? c.args[1]! : e;
      if (!assignable(t, N))
        c.issue(c.args.length > 1 ? 1 : 0, `sum: the values must be numbers, got ${typeName(t)}`);
      return N;
    },
    doc: "sum(list) or sum(list, x => number): the total (null items are skipped)",
    run: (a, rt, n, fn) => {
      let total = 0;
      for (const item of needList(rt, n, a, 0)) {
        const v = fn ? fn(item) : item;
        if (v === null || v === undefined) continue;
        if (typeof v !== "number")
          fail(rt, n, `sum: every value must be a number, got ${kindOf(v)} ${show(v)}`);
        total += v;
      }
      return total;
    },
  },
  count: {
    min: 1,
    max: 2,
    lambda: "optional",
    check: (c) => {
      expectList(c, 0);
      if (c.args.length > 1) expectCondition(c, 1, c.args[1]!);
      return N;
    },
    doc: "count(list) or count(list, x => condition): how many items (satisfy the condition)",
    run: (a, rt, n, fn) => {
      const list = needList(rt, n, a, 0);
      if (!fn) return list.length;
      let k = 0;
      const body = argNode(n, 1);
      for (const item of list) if (truth(rt, body, fn(item))) k++;
      return k;
    },
  },
  any: quantifier(
    true,
    "any(list, x => condition): true when at least one item satisfies it (any(list) for a list of booleans)",
  ),
  all: quantifier(
    false,
    "all(list, x => condition): true when every item satisfies it (true for an empty list)",
  ),
  filter: {
    min: 2,
    max: 2,
    lambda: "required",
    check: (c) => {
      const e = expectList(c, 0);
      expectCondition(c, 1, c.args[1]!);
      return T.list(e);
    },
    doc: "filter(list, x => condition): the items that satisfy the condition",
    run: (a, rt, n, fn) => {
      const out: unknown[] = [];
      const body = argNode(n, 1);
      for (const item of needList(rt, n, a, 0)) if (truth(rt, body, fn!(item))) out.push(item);
      return out;
    },
  },
  map: {
    min: 2,
    max: 2,
    lambda: "required",
    check: (c) => {
      expectList(c, 0);
      return T.list(c.args[1]!);
    },
    doc: "map(list, x => value): the list of values, e.g. map(data.members, m => m.name)",
    run: (a, rt, n, fn) => {
      const list = needList(rt, n, a, 0);
      checkListSize(rt, n, list.length);
      const out = new Array<unknown>(list.length);
      for (let i = 0; i < list.length; i++) out[i] = fn!(list[i]);
      return out;
    },
  },
  find: {
    min: 2,
    max: 2,
    lambda: "required",
    check: (c) => {
      const e = expectList(c, 0);
      expectCondition(c, 1, c.args[1]!);
      return e;
    },
    doc: "find(list, x => condition): the first item that satisfies the condition, or null",
    run: (a, rt, n, fn) => {
      const body = argNode(n, 1);
      for (const item of needList(rt, n, a, 0)) if (truth(rt, body, fn!(item))) return item;
      return null;
    },
  },
  min: minMax(
    -1,
    "min(list) or min(a, b, ...): the smallest number or string (nulls skipped; null when none)",
  ),
  max: minMax(1, "max(list) or max(a, b, ...): the largest number or string (nulls skipped; null when none)"),
  first: {
    min: 1,
    max: 1,
    check: (c) => expectList(c, 0),
    doc: "first(list): the first item, or null",
    run: (a, rt, n) => needList(rt, n, a, 0)[0] ?? null,
  },
  last: {
    min: 1,
    max: 1,
    check: (c) => expectList(c, 0),
    doc: "last(list): the last item, or null",
    run: (a, rt, n) => {
      const l = needList(rt, n, a, 0);
      return l.length > 0 ? l[l.length - 1] : null;
    },
  },
  unique: {
    min: 1,
    max: 1,
    check: (c) => T.list(expectList(c, 0)),
    doc: "unique(list): the list without repeated items (first occurrence kept)",
    run: (a, rt, n) => {
      const out: unknown[] = [];
      const list = needList(rt, n, a, 0);
      spend(rt, n, list.length);
      for (const item of list) {
        let seen = false;
        for (const o of out) {
          if (deepEqual(o, item)) {
            seen = true;
            break;
          }
        }
        if (!seen) out.push(item);
        spend(rt, n, out.length);
      }
      return out;
    },
  },
  contains: {
    min: 2,
    max: 2,
    check: (c) => {
      const t = c.args[0]!;
      if (!["list", "string", "date", "datetime", "any", "null"].includes(t.kind)) {
        c.issue(0, `contains: argument 1 must be a list or a string, got ${typeName(t)}`);
      } else if (t.kind !== "list" && t.kind !== "any" && t.kind !== "null") {
        expect(c, 1, S);
      }
      return B;
    },
    doc: "contains(list, x): x is an item of the list; contains(s, part): s contains the text part",
    run: (a, rt, n) => {
      const h = a[0];
      if (h === null || h === undefined) return false;
      if (typeof h === "string") return a[1] === null ? false : h.includes(needString(rt, n, a, 1));
      if (Array.isArray(h)) {
        spend(rt, n, h.length);
        for (const item of h) if (deepEqual(item, a[1])) return true;
        return false;
      }
      return fail(rt, argNode(n, 0), `contains: argument 1 must be a list or a string, got ${kindOf(h)}`);
    },
  },
};
