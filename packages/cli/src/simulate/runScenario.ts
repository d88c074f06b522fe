import type { Engine, Instance, TaskRecord } from "@wf/engine";
import type { WorkflowBundle } from "./bundle";
import type { Scenario, ScenarioAction } from "./scenario";
import { actorOf, makeWorld, type World } from "./world";

/** A scenario expectation that was not met; names the script, the action index and what was found. */
export class ScenarioFailure extends Error {
  override name = "ScenarioFailure";
  constructor(
    readonly scenario: string,
    readonly index: number,
    detail: string,
    action: ScenarioAction | undefined,
  ) {
    super(`${scenario} action #${index} (${JSON.stringify(action).slice(0, 160)}): ${detail}`);
  }
}

/** What a run leaves behind. */
export interface ScenarioRun {
  world: World;
  /** The case the script started. */
  main: Instance;
  /** The main case and every case it started, transitively, oldest first. */
  family: Instance[];
  /** Notices (non-blocking rule results) of each accepted act, by action index. */
  notices: Map<number, Instance["notices"]>;
}

async function familyOf(engine: Engine, rootId: string): Promise<Instance[]> {
  const out: Instance[] = [];
  const queue = [rootId];
  while (queue.length > 0) {
    const inst = await engine.get(queue.shift()!);
    out.push(inst);
    queue.push(...inst.children.map((c) => c.instanceId));
  }
  return out;
}

function mayTake(task: TaskRecord, actorId: string, unit: string, roles: string[]): boolean {
  const a = task.assignee;
  return "person" in a ? a.person === actorId : a.unit === unit && roles.includes(a.role);
}

/** Deep subset match: every key of `want` equals (recursively) the same key of `got`; arrays item by item. */
export function matches(got: unknown, want: unknown): boolean {
  if (Array.isArray(want))
    return Array.isArray(got) && want.length === got.length && want.every((w, i) => matches(got[i], w));
  if (want !== null && typeof want === "object") {
    if (got === null || typeof got !== "object") return false;
    return Object.entries(want).every(([k, v]) => matches((got as Record<string, unknown>)[k], v));
  }
  return got === want;
}

/**
 * Runs a scenario script against a fresh in-memory engine over `bundle`. Every action goes
 * through the public engine API; `expect` actions and `expectError` check the result. Throws a
 * {@link ScenarioFailure} on the first unmet expectation.
 */
export async function runScenario(s: Scenario, bundle: WorkflowBundle): Promise<ScenarioRun> {
  const world = makeWorld(bundle, s.clock);
  const { engine, directory } = world;
  let mainId: string | undefined;
  const notices = new Map<number, Instance["notices"]>();
  const fail = (i: number, msg: string): never => {
    throw new ScenarioFailure(s.id, i, msg, s.actions[i]);
  };
  const withCase = (v: unknown): unknown =>
    JSON.parse(JSON.stringify(v).replaceAll('"$case"', JSON.stringify(mainId ?? null)));
  const caseOf = async (i: number, definition: string | undefined): Promise<Instance> => {
    if (mainId === undefined) return fail(i, "no case started yet");
    const want = definition ?? s.definition;
    // The latest case of that definition: a reselection is younger than its recall.
    return (
      (await familyOf(engine, mainId)).filter((x) => x.definitionId === want).at(-1) ??
      fail(i, `no case of ${want}`)
    );
  };

  for (const [i, action] of s.actions.entries()) {
    const actionId = `${s.id}:${i}`;
    if (action.type === "tick") {
      world.setNow(action.at);
      await engine.tick(action.at);
      continue;
    }
    if (action.type === "expect") {
      const inst = await caseOf(i, action.definition);
      if (action.step !== undefined) {
        const want = [action.step].flat().sort();
        const got = [...inst.steps].sort();
        if (JSON.stringify(want) !== JSON.stringify(got))
          fail(i, `steps are ${JSON.stringify(got)} (status ${inst.status}, outcome ${inst.outcome ?? "-"})`);
      }
      if (action.status !== undefined && inst.status !== action.status) fail(i, `status is ${inst.status}`);
      if (action.outcome !== undefined && (inst.status !== "completed" || inst.outcome !== action.outcome))
        fail(i, `status ${inst.status}, outcome ${inst.outcome ?? "-"}, steps ${inst.steps.join(",")}`);
      if (action.data !== undefined && !matches(inst.data, withCase(action.data)))
        fail(i, `data ${JSON.stringify(inst.data).slice(0, 1500)}`);
      for (const c of action.children ?? []) {
        const kids = await Promise.all(inst.children.map((k) => engine.get(k.instanceId)));
        const subset = withCase(c.data ?? {});
        if (!kids.some((k) => k.definitionId === c.definition && matches(k.data, subset)))
          fail(i, `no child ${c.definition} with ${JSON.stringify(subset)}`);
        for (const k of kids)
          if (k.parent?.instanceId !== inst.id) fail(i, `child ${k.id} does not link back`);
      }
      continue;
    }
    const actor = actorOf(directory, action.actor, action.unit);
    try {
      if (action.type === "start") {
        const inst = await engine.start({
          definitionId: s.definition,
          actor,
          data: action.data ?? {},
          actionId,
        });
        mainId ??= inst.id;
      } else {
        const inst = await caseOf(i, action.definition);
        const open = inst.tasks.filter(
          (t) =>
            t.step === action.step &&
            t.status === "open" &&
            (action.item === undefined || JSON.stringify(t.item) === JSON.stringify(action.item)),
        );
        if (open.length === 0) fail(i, `no open task at step ${action.step}; steps ${inst.steps.join(",")}`);
        const task = open.find((t) => mayTake(t, actor.id, actor.unit, actor.roles)) ?? open[0]!;
        const done = await engine.act({
          taskId: task.id,
          actor,
          outcome: action.outcome,
          ...(action.form !== undefined ? { formData: action.form } : {}),
          ...(action.opinion !== undefined ? { opinion: action.opinion } : {}),
          actionId,
          expectedVersion: inst.version,
        });
        notices.set(i, done.notices);
      }
      if (action.expectError) fail(i, `expected ${action.expectError.name}, but the action was accepted`);
    } catch (e) {
      if (e instanceof ScenarioFailure || !action.expectError) throw e;
      const err = e as Error & { issues?: { rule?: string }[] };
      if (err.name !== action.expectError.name)
        fail(i, `expected ${action.expectError.name}, got ${err.name}: ${err.message}`);
      const rule = action.expectError.rule;
      if (rule !== undefined && !err.issues?.some((x) => x.rule === rule))
        fail(i, `expected rule "${rule}" among ${JSON.stringify(err.issues)}`);
    }
  }
  if (mainId === undefined)
    throw new ScenarioFailure(s.id, s.actions.length, "no case was started", undefined);
  const family = await familyOf(engine, mainId);
  return { world, main: family[0]!, family, notices };
}
