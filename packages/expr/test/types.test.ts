import { describe, expect, it } from "vitest";
import {
  BUILTINS,
  check,
  compile,
  ExprTypeError,
  evaluate,
  type FunctionRegistry,
  residentIdFunctions,
  type ScopeTypes,
} from "../src/index";
import { env } from "./helpers";

const scope: ScopeTypes = {
  data: {
    kind: "object",
    fields: {
      candidate: {
        kind: "object",
        fields: {
          birthDate: { kind: "date" },
          partyJoinDate: { kind: "date" },
          rank: { kind: "string" },
          post: { kind: "string" },
        },
        open: true,
      },
      villageId: { kind: "string" },
      noticeStart: { kind: "date" },
      votes: {
        kind: "list",
        of: { kind: "object", fields: { verdict: { kind: "string" }, dept: { kind: "string" } } },
      },
      scores: { kind: "list", of: { kind: "number" } },
      isSecretary: { kind: "boolean" },
    },
  },
  actor: {
    kind: "object",
    fields: { id: { kind: "string" }, roles: { kind: "list", of: { kind: "string" } } },
  },
  item: { kind: "string" },
  anything: { kind: "any" },
};

const org: FunctionRegistry = {
  ancestor: {
    params: [{ kind: "string" }, { kind: "string" }],
    returns: { kind: "string" },
    impl: ([id, level]) => `${id}@${level}`,
  },
  unitLevel: { params: [{ kind: "string" }], returns: { kind: "string" }, impl: () => "village" },
};

const ok = (src: string) => expect(check(src, { scope, functions: org })).toEqual([]);
const bad = (src: string, msg: RegExp) => {
  const issues = check(src, { scope, functions: org });
  expect(issues.length).toBeGreaterThan(0);
  expect(issues.map((i) => `${i.message} ${i.hint ?? ""}`).join("\n")).toMatch(msg);
  return issues;
};

describe("accepts well-typed expressions", () => {
  it.each([
    "yearsBetween(data.candidate.birthDate, today()) <= 57",
    "yearsBetween(data.candidate.partyJoinDate, today()) >= 1",
    "addWorkingDays(data.noticeStart, 5)",
    "data.candidate.post == 'secretary'",
    "data.candidate.anythingElse == 1",
    'any(data.votes, v => v.verdict == "veto")',
    "sum(data.scores) / max(1, len(data.scores))",
    "map(data.votes, v => v.dept)",
    "'org-dept' in actor.roles",
    "data.isSecretary ? 'city-review' : 'qualified'",
    'unitLevel(data.villageId) == "village"',
    'ancestor(data.villageId, "county")',
    "anything.x.y[3] + 1",
    "data.votes[0].verdict",
    'data["villageId"]',
    "today() > data.noticeStart",
    "null == data.villageId",
    "coalesce(data.candidate.rank, '无')",
  ])("%s", (src) => ok(src));
});

