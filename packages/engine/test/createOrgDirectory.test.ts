import { describe, expect, it } from "vitest";
import { createOrgDirectory, type OrgUnit, type Person } from "../src/index";

const units: OrgUnit[] = [
  { id: "county", name: { zh: "县", en: "County" }, type: "county", level: "county" },
  { id: "county-org", name: { zh: "组织部", en: "Org dept" }, type: "org-dept", parent: "county" },
  { id: "town", name: { zh: "镇", en: "Town" }, type: "township", level: "township", parent: "county" },
];
const people: Person[] = [
  { id: "a", name: { zh: "甲" }, memberships: [{ unit: "county-org", role: "org-dept" }], attrs: {} },
  {
    id: "b",
    name: { zh: "乙" },
    memberships: [
      { unit: "county-org", role: "org-dept" },
      { unit: "county-org", role: "org-dept" },
    ],
    attrs: {},
  },
];

describe("createOrgDirectory", () => {
  const dir = createOrgDirectory(units, people);

  it("finds units, parents and children", () => {
    expect(dir.unit("town")?.name.en).toBe("Town");
    expect(dir.parent("county-org")?.id).toBe("county");
    expect(dir.parent("county")).toBeUndefined();
    expect(dir.children("county").map((u) => u.id)).toEqual(["county-org", "town"]);
    expect(dir.children("town")).toEqual([]);
  });

  it("lists each holder of a role at a unit once", () => {
    expect(dir.holders("org-dept", "county-org").map((p) => p.id)).toEqual(["a", "b"]);
    expect(dir.holders("org-dept", "town")).toEqual([]);
    expect(dir.person("b")?.name.zh).toBe("乙");
    expect(dir.person("nobody")).toBeUndefined();
  });
});
