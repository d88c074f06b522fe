import type { Definition } from "@wf/engine";
import type { OrgIndex } from "../org/orgCatalog.ts";
import type { Actor } from "../profile/profiles.ts";

/** The role catalog's administrator role (`workflows/org/roles.json`): definitions, forms, backups. */
export const adminRole = "admin";

/** The procedure the batch screen starts: the six-level vetting of village committee candidates. */
export const batchDefinitionId = "candidate-vetting";

/** Whether the actor may use the admin screens. */
export function isAdmin(actor: Actor | undefined): boolean {
  return actor?.roles.includes(adminRole) ?? false;
}

/** Whether the actor holds one of the roles the definition lets start a case. */
export function mayStart(definition: Definition | undefined, actor: Actor | undefined): boolean {
  if (!definition || !actor) return false;
  return definition.start.roles.some((r) => actor.roles.includes(r));
}

/** Roles that oversee every case of the region, and so see the whole dashboard. */
const overseers = ["admin", "org-dept", "standing-committee", "city-reviewer"];

/**
 * What part of the region the actor's dashboard covers: everything for the organization
 * department, the standing committee, city reviewers and administrators; their own township for a
 * township party committee; nothing for the others (a village clerk has the inbox instead).
 */
export function dashboardScope(
  actor: Actor | undefined,
  org: OrgIndex,
): { kind: "all" } | { kind: "township"; township: string } | undefined {
  if (!actor) return undefined;
  if (actor.roles.some((r) => overseers.includes(r))) return { kind: "all" };
  if (actor.roles.includes("township-committee")) {
    const township = org.ancestry(actor.unit).find((u) => u.level === "township");
    if (township) return { kind: "township", township: township.id };
  }
  return undefined;
}