describe("reports", () => {
  it("unknown names and fields with did-you-mean and position", () => {
    const [i] = bad("dta.villageId", /Unknown name 'dta'; did you mean 'data'/);
    expect(i).toMatchObject({ kind: "type", offset: 0, end: 3, line: 1, column: 1, hint: "data" });
    const [j] = bad(
      'data.candidate.birthDate <= today() or\n data.vilageId == "x"',
      /did you mean 'villageId'/,
    );
    expect(j).toMatchObject({ line: 2, column: 2 });
    bad("data.votes[0].verdit", /did you mean 'verdict'/);
    bad("any(data.votes, v => v.verdic == 1)", /did you mean 'verdict'/);
    bad("data.zzzzzz", /its fields are candidate, villageId/);
  });

  it("wrong arity and argument types", () => {
    bad("addDays(data.noticeStart)", /addDays takes 2 arguments, got 1/);
    bad("addDays(data.noticeStart, 'x')", /argument 2 must be number/);
    bad("yearsBetween(1, today())", /argument 1 must be date/);
    bad('ancestor(data.villageId, "county", 3)', /ancestor takes 2 arguments/);
    bad("ancestor(1, 'county')", /ancestor: argument 1 must be string/);
    bad("len(data.isSecretary)", /list or a string/);
    bad("sum(data.votes)", /must be numbers/);
    bad("any(data.votes, v => v.dept)", /true\/false/);
    bad("filter(data.scores, 3)", /lambda/);
    bad("len(x => x)", /does not take a lambda/);
    bad("unknownFn(1)", /Unknown function 'unknownFn'/);
    bad("ancestr(1, 2)", /did you mean ancestor/);
  });

  it("reports a wrong argument count instead of throwing, for every built-in", () => {
    // Typing in the designer passes through calls like `filter(list` before the lambda exists.
    for (const name of Object.keys(BUILTINS)) {
      const b = BUILTINS[name]!;
      for (const count of [b.min - 1, b.max + 1]) {
        if (count < 0 || count > 64) continue; // the parser stops at 64 arguments
        const src = `${name}(${Array.from({ length: count }, () => "data.votes").join(", ")})`;
        bad(src, new RegExp(`${name} takes`));
      }
    }
  });

  it("operator misuse", () => {
    bad("data.candidate.birthDate - today()", /daysBetween/);
    bad("data.isSecretary + 1", /'\+' needs two numbers or two texts/);
    bad("data.villageId == 3", /always false/);
    bad("data.scores < 3", /Cannot compare/);
    bad("data.votes and true", /must be true or false/);
    bad("not data.villageId", /must be true or false/);
    bad("data.scores ? 1 : 2", /condition before '\?'/);
    bad("data.villageId.x", /not an object/);
    bad("data.votes.verdict", /map\(list, x => x.verdict\)/);
    bad("3 in data.villageId", /needs a text on the left/);
    bad("'a' in data.scores", /never found/);
    bad("-data.villageId", /needs a number/);
  });

  it("collects every issue", () => {
    const issues = check("dta.x + data.vilageId + lenn(1)", { scope });
    expect(issues.map((i) => i.hint)).toEqual(["data", "villageId", "len"]);
    try {
      compile("dta.x + data.vilageId", { scope });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ExprTypeError);
      expect((e as ExprTypeError).issues).toHaveLength(2);
      expect((e as ExprTypeError).message).toMatch(/and 1 more issue/);
    }
  });

  it("checks the expected result type", () => {
    expect(check("data.villageId", { scope, expect: { kind: "boolean" } })[0]!.message).toMatch(
      /gives string, but boolean is expected/,
    );
    expect(check("data.isSecretary", { scope, expect: { kind: "boolean" } })).toEqual([]);
  });

  it("syntax errors come back as issues", () => {
    expect(check("a +", {})[0]).toMatchObject({ kind: "syntax", offset: 3 });
  });

  it("lambda params shadow and are typed by the list", () => {
    ok("any(data.votes, data => data.verdict == 'x')");
    bad("any(data.scores, s => s.x)", /not an object/);
    ok("any(data.votes, v => any(data.scores, s => s > 1 and v.dept == 'x'))");
  });
});

describe("compile", () => {
  it("gives a plain-JSON Compiled with type, fields and clock use", () => {
    const c = compile("yearsBetween(data.candidate.birthDate, today()) <= 57", { scope });
    expect(c.resultType).toEqual({ kind: "boolean" });
    expect(c.fields).toEqual(["data.candidate.birthDate"]);
    expect(c.usesClock).toBe(true);
    const stored = JSON.parse(JSON.stringify(c));
    expect(stored).toEqual(c);
    expect(evaluate(stored, { data: { candidate: { birthDate: "1970-01-01" } } }, env)).toBe(true);
  });

  it("works without a scope (everything any) and with host functions", () => {
    expect(compile("whatever.x > 1").resultType).toEqual({ kind: "boolean" });
    const c = compile("idBirthDate(data.id)", { functions: residentIdFunctions });
    expect(c.resultType).toEqual({ kind: "date" });
    expect(
      evaluate(c, { data: { id: "11010519491231002X" } }, { ...env, functions: residentIdFunctions }),
    ).toBe("1949-12-31");
  });
});

describe("host functions", () => {
  it("are called with evaluated arguments and env", () => {
    expect(evaluate('ancestor("v1", "county")', {}, { ...env, functions: org })).toBe("v1@county");
  });
  it("failures become ExprEvalError with the cause", () => {
    const boom: FunctionRegistry = {
      boom: {
        params: [],
        returns: { kind: "any" },
        impl: () => {
          throw new Error("directory offline");
        },
      },
      leak: { params: [], returns: { kind: "any" }, impl: () => () => 1 },
      opt: {
        params: [{ kind: "number" }, { kind: "number" }],
        minArgs: 1,
        returns: { kind: "number" },
        impl: (a) => a.length,
      },
    };
    const e2 = { ...env, functions: boom };
    expect(() => evaluate("boom()", {}, e2)).toThrow(/boom failed: directory offline/);
    expect(() => evaluate("leak()", {}, e2)).toThrow(/not a JSON value/);
    expect(evaluate("opt(1)", {}, e2)).toBe(1);
    expect(evaluate("opt(1, 2)", {}, e2)).toBe(2);
    expect(() => evaluate("opt()", {}, e2)).toThrow(/takes 1 to 2 arguments/);
  });
});
