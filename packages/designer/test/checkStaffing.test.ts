import { describe, expect, it } from "vitest";
import selection from "../../../workflows/definitions/first-secretary-selection.json";
import people from "../../../workflows/org/people.json";
import units from "../../../workflows/org/units.json";
import {
  type CatalogPerson,
  type CatalogUnit,
  checkStaffing,
  type DesignDefinition,
  unitsMatching,
} from "../src/index.ts";
import { sampleDefinition } from "./fixtures.ts";

const orgUnits: CatalogUnit[] = [
  { id: "city", type: "city", level: "city" },
  { id: "county", type: "county", level: "county", parent: "city" },
  { id: "county-od", type: "org-dept", parent: "county" },
  { id: "county-pc", type: "party-committee", parent: "county" },
  { id: "city-od", type: "org-dept", parent: "city" },
  { id: "bureau", type: "unit", parent: "county" },
];

function person(id: string, ...memberships: [string, string][]): CatalogPerson {
  return { id, memberships: memberships.map(([unit, role]) => ({ unit, role })) };
}

const staffed = [
  person("hr", ["bureau", "unit-hr"]),
  person("clerk", ["county-od", "org-dept"]),
  person("inspector", ["county-od", "inspection-team"]),
  person("secretary", ["county-pc", "standing-committee"]),
];

describe("unitsMatching", () => {
  it("resolves a unit rule to the units of that kind", () => {
    expect(unitsMatching({ from: "x", up: "county", child: "org-dept" }, orgUnits).map((u) => u.id)).toEqual([
      "county-od",
    ]);
    expect(unitsMatching({ from: "x", child: "org-dept" }, orgUnits).map((u) => u.id)).toEqual([
      "county-od",
      "city-od",
    ]);
    expect(unitsMatching({ unit: "bureau" }, orgUnits).map((u) => u.id)).toEqual(["bureau"]);
    expect(unitsMatching({ from: "x", up: "city" }, orgUnits).map((u) => u.id)).toEqual(["city"]);
    expect(unitsMatching({ from: "starter.unit" }, orgUnits)).toHaveLength(orgUnits.length);
  });
});

describe("checkStaffing", () => {
  it("passes when every task has someone to act", () => {
    const report = checkStaffing(sampleDefinition(), { units: orgUnits, people: staffed });
    expect(report.issues).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.candidates.decide).toEqual(["secretary"]);
  });

  it("names each step that no one holds the role for, in order", () => {
    const report = checkStaffing(sampleDefinition(), { units: orgUnits, people: [staffed[0]!] });
    expect(report.issues.map((i) => [i.step, i.reason])).toEqual([
      ["review", "no-holder"],
      ["inspect", "no-holder"],
      ["decide", "no-holder"],
    ]);
    expect(report.issues[0]?.message.en).toContain('"org-dept"');
  });

  it("reports a unit rule that matches no unit", () => {
    const def = sampleDefinition();
    def.steps.decide!.assignee = {
      role: "standing-committee",
      at: { from: "x", up: "county", child: "court" },
    };
    expect(checkStaffing(def, { units: orgUnits, people: staffed }).issues).toMatchObject([
      { step: "decide", reason: "no-unit" },
    ]);
  });

  it("excludes the only inspector from deciding, but not when someone else could inspect", () => {
    const onePerson = [
      staffed[0]!,
      staffed[1]!,
      person("both", ["county-od", "inspection-team"], ["county-pc", "standing-committee"]),
    ];
    const report = checkStaffing(sampleDefinition(), { units: orgUnits, people: onePerson });
    expect(report.issues).toMatchObject([{ step: "decide", reason: "excluded" }]);
    expect(report.issues[0]?.message.zh).toContain("回避");
    const withSecondInspector = [...onePerson, person("other", ["county-od", "inspection-team"])];
    expect(checkStaffing(sampleDefinition(), { units: orgUnits, people: withSecondInspector }).ok).toBe(true);
  });

  it("excludes a given subject from the steps a subject rule covers", () => {
    const report = checkStaffing(
      sampleDefinition(),
      { units: orgUnits, people: staffed },
      { subject: "clerk" },
    );
    expect(report.issues).toMatchObject([{ step: "review", reason: "excluded" }]);
  });

  it("leaves tasks assigned to a named person unchecked", () => {
    const def = sampleDefinition();
    def.steps.apply!.assignee = { person: "starter.id" };
    expect(checkStaffing(def, { units: orgUnits, people: staffed }).unchecked).toEqual(["apply"]);
  });

  it("finds the shipped first-secretary selection staffed by the demo org catalog", () => {
    const report = checkStaffing(
      selection as unknown as DesignDefinition,
      { units, people } as {
        units: CatalogUnit[];
        people: CatalogPerson[];
      },
    );
    expect(report.issues).toEqual([]);
    expect(report.unchecked).toEqual(["apply"]);
  });
});
