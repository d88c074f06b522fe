import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { StateMachine } from "xstate";
import fsHappyPath from "../../../workflows/scenarios/fs-happy-path.json" with { type: "json" };
import fsNoticeOverHoliday from "../../../workflows/scenarios/fs-notice-over-holiday.json" with {
  type: "json",
};
import fsReviewEscalated from "../../../workflows/scenarios/fs-review-escalated.json" with { type: "json" };
import rcAbsence from "../../../workflows/scenarios/rc-absence.json" with { type: "json" };
import rcIncompetent from "../../../workflows/scenarios/rc-incompetent.json" with { type: "json" };
import vtSecretaryQualified from "../../../workflows/scenarios/vt-secretary-qualified.json" with {
  type: "json",
};
import vtVetoPolice from "../../../workflows/scenarios/vt-veto-police.json" with { type: "json" };
import {
  calendars,
  catalogDirectory,
  definitions,
  orgPeople,
  orgUnits,
} from "../../../workflows/src/index.ts";
import { directTransition } from "../src/compile/directStep";
import {
  compileDefinition,
  createEngine,
  type Instance,
  MemoryStore,
  validateDefinition,
} from "../src/index";
import { type Actor, walk, walkStats } from "./directTransitionWalk";

// The shipped procedures, compiled as the engine compiles them, with the scenarios' start data
// and form values as the pool random actions draw from.
const directory = catalogDirectory(orgUnits, orgPeople);
const scenarios = [
  fsHappyPath,
  fsNoticeOverHoliday,
  fsReviewEscalated,
  rcAbsence,
  rcIncompetent,
  vtSecretaryQualified,
  vtVetoPolice,
] as unknown as Scenario[];
interface Scenario {
  definition: string;
  clock: string;
  actions: {
    type: string;
    actor?: string;
    unit?: string;
    step?: string;
    outcome?: string;
    form?: unknown;
    opinion?: string;
    data?: Record<string, unknown>;
    at?: string;
  }[];
}

/** A person of the catalog acting in a unit of theirs (the first by default), with its roles. */
function actorOf(id: string, unit?: string): Actor {
  const memberships = directory.person(id)?.memberships ?? [];
  const at = unit ?? memberships[0]?.unit ?? "";
  return { id, unit: at, roles: memberships.filter((m) => m.unit === at).map((m) => m.role) };
}

const shipped = definitions.map((json) => {
  const r = validateDefinition(json);
  if (!r.ok) throw new Error(`shipped definition does not validate: ${JSON.stringify(r.issues)}`);
  const def = r.definition;
  const calendar = def.calendar === undefined ? undefined : calendars[def.calendar];
  const compiled = compileDefinition(def, { directory, ...(calendar ? { calendar } : {}) });
  const mine = scenarios.filter((s) => s.definition === def.id);
  return {
    compiled,
    clock: mine[0]?.clock ?? "2026-03-02T09:00:00+08:00",
    starts: mine.flatMap((s) => s.actions.filter((a) => a.type === "start").map((a) => a.data ?? {})),
    acts: mine.flatMap((s) =>
      s.actions
        .filter((a) => a.type === "act")
        .map((a) => ({ step: a.step!, outcome: a.outcome!, form: a.form, actor: actorOf(a.actor!, a.unit) })),
    ),
  };
});

describe("direct transitions on the shipped definitions", () => {
  for (const s of shipped) {
    it(`${s.compiled.definition.id}: the same snapshots as XState for random actions, or XState does them`, () => {
      const stats = walkStats();
      fc.assert(
        fc.property(
          fc.nat(),
          fc.array(fc.tuple(fc.nat(99), fc.nat(), fc.nat(), fc.nat(3000)), { minLength: 5, maxLength: 60 }),
          (start, choices) => {
            walk(s, start, choices, stats);
          },
        ),
        { numRuns: 300 },
      );
      // The walks must go deep and mostly direct, not end early or only fall back (the bound is
      // below what 300 random walks reach on every shipped definition, so it does not flake).
      expect(stats.reached.size).toBeGreaterThanOrEqual(7);
      expect(stats.direct / stats.events).toBeGreaterThan(0.5);
    });
  }
});

describe("the shipped selection's happy path", () => {
  afterEach(() => vi.restoreAllMocks());

  it("never falls back to XState's transition, so the direct step's speed cannot silently go", async () => {
    const transition = vi.spyOn(StateMachine.prototype, "transition");
    const initial = vi.spyOn(StateMachine.prototype, "getInitialSnapshot");
    const s = shipped.find((x) => x.compiled.definition.id === "first-secretary-selection")!;
    const c = s.compiled;
    // A plain user-task move, stepped directly.
    const started = c.machine.getInitialSnapshot(c.scope as never, {
      instanceId: "i1",
      definitionId: c.definition.id,
      data: {},
      starter: { id: "cadre-ideal", unit: actorOf("cadre-ideal").unit },
      at: s.clock,
    });
    const task = Object.values(started.context.tasks)[0]!;
    const apply = s.acts.find((a) => a.step === "apply")!;
    const moved = directTransition(c.direct, started.value, started.context, {
      type: "wf.act",
      taskId: task.id,
      outcome: apply.outcome,
      actor: apply.actor,
      form: apply.form,
      at: s.clock,
    });
    expect(moved?.value).toBe("recommend");
    initial.mockClear();

    // The whole happy path through the engine, as the throughput benchmark drives it.
    let clock = s.clock;
    let n = 0;
    const engine = createEngine({
      definitions: [...definitions],
      store: new MemoryStore(),
      directory,
      calendars: Object.values(calendars),
      clock: () => clock,
      ids: () => `c${++n}`,
    });
    const happy = fsHappyPath as unknown as Scenario;
    let inst: Instance | undefined;
    for (const [i, a] of happy.actions.entries()) {
      if (a.type === "start") {
        inst = await engine.start({
          definitionId: happy.definition,
          actor: actorOf(a.actor!, a.unit),
          data: a.data ?? {},
          actionId: `a${i}`,
        });
      } else if (a.type === "tick" && inst) {
        clock = a.at!;
        await engine.tick();
        inst = await engine.get(inst.id);
      } else if (a.type === "act" && inst) {
        const t = inst.tasks.find((x) => x.step === a.step && x.status === "open")!;
        inst = await engine.act({
          taskId: t.id,
          actor: actorOf(a.actor!, a.unit),
          outcome: a.outcome!,
          ...(a.form !== undefined ? { formData: a.form } : {}),
          ...(a.opinion !== undefined ? { opinion: a.opinion } : {}),
          actionId: `a${i}`,
          expectedVersion: inst.version,
        });
      }
    }
    expect(inst?.outcome).toBe("dispatched");
    expect(transition).not.toHaveBeenCalled();
    // Compiling creates an actor, whose eager initial snapshot has no input: not a case start.
    expect(initial.mock.calls.filter(([, input]) => input !== undefined)).toEqual([]);
  });
});
