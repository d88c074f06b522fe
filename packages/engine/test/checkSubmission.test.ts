import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Definition, type FieldPermissions, type FormValidator, ValidationError } from "../src/index";
import { actor, makeEngine, selectionDefinition } from "./fixtures";

/**
 * The mini selection with more for the checks to do: a rule reading a data default and the form,
 * a message with placeholders, an outcome condition, and read-only fields at the apply step.
 */
function checkedDefinition(id = "mini-selection"): Definition {
  const def = selectionDefinition();
  def.id = id;
  def.data!.maxAge = { type: "number", default: 57 };
  def.rules = {
    age: {
      when: "data.candidate.age <= data.maxAge",
      message: {
        zh: "年龄{data.candidate.age}超过{data.maxAge}",
        en: "{data.candidate.age} is over {data.maxAge}",
      },
      severity: "block",
    },
    young: {
      when: "data.candidate.age <= 35",
      message: { zh: "非年轻干部", en: "Not young" },
      severity: "info",
    },
    named: {
      when: "not isEmpty(data.candidate.name)",
      message: { zh: "无名", en: "No name" },
      severity: "warn",
    },
  };
  const apply = def.steps.apply;
  if (apply?.kind !== "userTask") throw new Error("fixture");
  apply.checks = ["age", "young", "named"];
  apply.form = { ref: "any-form", into: "candidate", fields: { note: "readonly" } };
  apply.outcomes.submit!.when = "form.name != 'blocked'";
  return def;
}

const submission = fc.record({
  name: fc.constantFrom("Li", "", "blocked"),
  age: fc.integer({ min: 20, max: 70 }),
  note: fc.constantFrom(undefined, "x"),
});
type Sub = typeof submission extends fc.Arbitrary<infer T> ? T : never;

/** What an apply submission gives: the refusal's issues, or the notices and the stored candidate. */
async function outcome(env: ReturnType<typeof makeEngine>, sub: Sub): Promise<unknown> {
  const { engine, nextAction } = env;
  const i = await engine.start({
    definitionId: "mini-selection",
    actor: actor("hr"),
    data: { candidateId: "cadre" },
    actionId: nextAction(),
  });
  const formData: Record<string, unknown> = { name: sub.name, age: sub.age };
  if (sub.note !== undefined) formData.note = sub.note;
  try {
    const done = await engine.act({
      taskId: i.tasks[0]!.id,
      actor: actor("hr"),
      outcome: "submit",
      formData,
      actionId: nextAction(),
      expectedVersion: i.version,
    });
    return { notices: done.notices, candidate: done.data.candidate };
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    return { message: e.message, issues: e.issues };
  }
}

describe("checkSubmission's per-step plan", () => {
  it("a long-lived engine (plans and compiled rules cached) answers as a fresh one does", async () => {
    const warm = makeEngine([checkedDefinition()]);
    await fc.assert(
      fc.asyncProperty(submission, async (sub) => {
        const fresh = makeEngine([checkedDefinition()]);
        expect(await outcome(warm, sub)).toEqual(await outcome(fresh, sub));
      }),
      { numRuns: 60 },
    );
  });

  it("renders a failing rule's placeholders, and names every blocking issue in the message", async () => {
    const env = makeEngine([checkedDefinition()]);
    expect(await outcome(env, { name: "blocked", age: 60, note: undefined })).toEqual({
      message:
        'cannot complete step "apply" with "submit": when: outcome "submit" is not available now (form.name != \'blocked\'); age: 60 is over 57',
      issues: [
        {
          rule: "when",
          severity: "block",
          message: {
            zh: "当前条件下不能选择此结果",
            en: "outcome \"submit\" is not available now (form.name != 'blocked')",
          },
        },
        { rule: "age", severity: "block", message: { zh: "年龄60超过57", en: "60 is over 57" } },
        { rule: "young", severity: "info", message: { zh: "非年轻干部", en: "Not young" } },
      ],
    });
    expect(await outcome(env, { name: "", age: 30, note: "x" })).toEqual({
      notices: [{ rule: "named", severity: "warn", message: { zh: "无名", en: "No name" } }],
      candidate: { name: "", age: 30 },
    });
  });

  it("two definitions sharing step objects each check their own rules and permissions", async () => {
    const a = checkedDefinition("def-a");
    const b: Definition = {
      ...checkedDefinition("def-b"),
      steps: a.steps,
      rules: { ...a.rules, age: { ...a.rules!.age!, when: "data.candidate.age <= 30" } },
    };
    const seen: (FieldPermissions | undefined)[] = [];
    const forms: FormValidator = {
      validate(_ref, _values, permissions) {
        seen.push(permissions);
        return [];
      },
    };
    const env = makeEngine([a, b], { forms });
    const run = async (definitionId: string) => {
      const i = await env.engine.start({
        definitionId,
        actor: actor("hr"),
        data: { candidateId: "cadre" },
        actionId: env.nextAction(),
      });
      return env.engine
        .act({
          taskId: i.tasks[0]!.id,
          actor: actor("hr"),
          outcome: "submit",
          formData: { name: "Li", age: 40 },
          actionId: env.nextAction(),
          expectedVersion: i.version,
        })
        .then(
          () => "passed",
          (e: ValidationError) => e.issues.map((x) => x.rule),
        );
    };
    expect(await run("def-a")).toBe("passed");
    expect(await run("def-b")).toEqual(["age", "young"]);
    expect(await run("def-a")).toBe("passed");
    expect(seen).toEqual([0, 1, 2].map(() => ({ fields: { note: "readonly" }, default: "editable" })));
  });
});
