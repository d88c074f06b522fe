import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { directTransition } from "../src/compile/directStep";
import { initialSnapshot, nextSnapshot } from "../src/compile/runMachine";
import { compileDefinition, type Definition, type Step, validateDefinition } from "../src/index";
import { walk, walkStats } from "./directTransitionWalk";
import { actor, calendar, makeDirectory } from "./fixtures";

const t = (s: string) => ({ zh: s, en: s });

/** One generated step: its kind and the picks that shape it. */
const stepShape = fc.record({
  kind: fc.constantFrom("userTask", "userTask", "userTask", "auto", "timer", "multiTask", "subProcess"),
  targets: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
  selfLoop: fc.boolean(),
  set: fc.boolean(),
  deadline: fc.constantFrom("none", "remind", "escalate", "both"),
  timeout: fc.boolean(),
  conds: fc.array(fc.constantFrom("data.n >= 2", "data.n < 1", "data.flag", "not data.flag"), {
    maxLength: 2,
  }),
  complete: fc.constantFrom("all", "any", "atLeast"),
});
type StepShape = typeof stepShape extends fc.Arbitrary<infer T> ? T : never;

/**
 * A valid definition from shapes: a chain s0 → s1 → … → end, so every step is reachable and
 * can finish, with extra outcomes and `choose` branches to random steps (automatic steps only
 * forward or to a waiting step, so they cannot loop among themselves), self-loops through
 * outcomes without `to`, `set`, deadlines, timeouts, timers, multi-instance steps (veto,
 * n-of-m, collect), sub-processes (waited for or not) and a second end.
 */
function definitionOf(shapes: StepShape[]): Definition {
  const n = shapes.length;
  const id = (i: number) => (i >= n ? (i % 2 === 0 ? "done" : "dropped") : `s${i}`);
  const steps: Record<string, Step> = {};
  const used = new Set<string>();
  const to = (i: number) => {
    used.add(id(i));
    return id(i);
  };
  shapes.forEach((sh, i) => {
    const extra = sh.targets.map((x) => x % (n + 2));
    if (sh.kind === "auto") {
      const forward = extra.filter((x) => x > i || (x < n && shapes[x]!.kind !== "auto"));
      steps[id(i)] = {
        kind: "auto",
        ...(sh.set ? { set: { "data.n": "data.n + 1", "data.flag": "data.n >= 1" } } : {}),
        choose: sh.conds.map((when, k) => ({ when, to: to(forward[k] ?? i + 1) })),
        otherwise: to(i + 1),
      };
    } else if (sh.kind === "multiTask") {
      // Not to itself: a step whose eventless veto leads back into it loops forever in XState.
      const away = extra.map((x) => (x === i ? i + 1 : x));
      const atLeast = sh.complete === "atLeast";
      steps[id(i)] = {
        kind: "multiTask",
        over: "data.departments",
        assignee: { role: "reviewer", at: { from: "item" } },
        outcomes: {
          approve: { label: t("Approve") },
          abstain: { label: t("Abstain") },
          ...(sh.selfLoop || atLeast ? { veto: { label: t("Veto") } } : {}),
        },
        complete: atLeast ? { atLeast: 2 } : sh.complete === "all" ? "all" : "any",
        // n-of-m needs a veto (where the case goes when too few approve).
        ...(sh.selfLoop || atLeast ? { veto: { outcome: "veto", to: to(away[0]!) } } : {}),
        ...(atLeast ? { approve: ["approve"], otherwise: to(away[1] ?? i + 1) } : {}),
        ...(sh.set ? { collect: "data.results" } : {}),
        addSigners: { roles: ["org-dept"] },
        to: to(i + 1),
      };
    } else if (sh.kind === "subProcess") {
      steps[id(i)] = {
        kind: "subProcess",
        definition: "child",
        input: { n: "data.n" },
        wait: sh.selfLoop,
        ...(sh.set ? { outcomeInto: "data.childOutcome" } : {}),
        to: to(i + 1),
      };
    } else if (sh.kind === "timer") {
      steps[id(i)] = { kind: "timer", after: { workingDays: 1 + (extra[0]! % 3) }, to: to(i + 1) };
    } else {
      const outcomes: Record<
        string,
        { label: ReturnType<typeof t>; to?: string; set?: Record<string, string> }
      > = {
        next: { label: t("Next"), to: to(i + 1), ...(sh.set ? { set: { "data.n": "data.n + 1" } } : {}) },
      };
      extra.forEach((x, k) => {
        outcomes[`go${k}`] = { label: t(`Go ${k}`), to: to(x) };
      });
      if (sh.selfLoop) outcomes.again = { label: t("Again"), set: { "data.flag": "not data.flag" } };
      const deadline =
        sh.deadline === "none"
          ? undefined
          : {
              after: { workingDays: 3 },
              ...(sh.deadline !== "escalate" ? { remind: { before: { workingDays: 1 } } } : {}),
              ...(sh.deadline !== "remind" ? { escalate: { role: "org-dept", at: { unit: "c1-od" } } } : {}),
            };
      steps[id(i)] = {
        kind: "userTask",
        assignee: i % 2 ? { role: "unit-hr", at: { from: "starter.unit" } } : { person: "starter.id" },
        outcomes,
        ...(deadline ? { deadline } : {}),
        ...(sh.timeout ? { timeout: { after: { days: 2 }, outcome: sh.selfLoop ? "again" : "next" } } : {}),
      };
    }
  });
  for (const end of ["done", "dropped"]) if (used.has(end)) steps[end] = { kind: "end", outcome: end };
  return {
    id: "generated",
    version: 1,
    title: t("Generated"),
    roles: ["unit-hr", "org-dept", "reviewer"],
    calendar: calendar.id,
    start: { roles: ["unit-hr"] },
    data: {
      n: { type: "number", default: 0 },
      flag: { type: "boolean", default: false },
      departments: { type: "list", of: { type: "orgUnit" }, default: ["k1-disc", "k1-police", "k1-court"] },
      results: { type: "list" },
      childOutcome: { type: "string" },
    },
    initial: "s0",
    steps,
  } as Definition;
}

