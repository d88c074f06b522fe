import {
  type AuditEvent,
  type InstanceRecord,
  NotFoundError,
  type TaskRecord,
  type VerifyResult,
} from "@wf/engine";
import type { AppServices } from "../engine/appServices.ts";
import type { Actor } from "../profile/profiles.ts";
import { visibleCases } from "./caseVisibility.ts";

/** A case with its log, open tasks, linked cases and the audit chain's verification. */
export interface LoadedCase {
  instance: InstanceRecord;
  events: AuditEvent[];
  openTasks: TaskRecord[];
  parent: InstanceRecord | undefined;
  children: InstanceRecord[];
  chain: VerifyResult;
}

/** The actor is not part of the case and does not oversee cases: the page says so. */
export class CaseHiddenError extends Error {
  override readonly name = "CaseHiddenError";
}

/** Reads everything the case page and its print view show, if the actor may see the case. */
export async function loadCase(services: AppServices, caseId: string, actor: Actor): Promise<LoadedCase> {
  const { store, engine } = services;
  const instance = await store.loadInstance(caseId);
  if (!instance) throw new NotFoundError(`case ${caseId} not found`);
  if ((await visibleCases(services, actor, [instance])).length === 0) throw new CaseHiddenError(caseId);
  const [events, openTasks, chain, parent, children] = await Promise.all([
    store.events(caseId),
    store.queryTasks({ instanceId: caseId, status: "open" }),
    engine.verify(caseId),
    instance.parent ? store.loadInstance(instance.parent.instanceId) : Promise.resolve(undefined),
    Promise.all(instance.children.map((c) => store.loadInstance(c.instanceId))),
  ]);
  return {
    instance,
    events,
    openTasks,
    parent,
    children: children.filter((c): c is InstanceRecord => c !== undefined),
    chain,
  };
}
