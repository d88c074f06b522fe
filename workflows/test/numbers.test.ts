import { describe, expect, it } from "vitest";
import { definitions } from "../src/index.ts";
import { loadScenarios, runScenario, type Scenario } from "./runScenario.ts";

// The numbers of the seeds live in the definitions' data defaults: change the JSON, and the
// behaviour changes with no code change.

type Json = Record<string, unknown>;
/** The shipped definitions with one data default replaced. */
function withDefault(definitionId: string, key: string, value: unknown): unknown[] {
  return definitions.map((d) => {
    const def = structuredClone(d) as Json & { id: string; data: Record<string, Json> };
    if (def.id === definitionId) {
      const field = def.data[key];
      if (!field) throw new Error(`${definitionId} has no data.${key}`);
      field.default = value;
    }
    return def;
  });
}
const scenario = (id: string): Scenario => {
  const s = loadScenarios().find((x) => x.id === id);
  if (!s) throw new Error(`no scenario ${id}`);
  return structuredClone(s);
};

describe("numbers in the JSON drive behaviour", () => {
  it("age limit: 57 refuses the 58-year-old, 58 lets them apply", async () => {
    const s = scenario("fs-ineligible-age");
    await runScenario(s); // refused with the shipped 57
    const relaxed = withDefault("first-secretary-selection", "maxAge", 58);
    s.actions = s.actions
      .filter((a) => a.type !== "expect")
      .map((a) => {
        const { expectError: _ignored, ...rest } = a as typeof a & { expectError?: unknown };
        return rest as typeof a;
      });
    s.actions.push({ type: "expect", step: "recommend" });
    await runScenario(s, relaxed);
  });

  it("notice period: 3 working days instead of 5 ends the notice two working days earlier", async () => {
    const s = scenario("fs-happy-path");
    const defs = withDefault("first-secretary-selection", "noticeDays", 3);
    // Approved Mon 2 March: 3 working days end Thu 5 March (5 days: Mon 9 March).
    const untilNotice = s.actions.findIndex((a) => a.type === "tick");
    s.actions = [
      ...s.actions.slice(0, untilNotice),
      { type: "expect", step: "notice", data: { noticeEnd: "2026-03-05" } },
      { type: "tick", at: "2026-03-04T18:00:00+08:00" },
      { type: "expect", step: "notice" },
      { type: "tick", at: "2026-03-05T18:00:00+08:00" },
      { type: "expect", step: "dispatch" },
    ];
    await runScenario(s, defs);
    // The same clock with the shipped 5 days: still in notice on Thursday evening.
    const control = { ...s, actions: s.actions.filter((a) => !(a.type === "expect" && a.data)) };
    await expect(runScenario(control)).rejects.toThrow(/steps are \["notice"\]/);
  });

  it("term: a 3-year term ends three years after dispatch", async () => {
    const s = scenario("fs-happy-path");
    const last = s.actions.at(-1);
    if (last?.type !== "expect") throw new Error("fs-happy-path should end with an expectation");
    last.data = { termStart: "2026-03-10", termEnd: "2029-03-10" };
    await runScenario(s, withDefault("first-secretary-selection", "termYears", 3));
  });

  it("days in the village: raising the minimum to 23 makes 22 and 20 days a duty failure", async () => {
    const s = scenario("rc-absence-not-enough");
    s.actions = s.actions
      .filter((a) => a.type !== "expect")
      .map((a) => {
        const { expectError: _ignored, ...rest } = a as typeof a & { expectError?: unknown };
        return rest as typeof a;
      });
    s.actions.push({ type: "expect", step: "verify" });
    await runScenario(s, withDefault("first-secretary-recall", "minDaysInVillagePerMonth", 23));
  });

  it("joint review: dropping the petition office leaves five department tasks", async () => {
    const s = scenario("vt-member-qualified");
    s.actions = s.actions.filter((a) => !(a.type === "act" && a.actor === "qx-petition-reviewer1"));
    for (const a of s.actions)
      if (a.type === "expect" && a.step === "joint-review")
        a.data = {
          departments: ["qx-discipline", "qx-police", "qx-court", "qx-procuratorate", "qx-justice"],
        };
    const defs = withDefault("candidate-vetting", "jointReviewTypes", [
      "discipline",
      "police",
      "court",
      "procuratorate",
      "justice",
    ]);
    await runScenario(s, defs);
  });
});
