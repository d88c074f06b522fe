import type { OrgUnit, Person } from "@wf/engine";
import { orgPeople, orgUnits, roleCatalog } from "@wf/workflows";
import type { LocalizedText } from "../i18n/I18nProvider.tsx";

export type { OrgUnit, Person };

/** A role id with its display names (`workflows/org/roles.json`). */
export interface Role {
  id: string;
  name: LocalizedText;
}

/** The demo region's org catalog, bundled into the app so it works offline from the first load. */
export interface OrgCatalog {
  units: readonly OrgUnit[];
  people: readonly Person[];
  roles: readonly Role[];
}

/** The catalog as shipped in `@wf/workflows`. */
export const bundledCatalog: OrgCatalog = { units: orgUnits, people: orgPeople, roles: roleCatalog };

/** Fast lookups over a catalog, built once. */
export class OrgIndex {
  readonly unitsById = new Map<string, OrgUnit>();
  readonly peopleById = new Map<string, Person>();
  readonly rolesById = new Map<string, Role>();

  constructor(readonly catalog: OrgCatalog) {
    for (const u of catalog.units) this.unitsById.set(u.id, u);
    for (const p of catalog.people) this.peopleById.set(p.id, p);
    for (const r of catalog.roles) this.rolesById.set(r.id, r);
  }

  unit(id: string): OrgUnit | undefined {
    return this.unitsById.get(id);
  }

  person(id: string): Person | undefined {
    return this.peopleById.get(id);
  }

  /** A role's display name, or its id where the catalog has none. */
  roleName(id: string): LocalizedText {
    return this.rolesById.get(id)?.name ?? { zh: id, en: id };
  }

  /** The unit and its ancestors, nearest first (a village, its township, the county, the city). */
  ancestry(id: string): OrgUnit[] {
    const out: OrgUnit[] = [];
    const seen = new Set<string>();
    let current = this.unitsById.get(id);
    while (current && !seen.has(current.id)) {
      out.push(current);
      seen.add(current.id);
      current = current.parent ? this.unitsById.get(current.parent) : undefined;
    }
    return out;
  }
}
