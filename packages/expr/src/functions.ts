import type { Ast, CallNode } from "./ast";
import { FORBIDDEN_NAMES } from "./ast";
import * as D from "./dates";
import type { Runtime } from "./runtime";
import { deepEqual, fail, isPlainObject, kindOf, limit, show, spend, truth } from "./runtime";
import type { TypeDesc } from "./types";
import { assignable, T, typeName, unify } from "./types";

/** What the checker hands a built-in's `check`. */
export interface CheckCall {
  node: CallNode;
  /** Argument types; for a lambda argument, the type of its body. */
  args: TypeDesc[];
  /** Report an issue at argument i (or the whole call when i is undefined). */
  issue(i: number | undefined, message: string, hint?: string): void;
}

export type LambdaFn = (item: unknown) => unknown;

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

// ---------- runtime argument helpers ----------

function argNode(n: CallNode, i: number): Ast {
  return n.args[i] ?? n;
}

function needString(rt: Runtime, n: CallNode, args: unknown[], i: number): string {
  const v = args[i];
  if (typeof v !== "string")
    fail(rt, argNode(n, i), `${n.callee}: argument ${i + 1} must be a string, got ${kindOf(v)} ${show(v)}`);
  return v;
}

function needNumber(rt: Runtime, n: CallNode, args: unknown[], i: number): number {
  const v = args[i];
  if (typeof v !== "number")
    fail(rt, argNode(n, i), `${n.callee}: argument ${i + 1} must be a number, got ${kindOf(v)} ${show(v)}`);
  return v;
}

