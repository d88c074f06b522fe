import { describe, expect, it } from "vitest";
import { BUILTINS, type EvalEnv, ExprEvalError, ExprLimitError, evaluate } from "../src/index";
import { cnCalendar, env } from "./helpers";

const ev = (src: string, scope: Record<string, unknown> = {}, e: Partial<EvalEnv> = {}) =>
  evaluate(src, scope, { ...env, ...e });

const tested = new Set<string>();
function fn(name: string, cases: [string, unknown][]): void {
  tested.add(name);
  describe(name, () => {
    it.each(cases)("%s", (src, value) => {
      expect(
        ev(src, {
          list: [3, 1, 2],
          people: [
            { n: "a", age: 30 },
            { n: "b", age: 50 },
          ],
          s: "Hello",
        }),
      ).toEqual(value);
    });
  });
}

fn("today", [
  ["today()", "2026-09-30"],
  ['today() == "2026-09-30"', true],
]);
fn("now", [["now()", "2026-09-30T09:00:00+08:00"]]);
fn("addDays", [
  ['addDays("2026-01-31", 1)', "2026-02-01"],
  ['addDays("2024-02-28", 1)', "2024-02-29"],
  ['addDays("2025-02-28", 1)', "2025-03-01"],
  ['addDays("2026-03-01", -1)', "2026-02-28"],
  ['addDays("2026-12-31", 1)', "2027-01-01"],
  ['addDays("2026-09-30T23:30:00+08:00", 0)', "2026-09-30"],
  ["addDays(null, 1)", null],
]);
fn("addWorkingDays", [
  ['addWorkingDays("2026-09-30", 1)', "2026-10-09"],
  ['addWorkingDays("2026-09-30", 5)', "2026-10-14"],
  ['addWorkingDays("2026-09-25", 1)', "2026-09-28"],
  ['addWorkingDays("2026-09-18", 1)', "2026-09-20"],
  ['addWorkingDays("2026-10-01", 0)', "2026-10-09"],
  ['addWorkingDays("2026-09-30", 0)', "2026-09-30"],
  ['addWorkingDays("2026-10-12", -2)', "2026-10-09"],
  ['addWorkingDays("2025-12-31", 1)', "2026-01-04"],
]);
fn("addMonths", [
  ['addMonths("2026-01-31", 1)', "2026-02-28"],
  ['addMonths("2024-01-31", 1)', "2024-02-29"],
  ['addMonths("2026-03-31", -1)', "2026-02-28"],
  ['addMonths("2026-11-15", 3)', "2027-02-15"],
]);
fn("addYears", [
  ['addYears("2024-02-29", 1)', "2025-02-28"],
  ['addYears("2024-02-29", 4)', "2028-02-29"],
  ['addYears("2026-09-30", -57)', "1969-09-30"],
]);
fn("yearsBetween", [
  ['yearsBetween("1969-09-30", "2026-09-30")', 57],
  ['yearsBetween("1969-10-01", "2026-09-30")', 56],
  ['yearsBetween("2000-02-29", "2026-02-28")', 25],
  ['yearsBetween("2000-02-29", "2026-03-01")', 26],
  ['yearsBetween("2000-02-29", "2028-02-29")', 28],
  ['yearsBetween("2026-09-30", "2025-09-30")', -1],
  ['yearsBetween("2025-10-01", "2026-09-30")', 0],
  ["yearsBetween(null, today())", null],
]);
fn("monthsBetween", [
  ['monthsBetween("2026-01-31", "2026-02-28")', 0],
  ['monthsBetween("2026-01-15", "2026-03-15")', 2],
  ['monthsBetween("2026-03-15", "2026-01-15")', -2],
]);
fn("daysBetween", [
  ['daysBetween("2024-01-01", "2025-01-01")', 366],
  ['daysBetween("2026-03-01", "2026-02-28")', -1],
  ['daysBetween("1900-01-01", "2000-01-01")', 36524],
]);
fn("workingDaysBetween", [
  ['workingDaysBetween("2026-09-30", "2026-10-09")', 1],
  ['workingDaysBetween("2026-09-28", "2026-10-12")', 5],
  ['workingDaysBetween("2026-10-09", "2026-09-30")', -1],
  ['workingDaysBetween("2026-09-30", "2026-09-30")', 0],
]);
fn("isWorkingDay", [
  ['isWorkingDay("2026-10-01")', false],
  ['isWorkingDay("2026-10-10")', true],
  ['isWorkingDay("2026-10-11")', false],
  ['isWorkingDay("2026-10-12")', true],
]);
fn("date", [
  ['date("2026-09-30T20:00:00Z")', "2026-10-01"],
  ["date(2024, 2, 29)", "2024-02-29"],
  ['date("2026-09-30")', "2026-09-30"],
]);
fn("year", [['year("2026-09-30")', 2026]]);
fn("month", [['month("2026-09-30")', 9]]);
fn("day", [['day("2026-09-30")', 30]]);
fn("weekday", [
  ['weekday("2026-09-30")', 3],
  ['weekday("2026-10-04")', 7],
  ['weekday("1970-01-01")', 4],
]);
fn("len", [
  ["len(list)", 3],
  ["len(s)", 5],
  ['len("选派第一书记")', 6],
  ["len(null)", 0],
  ["len([])", 0],
]);
fn("sum", [
  ["sum(list)", 6],
  ["sum(people, p => p.age)", 80],
  ["sum([])", 0],
  ["sum([1, null, 2])", 3],
]);
fn("count", [
  ["count(list)", 3],
  ["count(people, p => p.age > 40)", 1],
  ["count(null)", 0],
]);
fn("any", [
  ["any(people, p => p.age > 40)", true],
  ["any(people, p => p.age > 60)", false],
  ["any([], x => true)", false],
  ["any([false, true])", true],
]);
fn("all", [
  ["all(people, p => p.age >= 30)", true],
  ["all(people, p => p.age > 30)", false],
  ["all([], x => false)", true],
]);
fn("filter", [
  ["filter(list, x => x > 1)", [3, 2]],
  ["filter(people, p => p.n == 'b')", [{ n: "b", age: 50 }]],
]);
fn("map", [
  ["map(people, p => p.n)", ["a", "b"]],
  ["map(list, x => x * 10)", [30, 10, 20]],
]);
fn("find", [
  ["find(people, p => p.age > 40).n", "b"],
  ["find(people, p => p.age > 90)", null],
]);
fn("min", [
  ["min(list)", 1],
  ["min(4, 2, 8)", 2],
  ['min("2026-01-02", "2025-12-31")', "2025-12-31"],
  ["min([])", null],
  ["min(null, 3)", 3],
]);
fn("max", [
  ["max(list)", 3],
  ["max(4, 2, 8)", 8],
  ["max(map(people, p => p.age))", 50],
]);
fn("first", [
  ["first(list)", 3],
  ["first([])", null],
]);
fn("last", [
  ["last(list)", 2],
  ["last([])", null],
]);
fn("unique", [
  ["unique([1, 2, 1, 3, 2])", [1, 2, 3]],
  ["unique([[1], [1]])", [[1]]],
]);
fn("round", [
  ["round(2.5)", 3],
  ["round(-2.5)", -3],
  ["round(1.005, 2)", 1.01],
  ["round(1234.5678, 1)", 1234.6],
  ["round(null)", null],
]);
fn("floor", [["floor(2.7)", 2]]);
fn("ceil", [["ceil(2.1)", 3]]);
fn("abs", [["abs(-3)", 3]]);
fn("number", [
  ['number("12.5")', 12.5],
  ['number("abc")', null],
  ['number("")', null],
  ["number(7)", 7],
]);
fn("string", [
  ["string(12)", "12"],
  ["string(null)", ""],
  ["string(true)", "true"],
]);
fn("contains", [
  ["contains(list, 2)", true],
  ["contains(list, 9)", false],
  ['contains(s, "ell")', true],
  ["contains(null, 1)", false],
]);
fn("startsWith", [
  ['startsWith(s, "He")', true],
  ['startsWith(null, "He")', false],
]);
fn("endsWith", [['endsWith(s, "lo")', true]]);
fn("upper", [
  ["upper(s)", "HELLO"],
  ["upper(null)", null],
]);
fn("lower", [["lower(s)", "hello"]]);
fn("trim", [['trim("  a b ")', "a b"]]);
fn("concat", [
  ['concat("年龄", 31, "岁")', "年龄31岁"],
  ['concat("a", null, "b")', "ab"],
  ["concat([1], [2, 3])", [1, 2, 3]],
]);
fn("substr", [
  ["substr(s, 1, 3)", "ell"],
  ["substr(s, 2)", "llo"],
  ['substr("110105194912310021", 6, 8)', "19491231"],
  ['substr("第一书记", 2)', "书记"],
]);
fn("join", [
  ['join(list, "-")', "3-1-2"],
  ["join(list)", "3,1,2"],
]);
fn("split", [
  ['split("a,b", ",")', ["a", "b"]],
  ['split("ab", "")', ["a", "b"]],
]);
fn("has", [
  ['has(people[0], "n")', true],
  ['has(people[0], "x")', false],
  ['has(people[0], "toString")', false],
]);
fn("isEmpty", [
  ["isEmpty(null)", true],
  ['isEmpty("")', true],
  ['isEmpty("  ")', true],
  ["isEmpty([])", true],
  ["isEmpty(list)", false],
  ["isEmpty(0)", false],
]);
fn("coalesce", [
  ["coalesce(null, 2, 3)", 2],
  ["coalesce(null, null)", null],
]);

