import type { AuditEvent, Definition, InstanceRecord, TaskRecord } from "@wf/engine";
import { type Said, said } from "../i18n/said.ts";
import type { OrgIndex } from "../org/orgCatalog.ts";
import type { Actor } from "../profile/profiles.ts";

/**
 * Why this person cannot act on this task, before they try: the same checks the engine makes
 * (assignee, escalation, delegation, claim, separation of duties), worded for the clerk. The
 * engine still decides; this only spares the clerk filling in a form they cannot submit.
 * Returns undefined when they may act.
 */
export function whyCannotAct(
  task: TaskRecord,
  actor: Actor,
  org: OrgIndex,
  context: { definition: Definition | undefined; instance: InstanceRecord; events: readonly AuditEvent[] },
): Said | undefined {
  const nameOf = (id: string) => org.person(id)?.name ?? { zh: id, en: id };
  const unitName = (id: string) => org.unit(id)?.name ?? { zh: id, en: id };
  if (task.status !== "open") return said("why.closed");

  const holds = (role: string, unit: string) => actor.unit === unit && actor.roles.includes(role);
  const escalated = task.escalatedTo !== undefined && holds(task.escalatedTo.role, task.escalatedTo.unit);
  const a = task.assignee;
  if (task.delegatedTo !== undefined) {
    if (task.delegatedTo !== actor.id && !escalated)
      return said("why.delegated", { name: nameOf(task.delegatedTo) });
  } else if ("person" in a) {
    if (a.person !== actor.id && !escalated) return said("why.person", { name: nameOf(a.person) });
  } else if (!holds(a.role, a.unit) && !escalated) {
    if (actor.unit !== a.unit) {
      return said("why.unit", {
        unit: unitName(a.unit),
        role: org.roleName(a.role),
        mine: unitName(actor.unit),
      });
    }
    const roles = actor.roles.map((r) => org.roleName(r));
    return said("why.role", {
      role: org.roleName(a.role),
      unit: unitName(actor.unit),
      roles: { zh: roles.map((r) => r.zh).join("、"), en: roles.map((r) => r.en ?? r.zh).join(", ") },
    });
  }
  if (task.claimedBy !== undefined && task.claimedBy !== actor.id) {
    return said("why.claimed", { name: nameOf(task.claimedBy) });
  }

  for (const rule of context.definition?.separationOfDuties ?? []) {
    if (!rule.steps.includes(task.step)) continue;
    const notBy = rule.notBy;
    const hit =
      notBy === "subject"
        ? context.instance.subject === actor.id
        : notBy === "starter"
          ? context.instance.startedBy.id === actor.id
          : context.events.some(
              (e) => e.type === "acted" && e.step === notBy.actorOf && e.actor === actor.id,
            );
    if (hit) return said("why.sod", { message: rule.message });
  }
  return undefined;
}
