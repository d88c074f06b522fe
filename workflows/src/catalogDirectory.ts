import type { CatalogPerson, CatalogUnit } from "./index.ts";

/** The OrgDirectory port (contract §4) over catalog arrays, indexed once. */
export interface CatalogDirectory {
  unit(id: string): CatalogUnit | undefined;
  person(id: string): CatalogPerson | undefined;
  parent(id: string): CatalogUnit | undefined;
  children(id: string): CatalogUnit[];
  holders(role: string, unitId: string): CatalogPerson[];
}

/**
 * An in-memory org directory over the catalog, for the engine's `directory` port.
 *
 * @example
 * const directory = catalogDirectory(orgUnits, orgPeople);
 * directory.holders("org-dept", "qx-orgdept"); // the county organization department's clerks
 */
export function catalogDirectory(
  units: readonly CatalogUnit[],
  people: readonly CatalogPerson[],
): CatalogDirectory {
  const unitById = new Map(units.map((u) => [u.id, u]));
  const personById = new Map(people.map((p) => [p.id, p]));
  const childrenOf = new Map<string, CatalogUnit[]>();
  for (const u of units) {
    if (u.parent === undefined) continue;
    const list = childrenOf.get(u.parent) ?? [];
    list.push(u);
    childrenOf.set(u.parent, list);
  }
  const holdersAt = new Map<string, CatalogPerson[]>();
  for (const p of people) {
    for (const m of p.memberships) {
      const key = `${m.role}@${m.unit}`;
      const list = holdersAt.get(key) ?? [];
      if (!list.includes(p)) list.push(p);
      holdersAt.set(key, list);
    }
  }
  return {
    unit: (id) => unitById.get(id),
    person: (id) => personById.get(id),
    parent: (id) => {
      const parent = unitById.get(id)?.parent;
      return parent === undefined ? undefined : unitById.get(parent);
    },
    children: (id) => childrenOf.get(id) ?? [],
    holders: (role, unitId) => holdersAt.get(`${role}@${unitId}`) ?? [],
  };
}
