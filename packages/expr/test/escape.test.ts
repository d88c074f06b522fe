import { describe, expect, it } from "vitest";
import {
  type Ast,
  ExprEvalError,
  ExprLimitError,
  ExprSyntaxError,
  evaluate,
  explain,
  fieldsRead,
  parse,
} from "../src/index";
import { env } from "./helpers";

const ev = (src: string, scope: Record<string, unknown> = {}) => evaluate(src, scope, env);

describe("no way out to the host", () => {
  it.each([
    ['constructor.constructor("return process")()', /'constructor' cannot be used/],
    ["a.constructor", /'constructor' cannot be used/],
    ["a.__proto__", /'__proto__' cannot be used/],
    ["__proto__", /'__proto__' cannot be used/],
    ["a.prototype", /'prototype' cannot be used/],
    ['a["constructor"]', /'constructor' cannot be used/],
    ["a['__proto__'].x", /'__proto__' cannot be used/],
    ['len.constructor("return 1")', /cannot be used/],
    ['"".constructor', /cannot be used/],
    ["a.b(1)", /Methods cannot be called/],
    ["(a)(1)", /Only named functions/],
    ["f(1)(2)", /Only named functions/],
    ["x => x", /lambda/],
    ["a = 1", /'=' is assignment/],
    ["`x`", /Template strings/],
    ["a === b", /'===' is not supported/],
    ["new Function('x')", /operator such as 'and'/],
    ["any(l, constructor => 1)", /cannot be a lambda parameter/],
  ])("%s is refused at parse time", (src, msg) => {
    expect(() => parse(src)).toThrow(ExprSyntaxError);
    expect(() => parse(src)).toThrow(msg);
  });

  it("computed keys are checked at run time", () => {
    for (const k of ["constructor", "__proto__", "prototype"]) {
      expect(() => ev("a[k]", { a: {}, k })).toThrow(ExprEvalError);
      expect(() => ev("has(a, k)", { a: {}, k })).toThrow(ExprEvalError);
    }
  });

  it("only own properties are visible", () => {
    expect(ev("a.toString", { a: {} })).toBe(null);
    expect(ev("a.hasOwnProperty", { a: {} })).toBe(null);
    expect(ev('a["valueOf"]', { a: {} })).toBe(null);
    expect(ev("toString")).toBe(null);
    expect(ev("globalThis")).toBe(null);
    expect(ev("process")).toBe(null);
    expect(ev("this")).toBe(null);
    const inherited = Object.create({ secret: 1 });
    expect(() => ev("o.secret", { o: inherited })).toThrow(/not a JSON value/);
    const nullProto = Object.assign(Object.create(null), { x: 1 });
    expect(ev("o.x", { o: nullProto })).toBe(1);
  });

  it("no host functions are callable", () => {
    for (const f of ["eval", "Function", "require", "setTimeout", "fetch", "parseInt", "import"]) {
      expect(() => ev(`${f}("1")`)).toThrow(/Unknown function/);
    }
  });

  it("host objects in the scope are refused, not exposed", () => {
    expect(() => ev("d", { d: new Date() })).toThrow(/Date object is not a JSON value/);
    expect(() => ev("f", { f: () => 1 })).toThrow(/function is not a JSON value/);
    expect(() => ev("m.size", { m: new Map() })).toThrow(/Map object/);
    expect(() => ev("l[0]", { l: [Symbol("s")] })).toThrow(/symbol/);
    expect(() => ev("any(l, x => true)", { l: [new Date()] })).toThrow(/Date object/);
    expect(ev("n", { n: Number.NaN })).toBe(null);
  });

  it("JSON with an own __proto__ key stays data", () => {
    const data = JSON.parse('{"__proto__": {"polluted": true}, "x": 1}');
    expect(ev("d.x", { d: data })).toBe(1);
    expect(() => ev("d[k]", { d: data, k: "__proto__" })).toThrow(ExprEvalError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("resource limits", () => {
  it("deep nesting is a limit error, not a stack overflow", () => {
    const n = 10_000;
    for (const src of [
      `${"(".repeat(n)}1${")".repeat(n)}`,
      `${"[".repeat(n)}1${"]".repeat(n)}`,
      `${"-".repeat(n)}1`,
      `${"!".repeat(n)}true`,
      `${"not ".repeat(n / 2)}true`,
      `${"f(".repeat(n / 2)}1${")".repeat(n / 2)}`,
      `${"true ? ".repeat(n / 2)}1${" : 2".repeat(n / 2)}`,
    ]) {
      expect(() => parse(src, { maxLength: 1e6 })).toThrow(ExprLimitError);
    }
    expect(() => parse(`a${".b".repeat(n)}`, { maxLength: 1e6 })).toThrow(ExprLimitError);
    expect(() => parse(`1${" + 1".repeat(n)}`, { maxLength: 1e6 })).toThrow(ExprLimitError);
  });

  it("long sources and huge list literals are refused", () => {
    expect(() => parse(`[${"1,".repeat(50_000)}1]`)).toThrow(ExprLimitError);
    expect(() => parse(`[${"1,".repeat(5_000)}1]`, { maxLength: 1e6 })).toThrow(/at most 1000 items/);
    expect(() => parse("x".repeat(30_000))).toThrow(/longer than 20000/);
  });

  it("nested any/all loops hit the step limit quickly", () => {
    const l = Array.from({ length: 1000 }, (_, i) => i);
    const t0 = Date.now();
    expect(() => ev("any(l, a => any(l, b => any(l, c => a + b + c < 0)))", { l })).toThrow(ExprLimitError);
    expect(() => ev("count(l, a => count(l, b => b > a) > 0)", { l })).toThrow(/more than 50000 steps/);
    // bounded by the step limit, not by the 10^9 iterations written (generous for loaded CI machines)
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(() => evaluate("sum(l)", { l }, { ...env, maxSteps: 1 })).toThrow(ExprLimitError);
  });

  it("big lists in `in`, contains and unique count as steps", () => {
    const l = Array.from({ length: 40_000 }, (_, i) => i);
    expect(() => evaluate("-1 not in l and -1 in l", { l }, { ...env, maxSteps: 50_000 })).toThrow(
      ExprLimitError,
    );
    expect(() => evaluate("unique(l)", { l: l.slice(0, 2000) }, env)).toThrow(ExprLimitError);
  });
});

describe("stored ASTs are validated before use", () => {
  const lit = (value: unknown) => ({ type: "Literal", value, start: 0, end: 1 });
  it.each([
    [{ type: "Member", object: lit(1), property: "__proto__", start: 0, end: 1 }, /damaged/],
    [{ type: "Ident", name: "constructor", start: 0, end: 1 }, /damaged/],
    [{ type: "Eval", start: 0, end: 1 }, /unknown node type/],
    [{ type: "Binary", op: "**", left: lit(1), right: lit(2), start: 0, end: 1 }, /bad operator/],
    [lit({ toString: 1 }), /JSON scalar/],
    [lit(1n), /JSON scalar/],
    [{ type: "Literal", value: 1 }, /start\/end/],
    [null, /not an object/],
  ])("damaged AST %#", (ast, msg) => {
    expect(() => evaluate(ast as unknown as Ast, {}, env)).toThrow(msg);
  });

  it("a hand-built 100k-deep AST is a limit error", () => {
    let ast: Ast = { type: "Literal", value: 1, start: 0, end: 1 };
    for (let i = 0; i < 100_000; i++) ast = { type: "Unary", op: "-", arg: ast, start: 0, end: 1 };
    expect(() => evaluate(ast, {}, env)).toThrow(ExprLimitError);
    expect(() => explain(ast, {}, env)).toThrow(ExprLimitError);
    expect(() => fieldsRead(ast)).toThrow(ExprLimitError);
  });
});
