import { describe, expect, it } from "vitest";
import { directory, loadScenarios, runScenario, type Scenario } from "./runScenario.ts";

const scenario = (id: string): Scenario => {
  const s = loadScenarios().find((x) => x.id === id);
  if (!s) throw new Error(`no scenario ${id}`);
  return structuredClone(s);
};
const rulesAt = (notices: Map<number, { rule?: string }[]>, i: number) =>
  (notices.get(i) ?? []).map((n) => n.rule).sort();

// Preferences are shown to reviewers as notices, never blocking.
describe("preferences and matching suggestions", () => {
  it("an ideal cadre raises no preference notice and gets the seed-002 village problem", async () => {
    const s = scenario("fs-happy-path");
    const { notices, main } = await runScenario(s);
    const apply = s.actions.findIndex((a) => a.type === "act" && a.step === "apply");
    expect(rulesAt(notices, apply)).toEqual([]);
    expect(main.data.suggestedProblem).toBe("lagging-development");
  });

  it("a 31-year-old 副科 with no rural expertise is shown two preference notices but may apply", async () => {
    const s = scenario("fs-unit-mobilizes");
    const { notices, main } = await runScenario(s);
    const apply = s.actions.findIndex((a) => a.type === "act" && a.step === "apply");
    expect(rulesAt(notices, apply)).toEqual(["prefer-rural-expertise", "prefer-young-fuke"]);
    expect(main.steps).toEqual(["review"]);
  });

  it("a 37-year-old 正科 with 3 years in a township gets the 正科 and township notices", async () => {
    const s = scenario("fs-happy-path");
    const apply = s.actions.findIndex((a) => a.type === "act" && a.step === "apply");
    const act = s.actions[apply];
    if (act?.type !== "act") throw new Error("no apply step");
    const person = directory.person("cadre-politlegal");
    const attrs = person?.attrs ?? {};
    act.form = {
      ...(act.form as object),
      personId: "cadre-politlegal",
      unitId: "qx-u-political-legal",
      idNumber: attrs.idNumber,
      birthDate: attrs.birthDate,
      gender: attrs.gender,
      category: attrs.category,
      rank: attrs.rank,
      partyJoinDate: attrs.partyJoinDate,
      workStartDate: attrs.workStartDate,
      townshipExperienceYears: attrs.townshipExperienceYears,
      ruralExpertise: false,
      expertiseNote: undefined,
    };
    s.actions = [s.actions[0] as (typeof s.actions)[number], act].map((a) => ({
      ...a,
      actor: "cadre-politlegal",
    }));
    const { notices } = await runScenario(s);
    expect(rulesAt(notices, 1)).toEqual([
      "prefer-little-township",
      "prefer-rural-expertise",
      "prefer-young-zhengke",
    ]);
  });

  it("a village that does not fit the cadre's department is flagged at matching, not refused", async () => {
    const s = scenario("fs-happy-path");
    const match = s.actions.findIndex((a) => a.type === "act" && a.step === "match");
    const act = s.actions[match];
    if (act?.type !== "act") throw new Error("no match step");
    act.form = {
      ...(act.form as object),
      villageId: "qx-t01-v01",
      villageType: "矛盾集中",
      villageProblem: "conflicts",
    };
    const { notices } = await runScenario({ ...s, actions: s.actions.slice(0, match + 1) });
    expect(rulesAt(notices, match)).toEqual(["matching-follows-rule"]);
  });
});
