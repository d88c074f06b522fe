import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Ast,
  check,
  compile,
  ExprError,
  evaluate,
  explain,
  FORBIDDEN_NAMES,
  fieldsRead,
  parse,
  prepare,
  print,
} from "../src/index";
import { cnCalendar, env } from "./helpers";

/** The AST without positions (what round-tripping must preserve). */
function strip(n: Ast): unknown {
  return JSON.parse(JSON.stringify(n, (k, v) => (k === "start" || k === "end" ? undefined : v)));
}

const name = fc.constantFrom("a", "b", "data", "item", "x1", "_y", "$z", "候选人");
const lambdaFns = ["any", "all", "count", "sum", "filter", "map", "find"];

const astArb: fc.Arbitrary<Ast> = fc.letrec<{ node: Ast }>((tie) => {
  const node = tie("node");
  const at = { start: 0, end: 0 };
  return {
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.oneof(
        fc.integer({ min: 0, max: 1e9 }).map((value): Ast => ({ type: "Literal", value, ...at })),
        fc
          .double({ min: 0, max: 1e30, noNaN: true, noDefaultInfinity: true })
          .filter((v) => !Object.is(v, -0))
          .map((value): Ast => ({ type: "Literal", value, ...at })),
        // (forbidden names are refused as literal keys, e.g. x["__proto__"]: not a round-trip case)
        fc
          .string()
          .filter((s) => !FORBIDDEN_NAMES.has(s))
          .map((value): Ast => ({ type: "Literal", value, ...at })),
        fc.constantFrom(true, false, null).map((value): Ast => ({ type: "Literal", value, ...at })),
        name.map((n): Ast => ({ type: "Ident", name: n, ...at })),
      ),
      fc.array(node, { maxLength: 3 }).map((items): Ast => ({ type: "List", items, ...at })),
      fc.tuple(node, name).map(([object, property]): Ast => ({ type: "Member", object, property, ...at })),
      fc.tuple(node, node).map(([object, index]): Ast => ({ type: "Index", object, index, ...at })),
      fc
        .tuple(fc.constantFrom("not", "-", "+") as fc.Arbitrary<"not" | "-" | "+">, node)
        .map(([op, arg]): Ast => ({ type: "Unary", op, arg, ...at })),
      fc
        .tuple(
          fc.constantFrom(
            "+",
            "-",
            "*",
            "/",
            "%",
            "==",
            "!=",
            "<",
            "<=",
            ">",
            ">=",
            "in",
            "not in",
          ) as fc.Arbitrary<"+" | "-">,
          node,
          node,
        )
        .map(([op, left, right]): Ast => ({ type: "Binary", op, left, right, ...at })),
      fc
        .tuple(fc.constantFrom("and", "or") as fc.Arbitrary<"and" | "or">, node, node)
        .map(([op, left, right]): Ast => ({ type: "Logical", op, left, right, ...at })),
      fc
        .tuple(node, node, node)
        .map(([test, then, els]): Ast => ({ type: "Conditional", test, then, else: els, ...at })),
      fc
        .tuple(fc.constantFrom("len", "upper", "min", "coalesce"), fc.array(node, { maxLength: 3 }))
        .map(([callee, args]): Ast => ({ type: "Call", callee, args, ...at })),
      fc.tuple(fc.constantFrom(...lambdaFns), node, name, node).map(
        ([callee, list, param, body]): Ast => ({
          type: "Call",
          callee,
          args: [list, { type: "Lambda", param, body, ...at }],
          ...at,
        }),
      ),
    ),
  };
}).node;

