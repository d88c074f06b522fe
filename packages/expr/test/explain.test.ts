import { describe, expect, it } from "vitest";
import { compile, explain, parse } from "../src/index";
import { env } from "./helpers";

const scope = {
  candidate: { rank: "副科", birthDate: "1995-03-01", post: "secretary" },
  age: 31,
  votes: [{ verdict: "approve" }, { verdict: "veto" }],
};

describe("explain", () => {
  it("names the conditions that decided a true result", () => {
    const r = explain("candidate.rank == '副科' and age > 30", scope, env);
    expect(r.value).toBe(true);
    expect(r.text).toBe("candidate.rank is 副科 and age 31 > 30");
    expect(r.texts.zh).toBe("candidate.rank 为 副科，且age 31 > 30");
  });

  it("names only the failing part of a false `and`", () => {
    const r = explain("candidate.rank == '副科' and age > 40", scope, env);
    expect(r.value).toBe(false);
    expect(r.text).toBe("age 31 is not > 40");
    expect(r.texts.zh).toBe("age 31 不满足 > 40");
  });

  it("explains function results, `in`, `not` and `or`", () => {
    expect(explain("yearsBetween(candidate.birthDate, today()) <= 57", scope, env).text).toBe(
      "yearsBetween(candidate.birthDate, today()) (= 31) <= 57",
    );
    expect(explain("age in [30, 31]", scope, env).text).toBe("age 31 is in [30, 31]");
    expect(explain("not (age in [1, 2])", scope, env).text).toBe("age 31 is not in [1, 2]");
    expect(explain("age < 10 or candidate.post == 'secretary'", scope, env).text).toBe(
      "candidate.post is secretary",
    );
    expect(explain("age < 10 or age > 90", scope, env).text).toBe(
      "age 31 is not < 10 and age 31 is not > 90",
    );
    expect(explain("candidate.post != 'secretary'", scope, env).text).toBe("candidate.post is secretary");
    expect(explain("candidate.rank == '正科'", scope, env).text).toBe("candidate.rank is 副科, not 正科");
    expect(explain('any(votes, v => v.verdict == "veto")', scope, env).text).toBe(
      'any(votes, v => v.verdict == "veto") is true',
    );
  });

  it("explains non-boolean values", () => {
    const r = explain("age + 1", scope, env);
    expect(r.value).toBe(32);
    expect(r.text).toBe("age + 1 = 32");
  });

  it("gives a trace with values and skipped branches", () => {
    const r = explain("age > 40 and candidate.rank == '副科'", scope, env);
    expect(r.trace).toMatchObject({
      type: "Logical",
      op: "and",
      evaluated: true,
      value: false,
      children: [
        { type: "Binary", op: ">", source: "age > 40", evaluated: true, value: false },
        { type: "Binary", op: "==", evaluated: false },
      ],
    });
    expect(r.trace.children[1]!.value).toBeUndefined();
  });

  it("works on compiled expressions and bare ASTs (printing the source)", () => {
    expect(explain(compile("age >= 18"), scope, env).text).toBe("age 31 >= 18");
    expect(explain(parse("age >= 18"), scope, env).text).toBe("age 31 >= 18");
  });

  it("conditionals say which way they went", () => {
    expect(explain("age > 30 ? candidate.post == 'secretary' : false", scope, env).text).toBe(
      "age 31 > 30, so candidate.post is secretary",
    );
  });
});
