import { anyNull, needInt, needNumber } from "./args";
import { type Builtin, type BuiltinFamily, nullSafe } from "./builtin";
import { ANY, N } from "./typeChecks";

/** floor/ceil/abs: one Math function, with -0 written as 0. */
function mathOf(f: (x: number) => number, doc: string): Builtin {
  return nullSafe([N], N, doc, (a, rt, n) => {
    const r = f(needNumber(rt, n, a, 0));
    return r === 0 ? 0 : r;
  });
}

/** Rounding and conversion to numbers. */
export const numberFunctions: BuiltinFamily = {
  round: {
    min: 1,
    max: 2,
    params: [N, N],
    returns: N,
    doc: "round(x) or round(x, digits): rounded half away from zero",
    run: (a, rt, n) => {
      if (anyNull(a)) return null;
      const x = needNumber(rt, n, a, 0);
      const digits = a.length > 1 ? needInt(rt, n, a, 1, 15) : 0;
      const f = 10 ** digits;
      const r = (Math.sign(x) * Math.round(Math.abs(x) * f + Number.EPSILON * f)) / f;
      return r === 0 ? 0 : r;
    },
  },
  floor: mathOf(Math.floor, "floor(x): the largest whole number <= x"),
  ceil: mathOf(Math.ceil, "ceil(x): the smallest whole number >= x"),
  abs: mathOf(Math.abs, "abs(x): x without its sign"),
  number: {
    min: 1,
    max: 1,
    params: [ANY],
    returns: N,
    doc: 'number(x): x as a number ("12.5" gives 12.5); null when it is not a number',
    run: (a) => {
      const v = a[0];
      if (typeof v === "number") return v;
      if (typeof v === "string" && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(v)) {
        const x = Number(v);
        return Number.isFinite(x) ? x : null;
      }
      return null;
    },
  },
};
