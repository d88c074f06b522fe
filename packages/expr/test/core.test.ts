import { describe, expect, it } from "vitest";
import {
  check,
  compile,
  ExprEvalError,
  ExprLimitError,
  ExprSyntaxError,
  ExprTypeError,
  evaluate,
  fieldsRead,
  parse,
  type ScopeTypes,
} from "../src/index";
import { env } from "./helpers";

const ev = (src: string, scope: Record<string, unknown> = {}) => evaluate(src, scope, env);

describe("literals and operators", () => {
  it.each([
    ["12", 12],
    ["1.5", 1.5],
    ["1e3", 1000],
    ['"text"', "text"],
    ["'text'", "text"],
    ["'it\\'s'", "it's"],
    ['"a\\nb\\u4e00"', "a\nb一"],
    ["true", true],
    ["false", false],
    ["null", null],
    ["[1, 2]", [1, 2]],
    ["[]", []],
    ["1 + 2 * 3", 7],
    ["(1 + 2) * 3", 9],
    ["7 % 3", 1],
    ["-7 % 3", -1],
    ["10 / 4", 2.5],
    ["2 - 3 - 4", -5],
    ["-(2)", -2],
    ["+3", 3],
    ['"a" + "b"', "ab"],
    ["1 == 1", true],
    ['1 == "1"', false],
    ["1 != 2", true],
    ["[1, [2]] == [1, [2]]", true],
    ["2 < 3", true],
    ["3 <= 3", true],
    ["4 > 5", false],
    ["5 >= 5", true],
    ['"2026-01-02" > "2026-01-01"', true],
    ["true and false", false],
    ["true && true", true],
    ["false or true", true],
    ["false || false", false],
    ["not true", false],
    ["!false", true],
    ["not 1 == 2", true],
    ["2 in [1, 2]", true],
    ["3 not in [1, 2]", true],
    ['"副" in "副科"', true],
    ["true ? 1 : 2", 1],
    ["false ? 1 : true ? 2 : 3", 2],
    ["null ? 1 : 2", 2],
    ["null + 1", null],
    ["null < 1", false],
  ])("%s", (src, value) => {
    expect(ev(src)).toEqual(value);
  });

  it("short-circuits", () => {
    expect(ev("false and 1 / 0 == 1")).toBe(false);
    expect(ev("true or 1 / 0 == 1")).toBe(true);
    expect(ev("true ? 1 : 1 / 0")).toBe(1);
  });

  it("reads paths", () => {
    const scope = { data: { candidate: { birthDate: "1990-05-01" }, items: [{ name: "a" }, { name: "b" }] } };
    expect(ev("data.candidate.birthDate", scope)).toBe("1990-05-01");
    expect(ev("data.items[1].name", scope)).toBe("b");
    expect(ev('data["candidate"]["birthDate"]', scope)).toBe("1990-05-01");
    expect(ev("data.items[5]", scope)).toBe(null);
    expect(ev("data.missing.deeper", scope)).toBe(null);
    expect(ev("nothing", scope)).toBe(null);
  });

  it("lambdas", () => {
    const scope = {
      votes: [
        { verdict: "approve", n: 2 },
        { verdict: "veto", n: 3 },
      ],
    };
    expect(ev('any(votes, x => x.verdict == "veto")', scope)).toBe(true);
    expect(ev('all(votes, x => x.verdict == "veto")', scope)).toBe(false);
    expect(ev('count(votes, x => x.verdict == "veto")', scope)).toBe(1);
    expect(ev("sum(votes, x => x.n)", scope)).toBe(5);
    expect(ev("map(votes, x => x.n * 2)", scope)).toEqual([4, 6]);
    expect(ev("filter(votes, x => x.n > 2)", scope)).toEqual([{ verdict: "veto", n: 3 }]);
    expect(ev("any(votes, v => any([1, 2], k => k == v.n))", scope)).toBe(true);
  });
});

describe("dates", () => {
  it("today and now come from env.now in Asia/Shanghai", () => {
    expect(ev("today()")).toBe("2026-09-30");
    expect(evaluate("today()", {}, { now: "2026-09-30T17:00:00Z" })).toBe("2026-10-01");
    expect(evaluate("today()", {}, { now: "2026-09-30T17:00:00Z", timeZone: "UTC" })).toBe("2026-09-30");
    expect(evaluate("now()", {}, { now: "2026-09-30T17:00:00Z" })).toBe("2026-10-01T01:00:00+08:00");
  });

  it("addWorkingDays across 国庆", () => {
    expect(ev('addWorkingDays("2026-09-30", 1)')).toBe("2026-10-09");
    expect(ev('addWorkingDays("2026-09-30", 2)')).toBe("2026-10-10");
    expect(ev('addWorkingDays("2026-10-09", -1)')).toBe("2026-09-30");
    expect(ev('workingDaysBetween("2026-09-30", "2026-10-10")')).toBe(2);
    expect(ev('addDays("2026-02-28", 1)')).toBe("2026-03-01");
  });

  it("yearsBetween for age", () => {
    expect(ev('yearsBetween("1969-09-30", today())')).toBe(57);
    expect(ev('yearsBetween("1969-10-01", today())')).toBe(56);
    expect(ev('yearsBetween("2000-02-29", "2026-02-28")')).toBe(25);
    expect(ev('yearsBetween("2000-02-29", "2026-03-01")')).toBe(26);
    expect(ev('daysBetween("2026-01-01", "2026-12-31")')).toBe(364);
  });
});

describe("errors", () => {
  it("syntax errors carry positions", () => {
    try {
      parse("a +\n  * b");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ExprSyntaxError);
      const err = e as ExprSyntaxError;
      expect(err.offset).toBe(6);
      expect(err.line).toBe(2);
      expect(err.column).toBe(3);
    }
  });

  it("refuses escape attempts", () => {
    expect(() => parse('constructor.constructor("return process")()')).toThrow(ExprSyntaxError);
    expect(() => parse("a.__proto__")).toThrow(ExprSyntaxError);
    expect(() => parse('a["constructor"]')).toThrow(/constructor/);
    expect(() => ev("a[k]", { a: {}, k: "constructor" })).toThrow(ExprEvalError);
    expect(() => parse(`${"(".repeat(10_000)}1${")".repeat(10_000)}`)).toThrow(ExprLimitError);
  });

  it("type errors with did-you-mean", () => {
    const scope: ScopeTypes = {
      data: {
        kind: "object",
        fields: { candidate: { kind: "object", fields: { birthDate: { kind: "date" } } } },
      },
    };
    expect(() => compile("data.candidate.birthDat", { scope })).toThrow(ExprTypeError);
    const issues = check("data.candidate.birthDat", { scope });
    expect(issues[0]!.hint).toBe("birthDate");
    expect(issues[0]!.offset).toBe(0);
    expect(issues[0]!.end).toBe(23);
    expect(check("yearsBetween(data.candidate.birthDate, today()) <= 57", { scope })).toEqual([]);
  });
});

it("fieldsRead", () => {
  expect(fieldsRead("yearsBetween(data.candidate.birthDate, today()) <= 57")).toEqual([
    "data.candidate.birthDate",
  ]);
  expect(fieldsRead('any(data.list, x => x.verdict == "veto") and items[0].name == "a"')).toEqual([
    "data.list",
    "items",
  ]);
});
