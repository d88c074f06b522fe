import type { PickerDirectory, PickerPerson, PickerUnit } from "@wf/forms/react";
import type { OrgIndex, OrgUnit, Person } from "./orgCatalog.ts";

const limit = 20;

/**
 * The person and org-unit pickers of forms search the bundled catalog, synchronously and
 * offline. Namesakes are told apart by their unit.
 */
export function pickerDirectory(org: OrgIndex): PickerDirectory {
  const toPerson = (p: Person): PickerPerson => {
    const unit = p.memberships[0] ? org.unit(p.memberships[0].unit) : undefined;
    return { id: p.id, name: p.name, ...(unit ? { detail: unit.name } : {}) };
  };
  const toUnit = (u: OrgUnit): PickerUnit => ({ id: u.id, name: u.name, level: u.level });
  const matches = (needle: string, ...texts: (string | undefined)[]) =>
    needle === "" || texts.some((t) => t?.toLowerCase().includes(needle));
  return {
    searchPeople(query, filter) {
      const needle = query.toLowerCase();
      const out: PickerPerson[] = [];
      for (const p of org.catalog.people) {
        if (filter.role && !p.memberships.some((m) => m.role === filter.role)) continue;
        if (!matches(needle, p.name.zh, p.name.en, p.id)) continue;
        out.push(toPerson(p));
        if (out.length >= limit) break;
      }
      return out;
    },
    person(id) {
      const p = org.person(id);
      return p ? toPerson(p) : undefined;
    },
    searchUnits(query, filter) {
      const needle = query.toLowerCase();
      const out: PickerUnit[] = [];
      for (const u of org.catalog.units) {
        if (filter.level && u.level !== filter.level) continue;
        if (!matches(needle, u.name.zh, u.name.en, u.id)) continue;
        out.push(toUnit(u));
        if (out.length >= limit) break;
      }
      return out;
    },
    unit(id) {
      const u = org.unit(id);
      return u ? toUnit(u) : undefined;
    },
  };
}
