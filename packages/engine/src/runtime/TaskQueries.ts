import type { Actor, Store, TaskRecord } from "../store/Store";

/** Task queries for screens: my tasks, a role's tasks at a unit, overdue tasks. */
export class TaskQueries {
  constructor(
    private readonly store: Store,
    private readonly utc: (time: string) => string,
  ) {}

  /**
   * Open tasks an actor may work on: named for them, claimed by or delegated to them, or offered
   * to a role they hold at their unit (including escalations) and not claimed by someone else.
   */
  async forActor(actor: Actor): Promise<TaskRecord[]> {
    const found = new Map<string, TaskRecord>();
    for (const t of await this.store.queryTasks({ person: actor.id, status: "open" })) {
      const a = t.assignee;
      const mine =
        t.delegatedTo === actor.id ||
        (t.delegatedTo === undefined && ("person" in a ? a.person === actor.id : t.claimedBy === actor.id));
      if (mine) found.set(t.id, t);
    }
    for (const role of actor.roles) {
      for (const t of await this.store.queryTasks({ unit: actor.unit, role, status: "open" })) {
        const free = t.delegatedTo === undefined && (t.claimedBy === undefined || t.claimedBy === actor.id);
        const escalated = t.escalatedTo?.role === role && t.escalatedTo.unit === actor.unit;
        if (free || escalated) found.set(t.id, t);
      }
    }
    return [...found.values()].sort((a, b) =>
      a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0,
    );
  }

  /** Open tasks offered to a role at a unit (the unit's shared queue). */
  async forUnitRole(unit: string, role: string): Promise<TaskRecord[]> {
    return this.store.queryTasks({ unit, role, status: "open" });
  }

  /** Open tasks whose deadline is before `now`. */
  async overdue(now: string): Promise<TaskRecord[]> {
    return this.store.queryTasks({ status: "open", dueBefore: this.utc(now) });
  }
}
