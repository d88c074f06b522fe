import { FORBIDDEN_NAMES } from "../ast";
import { fail, isPlainObject } from "../runtime";
import type { TypeDesc } from "../types";
import { T, unify } from "../types";
import { argNode } from "./args";
import type { BuiltinFamily } from "./builtin";
import { ANY, B, S } from "./typeChecks";

/** Any value: emptiness, the first non-null, an object's own fields. */
export const valueFunctions: BuiltinFamily = {
  isEmpty: {
    min: 1,
    max: 1,
    params: [ANY],
    returns: B,
    doc: 'isEmpty(x): x is null, "", whitespace only, an empty list or an empty object',
    run: (a) => {
      const v = a[0];
      if (v === null || v === undefined) return true;
      if (typeof v === "string") return v.trim() === "";
      if (Array.isArray(v)) return v.length === 0;
      if (isPlainObject(v)) return Object.keys(v).length === 0;
      return false;
    },
  },
  coalesce: {
    min: 1,
    max: 64,
    check: (c) => c.args.reduce<TypeDesc>((t, a) => unify(t, a), T.null),
    doc: "coalesce(a, b, ...): the first argument that is not null",
    run: (a) => {
      for (const v of a) if (v !== null && v !== undefined) return v;
      return null;
    },
  },
  has: {
    min: 2,
    max: 2,
    params: [ANY, S],
    returns: B,
    doc: "has(obj, key): obj has its own field key (with any value, even null)",
    run: (a, rt, n) => {
      const o = a[0];
      const k = a[1];
      if (!isPlainObject(o) || typeof k !== "string") return false;
      if (FORBIDDEN_NAMES.has(k)) fail(rt, argNode(n, 1), `'${k}' cannot be used as a field name`);
      return Object.hasOwn(o, k);
    },
  },
};