it("every built-in has tests", () => {
  expect(Object.keys(BUILTINS).filter((n) => !tested.has(n))).toEqual([]);
});

describe("calendars and time zones", () => {
  it("without a calendar, Monday–Friday are working days", () => {
    expect(ev('addWorkingDays("2026-09-30", 1)', {}, { calendar: undefined as never })).toBe("2026-10-01");
    const noCal = { now: env.now };
    expect(evaluate('addWorkingDays("2026-10-02", 1)', {}, noCal)).toBe("2026-10-05");
  });

  it("addWorkingDays and workingDaysBetween agree", () => {
    for (let k = 1; k <= 30; k++) {
      const d = ev(`addWorkingDays("2026-09-25", ${k})`);
      expect(ev(`workingDaysBetween("2026-09-25", "${d}")`)).toBe(k);
      expect(ev(`isWorkingDay("${d}")`)).toBe(true);
    }
  });

  it("uses other zones through Intl", () => {
    expect(evaluate("today()", {}, { now: "2026-09-30T20:00:00-04:00", timeZone: "America/New_York" })).toBe(
      "2026-09-30",
    );
    expect(evaluate("now()", {}, { now: "2026-01-15T12:00:00Z", timeZone: "Europe/Berlin" })).toBe(
      "2026-01-15T13:00:00+01:00",
    );
  });

  it("reports a bad calendar or a bad clock", () => {
    const bad = { id: "x", holidays: ["2026-13-01"], workdays: [] };
    expect(() => evaluate('addWorkingDays("2026-09-30", 1)', {}, { now: env.now, calendar: bad })).toThrow(
      /bad date/,
    );
    expect(() => evaluate("today()", {}, { now: "yesterday" })).toThrow(ExprEvalError);
    expect(cnCalendar.holidays.length).toBeGreaterThan(0);
  });
});

