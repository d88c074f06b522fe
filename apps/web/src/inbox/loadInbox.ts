import type { InstanceRecord, TaskRecord } from "@wf/engine";
import type { AppServices } from "../engine/appServices.ts";
import type { Actor } from "../profile/profiles.ts";

/** The three inbox views and the cases their tasks belong to. */
export interface InboxData {
  /** Tasks this person may work on now (named, claimed, delegated, or free in their role). */
  mine: TaskRecord[];
  /** Every open task of their roles at their unit, including ones colleagues claimed. */
  unit: TaskRecord[];
  /** Of the above, those past their deadline. */
  overdue: TaskRecord[];
  instances: Map<string, InstanceRecord>;
}

function byCreated(a: TaskRecord, b: TaskRecord): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1;
}

/** Reads the inbox of an actor at a moment `now` (ISO date-time). */
export async function loadInbox(services: AppServices, actor: Actor, now: string): Promise<InboxData> {
  const { engine, store } = services;
  const mine = await engine.tasks.forActor(actor);
  const unitLists = await Promise.all(actor.roles.map((role) => engine.tasks.forUnitRole(actor.unit, role)));
  const unit = [...new Map(unitLists.flat().map((t) => [t.id, t])).values()].sort(byCreated);
  const all = new Map([...mine, ...unit].map((t) => [t.id, t]));
  const nowMs = Date.parse(now);
  const overdue = [...all.values()]
    .filter((t) => t.due !== undefined && Date.parse(t.due) < nowMs)
    .sort(byCreated);
  const ids = [...new Set([...all.values()].map((t) => t.instanceId))];
  const records = await Promise.all(ids.map((id) => store.loadInstance(id)));
  const instances = new Map<string, InstanceRecord>();
  for (const r of records) if (r) instances.set(r.id, r);
  return { mine, unit, overdue, instances };
}
