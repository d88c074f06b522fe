import type { CompiledDefinition } from "../compile/compileDefinition";
import { ConflictError, NotAuthorizedError, SeparationOfDutiesError } from "../errors";
import type { OrgDirectory } from "../ports";
import type { Actor } from "../store/Store";
import type { TaskState, WfContext } from "./context";

/** Whether the actor holds `role` at `unit`, by their own claim and by the org directory. */
function holds(actor: Actor, role: string, unit: string, directory: OrgDirectory): boolean {
  if (actor.unit !== unit || !actor.roles.includes(role)) return false;
  // The actor object comes from the host's login; the org catalog is the authority on who holds
  // which role where, so a person it does not know holds nothing.
  const person = directory.person(actor.id);
  return person?.memberships.some((m) => m.unit === unit && m.role === role) ?? false;
}

/** Refuse unless the actor may work on this task: assignee, delegate or escalation holder, and not claimed by another. */
export function authorizeTask(task: TaskState, actor: Actor, directory: OrgDirectory): void {
  const a = task.assignee;
  const byDelegation = task.delegatedTo === actor.id;
  const byAssignment =
    task.delegatedTo === undefined &&
    ("person" in a ? a.person === actor.id : holds(actor, a.role, a.unit, directory));
  const byEscalation =
    task.escalatedTo !== undefined && holds(actor, task.escalatedTo.role, task.escalatedTo.unit, directory);
  if (!byDelegation && !byAssignment && !byEscalation) {
    const who =
      task.delegatedTo !== undefined
        ? `person ${task.delegatedTo} (delegated)`
        : "person" in a
          ? `person ${a.person}`
          : `role "${a.role}" at unit ${a.unit}`;
    throw new NotAuthorizedError(
      `${actor.id} (unit ${actor.unit}, roles ${actor.roles.join(", ") || "none"}) may not act on task ${task.id} of step "${task.step}": it is for ${who}`,
    );
  }
  if (task.claimedBy !== undefined && task.claimedBy !== actor.id) {
    throw new ConflictError(`task ${task.id} is claimed by ${task.claimedBy}; ask them to release it`);
  }
}

/** Refuse when a separation-of-duties rule of the definition forbids this person at this step. */
export function checkSeparation(
  c: CompiledDefinition,
  ctx: WfContext,
  step: string,
  actor: Actor,
  subject: string | undefined,
): void {
  for (const rule of c.definition.separationOfDuties ?? []) {
    if (!rule.steps.includes(step)) continue;
    let hit = false;
    if (rule.notBy === "subject") hit = subject !== undefined && subject === actor.id;
    else if (rule.notBy === "starter") hit = ctx.starter.id === actor.id;
    else hit = (ctx.actedBy[rule.notBy.actorOf] ?? []).includes(actor.id);
    if (hit)
      throw new SeparationOfDutiesError(
        `${rule.message.en} / ${rule.message.zh} (step "${step}", ${actor.id})`,
      );
  }
}

/** Refuse unless the actor holds one of `roles` (in their own unit). */
export function authorizeRoles(
  actor: Actor,
  roles: string[] | undefined,
  what: string,
  directory: OrgDirectory,
): void {
  if (!roles?.some((r) => holds(actor, r, actor.unit, directory))) {
    throw new NotAuthorizedError(
      `${actor.id} may not ${what}: it needs one of the roles ${roles?.length ? roles.join(", ") : "(none declared)"}`,
    );
  }
}
