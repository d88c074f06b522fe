/**
 * Our engine as the product wires it (workflows/test/runScenario.ts does the same): the shipped
 * first-secretary selection definition, its forms through @wf/forms' validator, the demo org
 * catalog, the holiday calendar, SHA-256 audit hashing (the engine's default), a MemoryStore.
 * The path is the fs-happy-path scenario's, so every action carries the form data a clerk enters
 * and passes every eligibility rule, role check and separation-of-duties check for real.
 */
import { readFileSync } from "node:fs";
import { type Actor, createEngine, type Engine, type Instance, MemoryStore } from "@wf/engine";
import { createFormValidator } from "@wf/forms";
import {
  calendars,
  catalogDirectory,
  definitions,
  forms,
  orgPeople,
  orgUnits,
  roleCatalog,
} from "@wf/workflows";

interface ScenarioAct {
  type: "start" | "act" | "tick" | "expect";
  actor?: string;
  unit?: string;
  step?: string;
  outcome?: string;
  form?: unknown;
  opinion?: string;
  data?: Record<string, unknown>;
  at?: string;
}
const scenario = JSON.parse(
  readFileSync(new URL("../../workflows/scenarios/fs-happy-path.json", import.meta.url), "utf8"),
) as { clock: string; actions: ScenarioAct[] };

const directory = catalogDirectory(orgUnits, orgPeople);
/** The form validator's `exists` lookup, made once as a host would (not a new function per validation). */
const exists = (kind: "unit" | "person", id: string): boolean =>
  kind === "unit" ? !!directory.unit(id) : !!directory.person(id);

function actorOf(personId: string, unit?: string): Actor {
  const person = directory.person(personId);
  if (!person) throw new Error(`no person ${personId}`);
  const at = unit ?? person.memberships[0]!.unit;
  return {
    id: personId,
    unit: at,
    roles: person.memberships.filter((m) => m.unit === at).map((m) => m.role),
  };
}

/** The happy path as phases: the start, each user decision, the notice timer (a tick), dispatch. */
export type Phase =
  | { kind: "start"; actor: Actor; data: Record<string, unknown> }
  | { kind: "act"; actor: Actor; step: string; outcome: string; form?: unknown; opinion?: string }
  | { kind: "tick"; at: string };

export const PHASES: Phase[] = scenario.actions
  .filter((a) => a.type !== "expect")
  // Only the last tick fires the notice timer; the earlier one checks that it has not fired yet.
  .filter((a, i, all) => a.type !== "tick" || all.slice(i + 1).every((b) => b.type !== "tick"))
  .map((a): Phase => {
    if (a.type === "tick") return { kind: "tick", at: a.at! };
    const actor = actorOf(a.actor!, a.unit);
    if (a.type === "start") return { kind: "start", actor, data: a.data ?? {} };
    const act: Phase = { kind: "act", actor, step: a.step!, outcome: a.outcome! };
    if (a.form !== undefined) act.form = a.form;
    if (a.opinion !== undefined) act.opinion = a.opinion;
    return act;
  });

export interface World {
  engine: Engine;
  store: MemoryStore;
  setNow(at: string): void;
}

/** `hash` left out means the engine's default synchronous SHA-256 (`sha256HexBest`), which is what the app uses. */
export function makeWorld(hash?: (text: string) => Promise<string>, store = new MemoryStore()): World {
  let now = scenario.clock;
  let seq = 0;
  const engine = createEngine({
    definitions: [...definitions],
    store,
    directory,
    forms: createFormValidator(forms, {
      context: () => ({ env: { now }, exists }),
    }),
    clock: () => now,
    ids: () => `case-${++seq}`,
    calendars,
    ...(hash ? { hash } : {}),
    validation: { forms: forms.map((f) => (f as { id: string }).id), roles: roleCatalog.map((r) => r.id) },
  });
  return { engine, store, setNow: (at) => (now = at) };
}

/**
 * Drive `n` cases through the phases in lock step: every case does phase k before any does k+1,
 * as a county office works through its inbox, and one `tick` ends all notice periods together,
 * as the app's periodic tick would. `upTo` stops after that many phases (for idle cases).
 */
export async function drive(
  w: World,
  n: number,
  upTo = PHASES.length,
  tag = "c",
  /** Run after each phase (e.g. a slice of a baseline, so both are measured in the same minutes). */
  between?: () => void,
): Promise<Instance[]> {
  const cases: Instance[] = new Array(n);
  let action = 0;
  let first = true;
  for (const phase of PHASES.slice(0, upTo)) {
    if (!first) between?.();
    first = false;
    if (phase.kind === "tick") {
      w.setNow(phase.at);
      await w.engine.tick(phase.at);
      for (let i = 0; i < n; i++) cases[i] = await w.engine.get(cases[i]!.id);
      continue;
    }
    for (let i = 0; i < n; i++) {
      const actionId = `${tag}-${i}-${action}`;
      if (phase.kind === "start") {
        cases[i] = await w.engine.start({
          definitionId: "first-secretary-selection",
          actor: phase.actor,
          data: phase.data,
          actionId,
        });
        continue;
      }
      const inst = cases[i]!;
      const task = inst.tasks.find((t) => t.step === phase.step && t.status === "open");
      if (!task) throw new Error(`case ${i}: no open task at ${phase.step}; at ${inst.steps.join(",")}`);
      const req = {
        taskId: task.id,
        actor: phase.actor,
        outcome: phase.outcome,
        actionId,
        expectedVersion: inst.version,
      };
      cases[i] = await w.engine.act({
        ...req,
        ...(phase.form !== undefined ? { formData: phase.form } : {}),
        ...(phase.opinion !== undefined ? { opinion: phase.opinion } : {}),
      });
    }
    action++;
  }
  return cases;
}