function needInt(rt: Runtime, n: CallNode, args: unknown[], i: number, max = 1e7): number {
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

/** A list argument; null counts as the empty list. */
function needList(rt: Runtime, n: CallNode, args: unknown[], i: number): unknown[] {
  const v = args[i];
  if (v === null || v === undefined) return EMPTY;
  if (!Array.isArray(v))
    fail(rt, argNode(n, i), `${n.callee}: argument ${i + 1} must be a list, got ${kindOf(v)} ${show(v)}`);
  return v;
}
const EMPTY: unknown[] = [];

/** A date argument (YYYY-MM-DD, or a date-time whose local date in env.timeZone is used) as a day number. */
function needDay(rt: Runtime, n: CallNode, args: unknown[], i: number): number {
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

function anyNull(args: unknown[]): boolean {
  for (const a of args) if (a === null || a === undefined) return true;
  return false;
}

function checkListSize(rt: Runtime, n: CallNode, size: number): void {
  if (size > rt.maxList) limit(rt, n, `${n.callee}: the result would have more than ${rt.maxList} items`);
}
function checkString(rt: Runtime, n: Ast, s: string): string {
  if (s.length > rt.maxString) limit(rt, n, `The string would be longer than ${rt.maxString} characters`);
  return s;
}

let lastNow: string | undefined;
let lastInstant: D.Instant | undefined;
let lastTodayKey: string | undefined;
let lastToday = "";

/** today() for env.now in the runtime's zone; the last answer is kept (guards call it per evaluation). */
function today(rt: Runtime, n: Ast): string {
  const key = `${rt.env.now}|${rt.timeZone}`;
  if (key !== lastTodayKey) {
    lastToday = D.formatDay(D.localDay(nowInstant(rt, n), rt.timeZone));
    lastTodayKey = key;
  }
  return lastToday;
}

/** The current instant, from env.now (never the host clock). */
export function nowInstant(rt: Runtime, n: Ast): D.Instant {
  const now = rt.env.now;
  if (now === lastNow && lastInstant !== undefined) return lastInstant;
  const inst = parseNow(rt, n, now);
  lastNow = now;
  lastInstant = inst;
  return inst;
}

function parseNow(rt: Runtime, n: Ast, now: unknown): D.Instant {
  if (typeof now === "string") {
    const inst = D.parseDateTime(now);
    if (inst) return inst;
    const z = D.parseDateOnly(now);
    if (z !== undefined) return { ms: undefined, localDay: z, localMs: 0 };
  }
  return fail(
    rt,
    n,
    `env.now must be an ISO date-time such as "2026-09-30T09:00:00+08:00", got ${show(now)}`,
  );
}

function calSets(rt: Runtime, n: CallNode) {
  try {
    return D.calendarSets(rt.env.calendar);
  } catch (e) {
    return fail(rt, n, (e as Error).message, "fix the holiday calendar's dates");
  }
}

function listCmp(rt: Runtime, n: CallNode, vals: unknown[], sign: 1 | -1): unknown {
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

function codePoints(s: string): string[] {
  return Array.from(s);
}

// ---------- type-check helpers ----------

const S = T.string;
const N = T.number;
const B = T.boolean;
const DATE = T.date;
const ANY = T.any;

function elemOf(t: TypeDesc | undefined): TypeDesc {
  return t && t.kind === "list" ? t.of : ANY;
}

function expectList(c: CheckCall, i: number): TypeDesc {
  const t = c.args[i];
  if (t && t.kind !== "list" && t.kind !== "any" && t.kind !== "null") {
    c.issue(i, `${c.node.callee}: argument ${i + 1} must be a list, got ${typeName(t)}`);
  }
  return elemOf(t);
}

function expect(c: CheckCall, i: number, want: TypeDesc): void {
  const t = c.args[i];
  if (t && !assignable(t, want)) {
    c.issue(i, `${c.node.callee}: argument ${i + 1} must be ${typeName(want)}, got ${typeName(t)}`);
  }
}

function numberOrString(c: CheckCall, t: TypeDesc, i: number): void {
  if (!["number", "string", "date", "datetime", "any", "null"].includes(t.kind)) {
    c.issue(i, `${c.node.callee}: argument ${i + 1} must be a number or a string, got ${typeName(t)}`);
  }
}

function minMaxCheck(c: CheckCall): TypeDesc {
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
}

// ---------- the built-ins ----------

const builtins: Record<string, Builtin> = Object.create(null);

function def(name: string, b: Builtin): void {
  builtins[name] = b;
}

// dates
def("today", {
  min: 0,
  max: 0,
  params: [],
  returns: DATE,
  clock: true,
  doc: "today(): the current date in env.timeZone (default Asia/Shanghai), from env.now",
  run: (_a, rt, n) => today(rt, n),
});
def("now", {
  min: 0,
  max: 0,
  params: [],
  returns: T.datetime,
  clock: true,
  doc: "now(): env.now as an ISO date-time with the offset of env.timeZone",
  run: (_a, rt, n) => D.formatInstant(nowInstant(rt, n), rt.timeZone),
});
def("addDays", {
  min: 2,
  max: 2,
  params: [DATE, N],
  returns: DATE,
  doc: "addDays(d, n): the date n calendar days after d (n may be negative)",
  run: (a, rt, n) => (anyNull(a) ? null : D.formatDay(needDay(rt, n, a, 0) + needInt(rt, n, a, 1))),
});
def("addWorkingDays", {
  min: 2,
  max: 2,
  params: [DATE, N],
  returns: DATE,
  doc: "addWorkingDays(d, n): the n-th working day after d, using env.calendar (Mon–Fri minus holidays plus worked weekend days); n = 0 gives d or the next working day",
  run: (a, rt, n) => {
    if (anyNull(a)) return null;
    const z = needDay(rt, n, a, 0);
    const k = needInt(rt, n, a, 1, 10_000);
    spend(rt, n, Math.abs(k));
    return D.formatDay(D.addWorkingDays(z, k, calSets(rt, n)));
  },
});
def("addMonths", {
  min: 2,
  max: 2,
  params: [DATE, N],
  returns: DATE,
  doc: "addMonths(d, n): n months after d, clamped to the month's end (2026-01-31 + 1 month = 2026-02-28)",
  run: (a, rt, n) =>
    anyNull(a) ? null : D.formatDay(D.addMonths(needDay(rt, n, a, 0), needInt(rt, n, a, 1, 120_000))),
});
def("addYears", {
  min: 2,
  max: 2,
  params: [DATE, N],
  returns: DATE,
  doc: "addYears(d, n): n years after d (29 Feb becomes 28 Feb in common years)",
  run: (a, rt, n) =>
    anyNull(a) ? null : D.formatDay(D.addMonths(needDay(rt, n, a, 0), 12 * needInt(rt, n, a, 1, 10_000))),
});
def("yearsBetween", {
  min: 2,
  max: 2,
  params: [DATE, DATE],
  returns: N,
  doc: "yearsBetween(a, b): whole years from a to b — age, party standing, years of work (the birthday itself counts)",
  run: (a, rt, n) => (anyNull(a) ? null : D.yearsBetween(needDay(rt, n, a, 0), needDay(rt, n, a, 1))),
});
def("monthsBetween", {
  min: 2,
  max: 2,
  params: [DATE, DATE],
  returns: N,
  doc: "monthsBetween(a, b): whole months from a to b",
  run: (a, rt, n) => (anyNull(a) ? null : D.monthsBetween(needDay(rt, n, a, 0), needDay(rt, n, a, 1))),
});
def("daysBetween", {
  min: 2,
  max: 2,
  params: [DATE, DATE],
  returns: N,
  doc: "daysBetween(a, b): calendar days from a to b (negative when b is before a)",
  run: (a, rt, n) => (anyNull(a) ? null : needDay(rt, n, a, 1) - needDay(rt, n, a, 0)),
});
def("workingDaysBetween", {
  min: 2,
  max: 2,
  params: [DATE, DATE],
  returns: N,
  doc: "workingDaysBetween(a, b): working days after a up to and including b (so addWorkingDays(a, k) is the k-th)",
  run: (a, rt, n) =>
    anyNull(a) ? null : D.workingDaysBetween(needDay(rt, n, a, 0), needDay(rt, n, a, 1), calSets(rt, n)),
});
def("isWorkingDay", {
  min: 1,
  max: 1,
  params: [DATE],
  returns: B,
  doc: "isWorkingDay(d): whether d is a working day under env.calendar",
  run: (a, rt, n) => (anyNull(a) ? null : D.isWorkingDay(needDay(rt, n, a, 0), calSets(rt, n))),
});
def("date", {
  min: 1,
  max: 3,
  params: [ANY, N, N],
  returns: DATE,
  check: (c) => {
    if (c.args.length === 1) expect(c, 0, S);
    else if (c.args.length === 3) {
      for (let i = 0; i < 3; i++) expect(c, i, N);
    } else c.issue(undefined, "date takes 1 argument (a date or date-time string) or 3 (year, month, day)");
    return DATE;
  },
  doc: "date(s): the date of a date or date-time string (local date in env.timeZone); date(y, m, d): the date y-m-d",
  run: (a, rt, n) => {
    if (anyNull(a)) return null;
    if (a.length === 1) return D.formatDay(needDay(rt, n, a, 0));
    if (a.length !== 3) fail(rt, n, "date takes 1 argument or 3 (year, month, day)");
    const y = needInt(rt, n, a, 0, 9999);
    const m = needInt(rt, n, a, 1, 12);
    const d = needInt(rt, n, a, 2, 31);
    if (y < 1 || m < 1 || d < 1 || d > D.daysInMonth(y, m))
      fail(rt, n, `date: ${y}-${m}-${d} is not a valid date`);
    return D.formatDay(D.daysFromCivil(y, m, d));
  },
});
for (const [name, pick, what] of [
  ["year", 0, "the year"],
  ["month", 1, "the month (1–12)"],
  ["day", 2, "the day of the month"],
] as const) {
  def(name, {
    min: 1,
    max: 1,
    params: [DATE],
    returns: N,
    doc: `${name}(d): ${what} of date d`,
    run: (a, rt, n) => (anyNull(a) ? null : D.civilFromDays(needDay(rt, n, a, 0))[pick]),
  });
}
def("weekday", {
  min: 1,
  max: 1,
  params: [DATE],
  returns: N,
  doc: "weekday(d): 1 = Monday … 7 = Sunday",
  run: (a, rt, n) => (anyNull(a) ? null : D.weekdayOf(needDay(rt, n, a, 0))),
});

// lists (with lambdas)
def("len", {
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
});
def("sum", {
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
});
def("count", {
  min: 1,
  max: 2,
  lambda: "optional",
  check: (c) => {
    expectList(c, 0);
    if (c.args.length > 1 && !assignable(c.args[1]!, B))
      c.issue(1, "count: the condition must be true/false");
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
});
def("any", {
  min: 1,
  max: 2,
  lambda: "optional",
  check: (c) => {
    const e = expectList(c, 0);
    const t = c.args.length > 1 ? c.args[1]! : e;
    if (!assignable(t, B)) c.issue(c.args.length > 1 ? 1 : 0, "any: the condition must be true/false");
    return B;
  },
  doc: "any(list, x => condition): true when at least one item satisfies it (any(list) for a list of booleans)",
  run: (a, rt, n, fn) => {
    const node = argNode(n, fn ? 1 : 0);
    for (const item of needList(rt, n, a, 0)) if (truth(rt, node, fn ? fn(item) : item)) return true;
    return false;
  },
});
def("all", {
  min: 1,
  max: 2,
  lambda: "optional",
  check: (c) => {
    const e = expectList(c, 0);
    const t = c.args.length > 1 ? c.args[1]! : e;
    if (!assignable(t, B)) c.issue(c.args.length > 1 ? 1 : 0, "all: the condition must be true/false");
    return B;
  },
  doc: "all(list, x => condition): true when every item satisfies it (true for an empty list)",
  run: (a, rt, n, fn) => {
    const node = argNode(n, fn ? 1 : 0);
    for (const item of needList(rt, n, a, 0)) if (!truth(rt, node, fn ? fn(item) : item)) return false;
    return true;
  },
});
def("filter", {
  min: 2,
  max: 2,
  lambda: "required",
  check: (c) => {
    const e = expectList(c, 0);
    if (!assignable(c.args[1]!, B)) c.issue(1, "filter: the condition must be true/false");
    return T.list(e);
  },
  doc: "filter(list, x => condition): the items that satisfy the condition",
  run: (a, rt, n, fn) => {
    const out: unknown[] = [];
    const body = argNode(n, 1);
    for (const item of needList(rt, n, a, 0)) if (truth(rt, body, fn!(item))) out.push(item);
    return out;
  },
});
def("map", {
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
});
def("find", {
  min: 2,
  max: 2,
  lambda: "required",
  check: (c) => {
    const e = expectList(c, 0);
    if (!assignable(c.args[1]!, B)) c.issue(1, "find: the condition must be true/false");
    return e;
  },
  doc: "find(list, x => condition): the first item that satisfies the condition, or null",
  run: (a, rt, n, fn) => {
    const body = argNode(n, 1);
    for (const item of needList(rt, n, a, 0)) if (truth(rt, body, fn!(item))) return item;
    return null;
  },
});
def("min", {
  min: 1,
  max: 64,
  check: minMaxCheck,
  doc: "min(list) or min(a, b, ...): the smallest number or string (nulls skipped; null when none)",
  run: (a, rt, n) => listCmp(rt, n, a.length === 1 && Array.isArray(a[0]) ? a[0] : a, -1),
});
def("max", {
  min: 1,
  max: 64,
  check: minMaxCheck,
  doc: "max(list) or max(a, b, ...): the largest number or string (nulls skipped; null when none)",
  run: (a, rt, n) => listCmp(rt, n, a.length === 1 && Array.isArray(a[0]) ? a[0] : a, 1),
});
def("first", {
  min: 1,
  max: 1,
  check: (c) => expectList(c, 0),
  doc: "first(list): the first item, or null",
  run: (a, rt, n) => needList(rt, n, a, 0)[0] ?? null,
});
def("last", {
  min: 1,
  max: 1,
  check: (c) => expectList(c, 0),
  doc: "last(list): the last item, or null",
  run: (a, rt, n) => {
    const l = needList(rt, n, a, 0);
    return l.length > 0 ? l[l.length - 1] : null;
  },
});
def("unique", {
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
});
def("contains", {
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
});
def("isEmpty", {
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
});
def("coalesce", {
  min: 1,
  max: 64,
  check: (c) => c.args.reduce<TypeDesc>((t, a) => unify(t, a), T.null),
  doc: "coalesce(a, b, ...): the first argument that is not null",
  run: (a) => {
    for (const v of a) if (v !== null && v !== undefined) return v;
    return null;
  },
});

// numbers
def("round", {
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
});
for (const [name, f, doc] of [
  ["floor", Math.floor, "floor(x): the largest whole number <= x"],
  ["ceil", Math.ceil, "ceil(x): the smallest whole number >= x"],
  ["abs", Math.abs, "abs(x): x without its sign"],
] as const) {
  def(name, {
    min: 1,
    max: 1,
    params: [N],
    returns: N,
    doc,
    run: (a, rt, n) => {
      if (anyNull(a)) return null;
      const r = f(needNumber(rt, n, a, 0));
      return r === 0 ? 0 : r;
    },
  });
}
def("number", {
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
});

// strings
function textOf(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}
def("string", {
  min: 1,
  max: 1,
  params: [ANY],
  returns: S,
  doc: 'string(x): x as text (null gives "")',
  run: (a, rt, n) => checkString(rt, n, textOf(a[0])),
});
for (const [name, f, doc] of [
  ["upper", (s: string) => s.toUpperCase(), "upper(s): s in capitals"],
  ["lower", (s: string) => s.toLowerCase(), "lower(s): s in small letters"],
  ["trim", (s: string) => s.trim(), "trim(s): s without leading and trailing spaces"],
] as const) {
  def(name, {
    min: 1,
    max: 1,
    params: [S],
    returns: S,
    doc,
    run: (a, rt, n) => (anyNull(a) ? null : f(needString(rt, n, a, 0))),
  });
}
def("startsWith", {
  min: 2,
  max: 2,
  params: [S, S],
  returns: B,
  doc: "startsWith(s, prefix)",
  run: (a, rt, n) => (anyNull(a) ? false : needString(rt, n, a, 0).startsWith(needString(rt, n, a, 1))),
});
def("endsWith", {
  min: 2,
  max: 2,
  params: [S, S],
  returns: B,
  doc: "endsWith(s, suffix)",
  run: (a, rt, n) => (anyNull(a) ? false : needString(rt, n, a, 0).endsWith(needString(rt, n, a, 1))),
});
def("substr", {
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
});
def("concat", {
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
});
def("join", {
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
});
def("split", {
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
});
def("has", {
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
});

/** The built-in functions (a null-prototype object; look names up with Object.hasOwn). */
export const BUILTINS: Readonly<Record<string, Builtin>> = builtins;

export function isBuiltin(name: string): boolean {
  return Object.hasOwn(builtins, name);
}
