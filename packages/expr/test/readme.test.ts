import { describe, expect, it } from "vitest";
import readme from "../README.md?raw";
import { BUILTINS, compile, evaluate, explain, fieldsRead } from "../src/index";
import { env } from "./helpers";

describe("README", () => {
  it("documents every built-in function", () => {
    const missing = Object.keys(BUILTINS).filter((name) => !readme.includes(`\`${name}(`));
    expect(missing).toEqual([]);
  });

  it("domain examples behave as documented", () => {
    const data = {
      candidate: { birthDate: "1969-09-30", partyJoinDate: "2025-09-30", post: "secretary" },
      noticeStart: "2026-09-30",
      jointReview: [{ verdict: "approve" }, { verdict: "veto" }],
    };
    const scope = { data };
    expect(evaluate("yearsBetween(data.candidate.birthDate, today()) <= 57", scope, env)).toBe(true);
    expect(evaluate("yearsBetween(data.candidate.partyJoinDate, today()) >= 1", scope, env)).toBe(true);
    expect(evaluate("addWorkingDays(data.noticeStart, 5)", scope, env)).toBe("2026-10-14");
    expect(evaluate('data.candidate.post == "secretary"', scope, env)).toBe(true);
    expect(evaluate('any(data.jointReview, r => r.verdict == "veto")', scope, env)).toBe(true);
    const age = compile("yearsBetween(data.candidate.birthDate, today()) <= 57");
    expect(explain(age, { data: { candidate: { birthDate: "1960-01-01" } } }, env).text).toBe(
      "yearsBetween(data.candidate.birthDate, today()) (= 66) is not <= 57",
    );
    expect(fieldsRead("post == 'secretary' and rank == '副科'")).toEqual(["post", "rank"]);
    expect(evaluate('concat("年龄", 31, "岁")', {}, env)).toBe("年龄31岁");
  });
});