const compiled = (shapes: StepShape[]) => {
  const r = validateDefinition(definitionOf(shapes));
  if (!r.ok) throw new Error(`generated definition does not validate: ${JSON.stringify(r.issues)}`);
  return compileDefinition(r.definition, { directory: makeDirectory(), calendar });
};

const hr = actor("hr");
const setupOf = (shapes: StepShape[]) => ({
  compiled: compiled(shapes),
  clock: "2026-03-02T09:00:00+08:00",
  starts: [{}, { n: 3 }, { flag: true }],
  acts: [{ step: "", outcome: "", actor: hr }],
});

describe("direct transitions on generated definitions", () => {
  it("give XState's snapshots (value, status, output, context and its key order) or leave the step to it", () => {
    const stats = walkStats();
    fc.assert(
      fc.property(
        fc.array(stepShape, { minLength: 1, maxLength: 7 }),
        fc.nat(),
        fc.array(fc.tuple(fc.nat(99), fc.nat(), fc.nat(), fc.nat(5000)), { minLength: 5, maxLength: 40 }),
        (shapes, start, choices) => walk(setupOf(shapes), start, choices, stats),
      ),
      { numRuns: 300 },
    );
    expect(stats.direct / stats.events).toBeGreaterThan(0.8);
  });

  it("steps a plain user-task move directly, from its initial step to an end", () => {
    const shapes: StepShape[] = [
      {
        kind: "userTask",
        targets: [0],
        selfLoop: true,
        set: true,
        deadline: "both",
        timeout: false,
        conds: [],
        complete: "all",
      },
      {
        kind: "auto",
        targets: [0],
        selfLoop: false,
        set: true,
        deadline: "none",
        timeout: false,
        conds: ["data.flag"],
        complete: "all",
      },
    ];
    const c = compiled(shapes);
    const at = "2026-03-02T09:00:00+08:00";
    const first = initialSnapshot(c, {
      instanceId: "i1",
      definitionId: "generated",
      data: {},
      starter: { id: "hr", unit: "u1" },
      at,
    });
    const taskId = Object.keys(first.context.tasks)[0]!;
    const act = (outcome: string) => ({ type: "wf.act" as const, taskId, outcome, actor: hr, at });
    // Self-loop: the task is closed and opened again, through the direct step.
    const again = directTransition(c.direct, first.value, first.context, act("again"));
    expect(again?.value).toBe("s0");
    expect(again?.context.seq).toBe(first.context.seq + 1);
    expect(again?.context.data).toMatchObject({ n: 0, flag: true });
    // On to s1 (n + 1), whose `set` makes n 2 and flag true, and whose choose goes back to s0.
    const next = nextSnapshot(c, first, act("next"));
    expect(directTransition(c.direct, first.value, first.context, act("next"))?.context).toEqual(
      next.context,
    );
    expect(next.value).toBe("s0");
    expect(next.context.data).toMatchObject({ n: 2, flag: true });
  });

  it("leaves a failing action to XState, so the error is XState's own, thrown or as an error snapshot", () => {
    // s1's assignee is a person id read from data that nobody set: opening its task fails.
    const def = definitionOf([
      {
        kind: "userTask",
        targets: [0],
        selfLoop: false,
        set: false,
        deadline: "none",
        timeout: false,
        conds: [],
        complete: "all",
      },
      {
        kind: "userTask",
        targets: [1],
        selfLoop: false,
        set: false,
        deadline: "none",
        timeout: false,
        conds: [],
        complete: "all",
      },
    ]);
    const broken = {
      ...def,
      data: { ...def.data, reviewer: { type: "person" } },
      steps: {
        ...def.steps,
        s1: { ...(def.steps.s1 as Step & { kind: "userTask" }), assignee: { person: "data.reviewer" } },
      },
    } as Definition;
    const r = validateDefinition(broken);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const c = compileDefinition(r.definition, { directory: makeDirectory(), calendar });
    const at = "2026-03-02T09:00:00+08:00";
    const input = {
      instanceId: "i1",
      definitionId: "generated",
      data: {},
      starter: { id: "hr", unit: "u1" },
      at,
    };
    const first = initialSnapshot(c, input);
    const taskId = Object.keys(first.context.tasks)[0]!;
    const move = { type: "wf.act" as const, taskId, outcome: "next", actor: hr, at };
    expect(directTransition(c.direct, first.value, first.context, move)).toBeUndefined();
    const xstateError = (() => {
      try {
        c.machine.transition(first, move, c.scope as never);
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(xstateError).toContain('assignee "data.reviewer" gave null');
    expect(() => nextSnapshot(c, first, move)).toThrow(xstateError!);
    // Starting in s1: XState reports the failure as an error snapshot, and so does initialSnapshot.
    const c1 = compileDefinition(
      { ...r.definition, initial: "s1" },
      { directory: makeDirectory(), calendar },
    );
    const started = initialSnapshot(c1, input);
    expect(started.status).toBe("error");
    expect((started.error as Error).message).toBe(
      ((c1.machine.getInitialSnapshot(c1.scope as never, input).error as Error) ?? new Error("none")).message,
    );
  });

  it("records a form into the data as a spread and an assignment would, key order included", () => {
    // What recordAct gave before it made its own copy of the data: setPath's
    // `{ ...data, [into]: { ...prev, ...form } }`, then the outcome's `set` on top.
    const def = definitionOf([
      {
        kind: "userTask",
        targets: [1],
        selfLoop: false,
        set: true,
        deadline: "none",
        timeout: false,
        conds: [],
        complete: "all",
      },
    ]);
    const s0 = def.steps.s0 as Step & { kind: "userTask" };
    const withForm = {
      ...def,
      data: { ...def.data, candidate: { type: "object", open: true } },
      steps: { ...def.steps, s0: { ...s0, form: { ref: "any-form", into: "data.candidate" } } },
    } as Definition;
    const r = validateDefinition(withForm);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const c = compileDefinition(r.definition, { directory: makeDirectory(), calendar });
    const at = "2026-03-02T09:00:00+08:00";
    const key = fc.constantFrom("a", "b", "candidate", "__proto__", "0", "10");
    const json = fc.jsonValue({ maxDepth: 2 });
    fc.assert(
      fc.property(
        fc.dictionary(key, json),
        fc.dictionary(key, json),
        fc.boolean(),
        (extra, form, formIsObject) => {
          const data = JSON.parse(JSON.stringify(extra)) as Record<string, unknown>;
          const first = initialSnapshot(c, {
            instanceId: "i1",
            definitionId: "generated",
            data,
            starter: { id: "hr", unit: "u1" },
            at,
          });
          const taskId = Object.keys(first.context.tasks)[0]!;
          const values: unknown = formIsObject ? JSON.parse(JSON.stringify(form)) : "plain";
          const next = nextSnapshot(c, first, {
            type: "wf.act",
            taskId,
            outcome: "next",
            actor: hr,
            at,
            form: values,
          });
          const before = first.context.data;
          const prev = before.candidate;
          const merged =
            typeof prev === "object" && prev !== null && typeof values === "object" && !Array.isArray(values)
              ? { ...(prev as object), ...(values as object) }
              : values;
          const expected: Record<string, unknown> = { ...before, candidate: merged };
          expected.n = (before.n as number) + 1;
          expect(JSON.stringify(next.context.data)).toBe(JSON.stringify(expected));
        },
      ),
      { numRuns: 200 },
    );
  });
});
