import type { InstanceRecord } from "@wf/engine";
import type { AppServices } from "../engine/appServices.ts";
import type { Actor } from "../profile/profiles.ts";

/**
 * Roles that oversee every case of the region: the organization department runs the procedures
 * and the standing committee decides them. Everyone else sees the cases they are part of.
 */
const overseeing = new Set(["org-dept", "inspection-team", "standing-committee", "admin"]);

/** Whether the actor sees every case. */
export function overseesAll(actor: Actor): boolean {
  return actor.roles.some((r) => overseeing.has(r));
}

/**
 * The ids of cases this actor is part of: started by them, about them, or with a task (open or
 * done) for them or for one of their roles at their unit.
 */
async function involvedCaseIds(services: AppServices, actor: Actor): Promise<Set<string>> {
  const { store } = services;
  // One query per task status: the Dexie store refuses a person or unit query without a status
  // (its key range then holds Dexie.minKey inside an array key, which IndexedDB rejects).
  const statuses = ["open", "completed", "withdrawn"] as const;
  const lists = await Promise.all(
    statuses.flatMap((status) => [
      store.queryTasks({ person: actor.id, status }),
      ...actor.roles.map((role) => store.queryTasks({ unit: actor.unit, role, status })),
    ]),
  );
  const ids = new Set(lists.flat().map((t) => t.instanceId));
  for (const i of await store.queryInstances({ subject: actor.id })) ids.add(i.id);
  return ids;
}

/** The cases the actor may see, from a list of candidates. */
export async function visibleCases(
  services: AppServices,
  actor: Actor,
  cases: InstanceRecord[],
): Promise<InstanceRecord[]> {
  if (overseesAll(actor)) return cases;
  const involved = await involvedCaseIds(services, actor);
  return cases.filter((c) => c.startedBy.id === actor.id || involved.has(c.id));
}
