import type { OrgDirectory, OrgUnit, Person } from "../ports";

/**
 * The {@link OrgDirectory} port over plain catalog arrays (units and people as JSON), indexed
 * once so lookups during transitions are map reads. Hosts with their own directory service
 * implement the port themselves.
 *
 * @example
 * const directory = createOrgDirectory(units, people);
 * directory.holders("org-dept", "qx-orgdept"); // the county organization department's clerks
 */
export function createOrgDirectory(units: readonly OrgUnit[], people: readonly Person[]): OrgDirectory {
  const unitById = new Map(units.map((u) => [u.id, u]));
  const personById = new Map(people.map((p) => [p.id, p]));
  const childrenOf = new Map<string, OrgUnit[]>();
  for (const u of units) {
    if (u.parent === undefined) continue;
    const list = childrenOf.get(u.parent) ?? [];
    list.push(u);
    childrenOf.set(u.parent, list);
  }
  const holdersAt = new Map<string, Person[]>();
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
