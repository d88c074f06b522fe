import { EngineError } from "../errors";
import type { Store } from "../store/Store";
import type { CaseRunner } from "./CaseRunner";
import type { WfEvent } from "./context";
import type { FiredTimer } from "./engineTypes";

/**
 * Fire every timer due at `limit` (UTC), oldest first per case. Each firing is its own action
 * with the id `timer:<timerId>`, so a repeated tick fires nothing twice. A timer that cannot be
 * applied is reported with its error and stays pending; the other cases still get their timers.
 */
export async function fireTimers(
  runner: CaseRunner,
  store: Store,
  now: string,
  limit: string,
): Promise<FiredTimer[]> {
  const fired: FiredTimer[] = [];
  const due = await store.queryInstances({ status: "running", dueBefore: limit });
  for (const inst of due) {
    const tried = new Set<string>();
    for (;;) {
      const rec = store.loadInstanceNow ? store.loadInstanceNow(inst.id) : await store.loadInstance(inst.id);
      if (rec?.status !== "running") break;
      const ctx = runner.core.contextOf(rec);
      const timer = Object.values(ctx.timers)
        .filter((t) => t.due <= limit && !tried.has(t.id))
        .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.id < b.id ? -1 : 1))[0];
      if (!timer) break;
      tried.add(timer.id);
      const loaded =
        runner.registry.loaded(rec.definitionId, rec.definitionVersion) ??
        (await runner.registry.load(rec.definitionId, rec.definitionVersion));
      const event: WfEvent = { type: "wf.timer", timerId: timer.id, at: now };
      const meta = {
        actionId: `timer:${timer.id}`,
        type: "timer",
        actor: "system",
        unit: "",
        step: timer.step,
      };
      const entry: FiredTimer = {
        instanceId: rec.id,
        timerId: timer.id,
        kind: timer.kind,
        step: timer.step,
      };
      try {
        await runner.applyAndFollow(loaded, rec, event, meta, undefined);
      } catch (error) {
        // One broken case must not stop the timers of all the others; report it and go on.
        if (!(error instanceof EngineError)) throw error;
        entry.error = error.message;
      }
      fired.push(entry);
    }
  }
  return fired;
}
