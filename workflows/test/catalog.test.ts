import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { validateDefinition } from "@wf/engine";
import { compileForm } from "@wf/forms";
import { describe, expect, it } from "vitest";
import { calendars, definitions, forms, orgPeople, orgUnits, roleCatalog } from "../src/index.ts";
import { directory } from "./runScenario.ts";

interface Def {
  id: string;
  roles: string[];
  start: { roles: string[] };
}
const defs = definitions as Def[];
const formIds = forms.map((f) => (f as { id: string }).id);
const ctx = {
  forms: formIds,
  roles: roleCatalog.map((r) => r.id),
  definitions: defs.map((d) => d.id),
  unitTypes: [...new Set(orgUnits.map((u) => u.type))],
};

describe("definitions and forms", () => {
  for (const d of defs) {
    it(`${d.id} validates against the shipped forms, roles and definitions`, () => {
      const r = validateDefinition(d, ctx);
      expect(r.ok ? [] : r.issues).toEqual([]);
    });
  }
  for (const f of forms) {
    it(`form ${(f as { id: string }).id} compiles`, () => {
      expect(() => compileForm(f)).not.toThrow();
    });
  }
  it("every form is used by a definition", () => {
    const text = JSON.stringify(definitions);
    expect(formIds.filter((id) => !text.includes(`"ref":"${id}"`))).toEqual([]);
  });
});

describe("demo region (seed 001 numbers)", () => {
  const count = (pred: (u: (typeof orgUnits)[number]) => boolean) => orgUnits.filter(pred).length;
  it("has 27 townships and 197 villages, each typed by seed 003's four types", () => {
    expect(count((u) => u.level === "township")).toBe(27);
    expect(count((u) => u.level === "village")).toBe(197);
    const types = new Set(orgUnits.filter((u) => u.level === "village").map((u) => u.attrs?.villageType));
    expect([...types].sort()).toEqual(["乡村振兴任务重", "矛盾集中", "脱贫村", "软弱涣散"].sort());
    expect(count((u) => u.attrs?.villageType === "软弱涣散")).toBe(36);
  });
  it("is exactly what org/generate.mjs produces (reproducible)", () => {
    const script = fileURLToPath(new URL("../org/generate.mjs", import.meta.url));
    expect(() => execFileSync(process.execPath, [script, "--check"], { stdio: "pipe" })).not.toThrow();
  });
  it("every parent exists and every membership names a known unit and role", () => {
    const roles = new Set(roleCatalog.map((r) => r.id));
    for (const u of orgUnits) if (u.parent) expect(directory.unit(u.parent), u.id).toBeDefined();
    for (const p of orgPeople)
      for (const m of p.memberships) {
        expect(directory.unit(m.unit), `${p.id} @ ${m.unit}`).toBeDefined();
        expect(roles.has(m.role), `${p.id} role ${m.role}`).toBe(true);
      }
  });
  it("staffs every role the procedures need at every village", () => {
    const missing: string[] = [];
    const need = (role: string, unit: string) => {
      if (directory.holders(role, unit).length === 0) missing.push(`${role}@${unit}`);
    };
    for (const v of orgUnits.filter((u) => u.level === "village")) {
      need("village-clerk", v.id);
      const township = v.parent as string;
      need("village-team", township);
      need("township-committee", `${township}-pc`);
    }
    for (const d of ["discipline", "police", "court", "procuratorate", "justice", "petition"])
      need("joint-reviewer", `qx-${d}`);
    need("accountability-reviewer", "qx-discipline");
    need("city-reviewer", "mc-jointreview");
    need("standing-committee", "qx-pc");
    expect(directory.holders("org-dept", "qx-orgdept").length).toBeGreaterThanOrEqual(3);
    expect(directory.holders("inspection-team", "qx-orgdept").length).toBeGreaterThanOrEqual(2);
    for (const u of orgUnits.filter((x) => x.type === "unit")) need("unit-hr", u.id);
    expect(missing).toEqual([]);
  });
  it("gives every cadre the attributes the eligibility rules read", () => {
    const keys = ["birthDate", "gender", "partyStatus", "workStartDate", "rank", "category", "idNumber"];
    for (const p of orgPeople.filter((x) => x.memberships.some((m) => m.role === "cadre")))
      for (const k of keys) expect(p.attrs[k], `${p.id}.${k}`).toBeDefined();
  });
});

describe("cn-mainland calendar", () => {
  const cal = calendars["cn-mainland"];
  const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
  it("lists 调休 workdays only on weekends and never as holidays", () => {
    expect(cal).toBeDefined();
    for (const d of cal?.workdays ?? []) {
      expect([0, 6], d).toContain(weekday(d));
      expect(cal?.holidays, d).not.toContain(d);
    }
  });
  it("covers 2025 to 2027", () => {
    for (const y of ["2025", "2026", "2027"])
      expect(
        cal?.holidays.some((d) => d.startsWith(`${y}-10-01`)),
        y,
      ).toBe(true);
  });
});
