import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  type Actor,
  createEngine,
  type Engine,
  type Instance,
  MemoryStore,
  type TaskRecord,
} from "@wf/engine";
import { createFormValidator } from "@wf/forms";
import {
  calendars,
  catalogDirectory,
  definitions,
  forms,
  orgPeople,
  orgUnits,
  roleCatalog,
} from "../src/index.ts";

/** One step of a scenario script (see workflows/README.md). */
export type ScenarioAction =
  | {
      type: "start";
      actor: string;
      unit?: string;
      data?: Record<string, unknown>;
      expectError?: ExpectedError;
    }
  | {
      type: "act";
      actor: string;
      unit?: string;
      step: string;
      outcome: string;
      form?: unknown;
      opinion?: string;
      definition?: string;
      expectError?: ExpectedError;
    }
  | { type: "tick"; at: string }
  | {
      type: "expect";
      definition?: string;
      step?: string | string[];
      outcome?: string;
      data?: Record<string, unknown>;
      children?: { definition: string; data?: Record<string, unknown> }[];
    };

/** The refusal an action must meet: the error class name and, for rule failures, the rule. */
export interface ExpectedError {
  name: string;
  rule?: string;
}

/** A scenario script as stored under workflows/scenarios/. */
export interface Scenario {
  id: string;
  title: { zh: string; en: string };
  definition: string;
  clock: string;
  actions: ScenarioAction[];
}

const scenarioDir = fileURLToPath(new URL("../scenarios/", import.meta.url));

/** Every scenario script, by file name order. */
export function loadScenarios(): Scenario[] {
  return readdirSync(scenarioDir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(scenarioDir + f, "utf8")) as Scenario);
}

export const directory = catalogDirectory(orgUnits, orgPeople);

/** The actor a person logs in as: one unit (the first, or `unit`) and the roles held there. */
export function actorOf(personId: string, unit?: string): Actor {
  const person = directory.person(personId);
  if (!person) throw new Error(`no person "${personId}" in workflows/org/people.json`);
  const at = unit ?? person.memberships[0]?.unit;
  if (at === undefined) throw new Error(`${personId} has no membership`);
  const roles = person.memberships.filter((m) => m.unit === at).map((m) => m.role);
  if (roles.length === 0) throw new Error(`${personId} holds no role at ${at}`);
  return { id: personId, unit: at, roles };
}

/** An engine over the shipped catalog with a movable clock. */
export interface World {
  engine: Engine;
  now(): string;
  setNow(at: string): void;
}

/** A fresh engine with the given definitions (the shipped ones by default) and a clock at `clock`. */
export function makeWorld(clock: string, defs: readonly unknown[] = definitions): World {
  let now = clock;
  let seq = 0;
  const engine = createEngine({
    definitions: [...defs],
    store: new MemoryStore(),
    directory,
    forms: createFormValidator(forms, {
      context: () => ({
        env: { now },
        exists: (kind, id) => (kind === "unit" ? !!directory.unit(id) : !!directory.person(id)),
      }),
    }),
    clock: () => now,
    ids: () => `case-${++seq}`,
    calendars,
    validation: {
      forms: forms.map((f) => (f as { id: string }).id),
      roles: roleCatalog.map((r) => r.id),
    },
  });
  return { engine, now: () => now, setNow: (at) => (now = at) };
}

/** What a run leaves behind, for further checks. */
export interface RunResult {
  world: World;
  main: Instance;
  /** Notices (info/warn rule results) of each successful act, by action index. */
  notices: Map<number, Instance["notices"]>;
}

/** The main case and every case it started, transitively. */
async function family(engine: Engine, rootId: string): Promise<Instance[]> {
  const out: Instance[] = [];
  const queue = [rootId];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    const inst = await engine.get(id);
    out.push(inst);
    queue.push(...inst.children.map((c) => c.instanceId));
  }
  return out;
}

function mayTake(task: TaskRecord, actor: Actor): boolean {
  const a = task.assignee;
  return "person" in a ? a.person === actor.id : a.unit === actor.unit && actor.roles.includes(a.role);
}

/** Run a script; throws (with the action's index) on the first unmet expectation. */
export async function runScenario(s: Scenario, defs?: readonly unknown[]): Promise<RunResult> {
  const world = makeWorld(s.clock, defs);
  const { engine } = world;
  let mainId: string | undefined;
  const notices = new Map<number, Instance["notices"]>();
  const fail = (i: number, msg: string): never => {
    throw new Error(`${s.id} action #${i} (${JSON.stringify(s.actions[i]).slice(0, 160)}): ${msg}`);
  };
  const caseOf = async (i: number, definition: string | undefined): Promise<Instance> => {
    if (mainId === undefined) return fail(i, "no case started yet");
    const all = await family(engine, mainId);
    const want = definition ?? s.definition;
    const found = all.filter((x) => x.definitionId === want);
    // The latest case of that definition: a reselection is younger than its recall.
    return found.at(-1) ?? fail(i, `no case of ${want}`);
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
      if (action.outcome !== undefined && (inst.status !== "completed" || inst.outcome !== action.outcome))
        fail(i, `status ${inst.status}, outcome ${inst.outcome ?? "-"}, steps ${inst.steps.join(",")}`);
      if (action.data !== undefined) {
        const subset = JSON.parse(JSON.stringify(action.data).replaceAll('"$case"', JSON.stringify(mainId)));
        if (!matches(inst.data, subset)) fail(i, `data ${JSON.stringify(inst.data).slice(0, 1500)}`);
      }
      for (const c of action.children ?? []) {
        const kids = await Promise.all(inst.children.map((k) => engine.get(k.instanceId)));
        const subset = JSON.parse(JSON.stringify(c.data ?? {}).replaceAll('"$case"', JSON.stringify(mainId)));
        const ok = kids.some((k) => k.definitionId === c.definition && matches(k.data, subset));
        if (!ok) fail(i, `no child ${c.definition} with ${JSON.stringify(subset)}`);
        for (const k of kids)
          if (k.parent?.instanceId !== inst.id) fail(i, `child ${k.id} does not link back`);
      }
      continue;
    }
    const actor = actorOf(action.actor, action.unit);
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
        const open = inst.tasks.filter((t) => t.step === action.step && t.status === "open");
        if (open.length === 0) fail(i, `no open task at step ${action.step}; steps ${inst.steps.join(",")}`);
        const task = open.find((t) => mayTake(t, actor)) ?? (open[0] as TaskRecord);
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
      const err = e as Error & { issues?: { rule?: string }[] };
      if (!action.expectError) throw e;
      if (err.name !== action.expectError.name)
        fail(i, `expected ${action.expectError.name}, got ${err.name}: ${err.message}`);
      const rule = action.expectError.rule;
      if (rule !== undefined && !err.issues?.some((x) => x.rule === rule))
        fail(i, `expected rule "${rule}" among ${JSON.stringify(err.issues)}`);
    }
  }
  if (mainId === undefined) throw new Error(`${s.id}: no case was started`);
  return { world, main: await engine.get(mainId), notices };
}

/** Deep subset match: every key of `want` equals (recursively) the same key of `got`; arrays match item by item. */
export function matches(got: unknown, want: unknown): boolean {
  if (Array.isArray(want)) {
    return Array.isArray(got) && want.length === got.length && want.every((w, i) => matches(got[i], w));
  }
  if (want !== null && typeof want === "object") {
    if (got === null || typeof got !== "object") return false;
    return Object.entries(want).every(([k, v]) => matches((got as Record<string, unknown>)[k], v));
  }
  return got === want;
}
