import { fail } from "../runtime";
import type { TypeDesc } from "../types";
import { T, unify } from "../types";
import {
  anyNull,
  argNode,
  checkListSize,
  checkString,
  codePoints,
  needInt,
  needList,
  needString,
  textOf,
} from "./args";
import { type Builtin, type BuiltinFamily, nullSafe } from "./builtin";
import { ANY, B, N, S } from "./typeChecks";

/** upper/lower/trim: one string to string function. */
function textMap(f: (s: string) => string, doc: string): Builtin {
  return nullSafe([S], S, doc, (a, rt, n) => f(needString(rt, n, a, 0)));
}

/** startsWith/endsWith: a test on two strings, false (not null) when either is null. */
function textTest(f: (s: string, part: string) => boolean, doc: string): Builtin {
  return {
    min: 2,
    max: 2,
    params: [S, S],
    returns: B,
    doc,
    run: (a, rt, n) => (anyNull(a) ? false : f(needString(rt, n, a, 0), needString(rt, n, a, 1))),
  };
}

/** Text: conversion, case, parts, joining and splitting. Lengths count characters, not UTF-16 units. */
export const textFunctions: BuiltinFamily = {
  string: {
    min: 1,
    max: 1,
    params: [ANY],
    returns: S,
    doc: 'string(x): x as text (null gives "")',
    run: (a, rt, n) => checkString(rt, n, textOf(a[0])),
  },
  upper: textMap((s) => s.toUpperCase(), "upper(s): s in capitals"),
  lower: textMap((s) => s.toLowerCase(), "lower(s): s in small letters"),
  trim: textMap((s) => s.trim(), "trim(s): s without leading and trailing spaces"),
  startsWith: textTest((s, part) => s.startsWith(part), "startsWith(s, prefix)"),
  endsWith: textTest((s, part) => s.endsWith(part), "endsWith(s, suffix)"),
  substr: {
    min: 2,
    max: 3,
    params: [S, N, N],
    returns: S,
    doc: "substr(s, start, length?): part of s, counted in characters from 0",
    run: (a, rt, n) => {
      if (a[0] === null || a[0] === undefined) return null;
      const cps = codePoints(needString(rt, n, a, 0));
      const start = Math.max(0, needInt(rt, n, a, 1));
      const len = a.length > 2 && a[2] !== null ? Math.max(0, needInt(rt, n, a, 2)) : cps.length;
      return cps.slice(start, start + len).join("");
    },
  },
  concat: {
    min: 1,
    max: 64,
    check: (c) => {
      const lists = c.args.filter((t) => t.kind === "list");
      if (lists.length > 0) {
        c.args.forEach((t, i) => {
          if (t.kind !== "list" && t.kind !== "any" && t.kind !== "null") {
            c.issue(i, "concat: mix of lists and other values; pass only lists (or only texts)");
          }
        });
        return lists.reduce<TypeDesc>((t, l) => unify(t, l), T.null);
      }
      return S;
    },
    doc: "concat(a, b, ...): texts joined (numbers written out, null as nothing), or lists joined",
    run: (a, rt, n) => {
      if (a.some((v) => Array.isArray(v))) {
        const out: unknown[] = [];
        a.forEach((v, i) => {
          if (v === null || v === undefined) return;
          if (!Array.isArray(v)) fail(rt, argNode(n, i), "concat: mix of lists and other values");
          checkListSize(rt, n, out.length + v.length);
          for (const x of v) out.push(x);
        });
        return out;
      }
      let s = "";
      for (const v of a) {
        s += textOf(v);
        checkString(rt, n, s);
      }
      return s;
    },
  },
  join: {
    min: 1,
    max: 2,
    params: [T.list(ANY), S],
    returns: S,
    doc: 'join(list, sep?): the items as text separated by sep (default ",")',
    run: (a, rt, n) => {
      const list = needList(rt, n, a, 0);
      const sep = a.length > 1 && a[1] !== null ? needString(rt, n, a, 1) : ",";
      return checkString(rt, n, list.map(textOf).join(sep));
    },
  },
  split: {
    min: 2,
    max: 2,
    params: [S, S],
    returns: T.list(S),
    doc: "split(s, sep): the parts of s between occurrences of sep",
    run: (a, rt, n) => {
      if (a[0] === null || a[0] === undefined) return [];
      const s = needString(rt, n, a, 0);
      const sep = needString(rt, n, a, 1);
      const parts = sep === "" ? codePoints(s) : s.split(sep);
      checkListSize(rt, n, parts.length);
      return parts;
    },
  },
};
