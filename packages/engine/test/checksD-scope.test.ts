import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Definition, FormValidator } from "../src/index";
import { actor, makeEngine, selectionDefinition } from "./fixtures";

/**
 * The mini selection whose apply step has a rule that always fails and shows, in its notice, the
 * scope the rules saw: `data` (with the submitted form merged into `candidate`) and `form`.
 */
function scopeShowingDefinition(): Definition {
  const def = selectionDefinition();
  def.rules = {
    ...def.rules,
    seen: { when: "false", message: { zh: "{string(form)}", en: "{string(data)}" }, severity: "info" },
  };
  const apply = def.steps.apply;
  if (apply?.kind !== "userTask") throw new Error("fixture");
  apply.checks = ["seen"];
  apply.form = { ref: "any-form", into: "candidate", fields: { note: "readonly" } };
  return def;
}

const anyForm: FormValidator = { validate: () => [], versionOf: () => 1 };

/** Form values with the keys that copy differently: numeric-like, `__proto__`, read-only `note`. */
const formValues = fc
  .uniqueArray(
    fc.tuple(fc.constantFrom("name", "age", "note", "__proto__", "7", "b", "a.b", "x"), fc.jsonValue()),
    { selector: ([k]) => k, maxLength: 6 },
  )
  .map((entries) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of entries)
      Object.defineProperty(out, k, { value: v, enumerable: true, writable: true });
    return out;
  });

describe("the scope of a submission's rules", () => {
  it("holds the case data with the writable form values merged into the step's key, in order", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.option(formValues, { nil: undefined }),
        formValues,
        fc.boolean(),
        async (before, form, twice) => {
          const { engine, nextAction } = makeEngine([scopeShowingDefinition()], { forms: anyForm });
          const start: Record<string, unknown> = { candidateId: "cadre" };
          if (before !== undefined) start.candidate = { name: "Li", age: 40 };
          let i = await engine.start({
            definitionId: "mini-selection",
            actor: actor("hr"),
            data: start,
            actionId: nextAction(),
          });
          const submit = async (formData: Record<string, unknown>) => {
            const data = i.data;
            i = await engine.act({
              taskId: i.tasks.find((t) => t.step === "apply")!.id,
              actor: actor("hr"),
              outcome: "submit",
              formData,
              actionId: nextAction(),
              expectedVersion: i.version,
            });
            const writable: Record<string, unknown> = {};
            for (const k of Object.keys(formData))
              if (k !== "note")
                Object.defineProperty(writable, k, { value: formData[k], enumerable: true, writable: true });
            const prev = data.candidate;
            const candidate = typeof prev === "object" && prev !== null ? { ...prev, ...writable } : writable;
            const expected: Record<string, unknown> = {};
            for (const k of Object.keys(data)) expected[k] = data[k];
            expected.candidate = candidate;
            expect(i.notices).toEqual([
              {
                rule: "seen",
                severity: "info",
                message: { zh: JSON.stringify(formData), en: JSON.stringify(expected) },
              },
            ]);
          };
          await submit(before ?? form);
          if (twice) {
            // Sent back to apply: the second submission merges into what the first one wrote.
            const review = i.tasks.find((t) => t.step === "review")!;
            i = await engine.act({
              taskId: review.id,
              actor: actor("od1"),
              outcome: "return",
              opinion: "again",
              actionId: nextAction(),
              expectedVersion: i.version,
            });
            await submit(form);
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});