describe("properties", { timeout: 60_000 }, () => {
  it("printing and re-parsing an AST round-trips", () => {
    fc.assert(
      fc.property(astArb, (ast) => {
        const src = print(ast);
        const again = parse(src, { maxLength: 1e6 });
        expect(strip(again)).toEqual(strip(ast));
        expect(print(again)).toBe(src);
      }),
      { numRuns: 1000 },
    );
  });

  it("positions of every node cover exactly its printed source", () => {
    fc.assert(
      fc.property(astArb, (ast) => {
        const src = print(ast);
        const walk = (n: Ast): void => {
          expect(n.start).toBeGreaterThanOrEqual(0);
          expect(n.end).toBeLessThanOrEqual(src.length);
          if (n.type !== "Lambda")
            expect(strip(parse(src.slice(n.start, n.end), { maxLength: 1e6 }))).toEqual(strip(n));
          for (const c of children(n)) walk(c);
        };
        walk(parse(src, { maxLength: 1e6 }));
      }),
      { numRuns: 300 },
    );
  });

  it("arithmetic matches JavaScript on safe integers", () => {
    const lit = (v: number) => (v < 0 ? `(${v})` : String(v));
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 26), max: 2 ** 26 }),
        fc.integer({ min: -(2 ** 26), max: 2 ** 26 }),
        fc.integer({ min: -(2 ** 20), max: 2 ** 20 }),
        (a, b, c) => {
          const js = (v: number) => (v === 0 ? 0 : v);
          expect(evaluate(`${lit(a)} + ${lit(b)} * ${lit(c)}`, {}, env)).toBe(js(a + b * c));
          expect(evaluate(`${lit(a)} - ${lit(b)} - ${lit(c)}`, {}, env)).toBe(js(a - b - c));
          expect(evaluate(`(${lit(a)} - ${lit(b)}) * ${lit(c)}`, {}, env)).toBe(js((a - b) * c));
          expect(evaluate(`a < b`, { a, b }, env)).toBe(a < b);
          expect(evaluate(`a == b`, { a, b }, env)).toBe(a === b);
          if (c !== 0) {
            expect(evaluate(`${lit(a)} % ${lit(c)}`, {}, env)).toBe(js(a % c));
            expect(evaluate(`${lit(a)} / ${lit(c)}`, {}, env)).toBe(js(a / c));
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  const scope = {
    a: 1,
    b: "x",
    data: { list: [1, 2, 3], o: { k: null }, s: "副科" },
    item: [{ v: 1 }],
    x1: true,
  };

  it("evaluation only ever throws our error types, on random strings", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (src) => {
        for (const run of [
          () => evaluate(src, scope, env),
          () => explain(src, scope, env),
          () => fieldsRead(src),
          () => compile(src),
        ]) {
          try {
            run();
          } catch (e) {
            expect(e).toBeInstanceOf(ExprError);
          }
        }
        expect(Array.isArray(check(src, {}))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("... and on random token soup and random ASTs", () => {
    const token = fc.constantFrom(
      "a",
      "b",
      "data",
      ".",
      "list",
      "o",
      "k",
      "s",
      "[",
      "]",
      "(",
      ")",
      ",",
      "0",
      "1",
      "-1",
      "2.5",
      '"x"',
      "'副'",
      "+",
      "-",
      "*",
      "/",
      "%",
      "==",
      "!=",
      "<",
      ">=",
      "and",
      "or",
      "not",
      "in",
      "?",
      ":",
      "true",
      "null",
      "len",
      "any",
      "sum",
      "map",
      "today",
      "addDays",
      "x",
      "=>",
      "x.v",
      "item",
      "constructor",
      "__proto__",
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 25 }), (tokens) => {
        const src = tokens.join(" ");
        try {
          evaluate(src, scope, env);
        } catch (e) {
          expect(e).toBeInstanceOf(ExprError);
        }
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(astArb, (ast) => {
        for (const run of [() => evaluate(ast, scope, env), () => explain(ast, scope, env)]) {
          try {
            run();
          } catch (e) {
            expect(e).toBeInstanceOf(ExprError);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("evaluation is deterministic and does not mutate the scope", () => {
    const frozen = JSON.stringify(scope);
    fc.assert(
      fc.property(astArb, (ast) => {
        let first: unknown;
        let second: unknown;
        try {
          first = evaluate(ast, scope, env);
        } catch (e) {
          first = (e as Error).message;
        }
        try {
          second = evaluate(ast, scope, env);
        } catch (e) {
          second = (e as Error).message;
        }
        expect(second).toEqual(first);
      }),
      { numRuns: 300 },
    );
    expect(JSON.stringify(scope)).toBe(frozen);
  });

  it("addWorkingDays lands on a working day k working days later", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 365 }), fc.integer({ min: 1, max: 60 }), (offset, k) => {
        const start = evaluate(`addDays("2025-06-01", ${offset})`, {}, env) as string;
        const end = evaluate(`addWorkingDays("${start}", ${k})`, {}, env) as string;
        expect(evaluate(`isWorkingDay("${end}")`, {}, env)).toBe(true);
        expect(evaluate(`workingDaysBetween("${start}", "${end}")`, {}, env)).toBe(k);
        expect((evaluate(`addWorkingDays("${end}", ${-k})`, {}, env) as string) <= start).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(cnCalendar.id).toBe("cn-mainland-test");
  });

  it("yearsBetween and addDays agree with Date arithmetic", () => {
    const day = fc
      .integer({ min: -25_000, max: 25_000 })
      .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [ay, am, ad] = a.split("-").map(Number) as [number, number, number];
        const [by, bm, bd] = b.split("-").map(Number) as [number, number, number];
        if (a <= b) {
          let years = by - ay;
          if (bm < am || (bm === am && bd < ad)) years--;
          expect(evaluate(`yearsBetween("${a}", "${b}")`, {}, env)).toBe(years);
        }
        const days = (Date.parse(b) - Date.parse(a)) / 86_400_000;
        expect(evaluate(`daysBetween("${a}", "${b}")`, {}, env)).toBe(days);
        expect(evaluate(`addDays("${a}", ${days})`, {}, env)).toBe(b);
        expect(evaluate(`weekday("${a}")`, {}, env)).toBe(((new Date(a).getUTCDay() + 6) % 7) + 1);
      }),
      { numRuns: 500 },
    );
  });
});

function children(n: Ast): Ast[] {
  switch (n.type) {
    case "Literal":
    case "Ident":
      return [];
    case "List":
      return n.items;
    case "Member":
      return [n.object];
    case "Index":
      return [n.object, n.index];
    case "Unary":
      return [n.arg];
    case "Binary":
    case "Logical":
      return [n.left, n.right];
    case "Conditional":
      return [n.test, n.then, n.else];
    case "Call":
      return n.args;
    case "Lambda":
      return [n.body];
  }
}

describe("today() and now() with the clocks of several hosts interleaved", () => {
  // The answers are remembered by env.now and zone: a remembered one must be the one for the call.
  const nows = [
    "2026-03-02T09:00:00+08:00",
    "2026-03-01T23:30:00Z",
    "2026-12-31T20:00:00-05:00",
    "2025-06-15T00:00:00+08:00",
    "2026-03-02",
  ];
  const zones = ["Asia/Shanghai", "UTC", "America/New_York", "Asia/Urumqi"];
  /** The day in a zone, worked out by Intl, independently of the library. */
  function dayIn(now: string, zone: string): string {
    if (now.length === 10) return now;
    return new Intl.DateTimeFormat("en-CA", { timeZone: zone, dateStyle: "short" }).format(new Date(now));
  }
  it("gives each call the day of its own env.now and zone", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...nows), fc.constantFrom(...zones)), {
          minLength: 1,
          maxLength: 30,
        }),
        (calls) => {
          for (const [now, timeZone] of calls) {
            expect(evaluate("today()", {}, { now, timeZone })).toBe(dayIn(now, timeZone));
            expect(evaluate("yearsBetween('2000-03-02', today())", {}, { now, timeZone })).toBe(
              Number(dayIn(now, timeZone).slice(0, 4)) -
                2000 -
                (dayIn(now, timeZone).slice(5) < "03-02" ? 1 : 0),
            );
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("evaluate (closures built once per tree) and the tree-walking interpreter (explain)", () => {
  const scope = {
    a: 1,
    b: "x",
    data: { list: [1, 2, 3], o: { k: null }, s: "副科" },
    item: [{ v: 1 }],
    x1: true,
    候选人: { a: 2 },
  };
  const functions = {
    min: { params: [{ kind: "number" as const }], returns: { kind: "number" as const }, impl: () => 1 },
    len: {
      params: [{ kind: "any" as const }],
      returns: { kind: "any" as const },
      impl: () => {
        throw new Error("host failed");
      },
    },
  };
  /** What an evaluation gives: its value, or its error's class, message, place and hint. */
  function outcome(run: () => unknown): unknown {
    try {
      return { value: run() };
    } catch (e) {
      if (!(e instanceof ExprError)) throw e;
      return { error: e.constructor.name, message: e.message, offset: e.offset, end: e.end, hint: e.hint };
    }
  }
  it("give the same value or the same error, with the same step limit, on random trees", () => {
    fc.assert(
      fc.property(astArb, fc.integer({ min: 1, max: 40 }), fc.boolean(), (tree, maxSteps, withHost) => {
        const source = print(tree);
        const ast = parse(source, { maxLength: 1e6 });
        const e = { ...env, maxSteps, ...(withHost ? { functions } : {}) };
        const viaClosures = outcome(() => evaluate({ ...compileLoose(source), ast }, scope, e));
        const viaWalk = outcome(() => explain({ ...compileLoose(source), ast }, scope, e).value);
        expect(viaClosures).toEqual(viaWalk);
        // Evaluated again (closures remembered), the same answer.
        expect(outcome(() => evaluate({ ...compileLoose(source), ast }, scope, e))).toEqual(viaWalk);
        // Prepared once and run twice (what the engine's Evaluator keeps per source): the same.
        const prepared = prepare({ ...compileLoose(source), ast });
        expect(outcome(() => prepared(scope, e))).toEqual(viaWalk);
        expect(outcome(() => prepared(scope, e))).toEqual(viaWalk);
      }),
      { numRuns: 3000 },
    );
  });
});

/** A compiled expression without the type check (random trees rarely type-check). */
function compileLoose(source: string) {
  return {
    kind: "wf-expr" as const,
    version: 1 as const,
    source,
    ast: parse(source, { maxLength: 1e6 }),
    resultType: { kind: "any" as const },
    fields: [],
    usesClock: false,
  };
}