describe("runtime errors", () => {
  it.each([
    ['addDays("2026-02-30", 1)', /must be a date/],
    ['addDays("2026-01-01", 1.5)', /whole number/],
    ["len(5)", /list or a string/],
    ['sum(["a"])', /must be a number/],
    ["1 / 0", /Division by zero/],
    ["5 % 0", /Remainder by zero/],
    ['1 + "a"', /concat/],
    ['"a" - 1', /needs numbers/],
    ['1 < "a"', /Cannot compare/],
    ["list.x", /Cannot read field 'x' of list/],
    ["1 ? 2 : 3", /Expected true or false/],
    ["s and true", /isEmpty/],
    ["nope(1)", /Unknown function 'nope'/],
    ["lenn(list)", /did you mean len/],
    ["map(list)", /takes 2 arguments/],
    ["filter(list, 3)", /lambda/],
    ["1 in 5", /list or a text/],
    ["date(2026, 2, 30)", /not a valid date/],
  ])("%s", (src, msg) => {
    expect(() => ev(src, { list: [1], s: "x" })).toThrow(msg);
  });

  it("points at the failing part", () => {
    try {
      ev("1 + 2 + len(5)");
      expect.unreachable();
    } catch (e) {
      const err = e as ExprEvalError;
      expect(err).toBeInstanceOf(ExprEvalError);
      expect(err.offset).toBe(12);
      expect(err.column).toBe(13);
    }
  });

  it("limits list building and string growth", () => {
    const big = Array.from({ length: 20 }, (_, i) => i);
    expect(() => ev("map(l, x => x)", { l: big }, { maxListSize: 10 })).toThrow(ExprLimitError);
    expect(() => ev("s + s", { s: "x".repeat(60) }, { maxStringLength: 100 })).toThrow(ExprLimitError);
    expect(() => ev("concat(s, s)", { s: "x".repeat(60) }, { maxStringLength: 100 })).toThrow(ExprLimitError);
    expect(() => ev('addWorkingDays("2026-01-01", 100000)')).toThrow(ExprLimitError);
  });
});
