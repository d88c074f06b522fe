import { describe, expect, it } from "vitest";
// The real @wf/forms validator (the engine does not depend on it; the test reaches its source).
import { createFormValidator } from "../../forms/src/index";
import {
  createEngine,
  type Definition,
  type FormRef,
  type FormValidator,
  MemoryStore,
  ValidationError,
} from "../src/index";
import { actor, makeClock, makeDirectory } from "./fixtures";

const t = (s: string) => ({ zh: s, en: s });

const formV1 = {
  id: "app-form",
  version: 1,
  title: t("Application"),
  fields: [{ key: "name", type: "text", label: t("Name"), required: true }],
};
/** v2 adds a required field: a case started under v1 must not suddenly need it. */
const formV2 = {
  ...formV1,
  version: 2,
  fields: [...formV1.fields, { key: "phone", type: "mobile", label: t("Mobile"), required: true }],
};

const definition: Definition = {
  id: "pinned",
  version: 1,
  title: t("Pinned forms"),
  roles: ["unit-hr", "org-dept"],
  start: { roles: ["unit-hr"] },
  data: { application: { type: "object", open: true } },
  initial: "apply",
  steps: {
    apply: {
      kind: "userTask",
      assignee: { role: "unit-hr", at: { from: "starter.unit" } },
      form: { ref: "app-form", into: "application" },
      outcomes: { submit: { label: t("Submit"), to: "review" } },
    },
    review: {
      kind: "userTask",
      assignee: { role: "org-dept", at: { unit: "k1-od" } },
      form: { ref: "app-form" },
      outcomes: { done: { label: t("Done"), to: "end" } },
    },
    end: { kind: "end", outcome: "done" },
  },
};

/** An engine over `store` with the forms published so far (as the app rebuilds it on each load). */
function engineWith(store: MemoryStore, forms: FormValidator, prefix: string) {
  const clock = makeClock();
  let n = 0;
  return createEngine({
    definitions: [definition],
    store,
    directory: makeDirectory(),
    forms,
    clock: clock.now,
    ids: () => `${prefix}${++n}`,
  });
}

const hr = actor("hr");

describe("form versions are pinned per case", () => {
  it("a running case keeps validating against the form version of its start; a new case uses the new one", async () => {
    const store = new MemoryStore();
    const before = engineWith(store, createFormValidator([formV1]), "old");
    const a = await before.start({ definitionId: "pinned", actor: hr, actionId: "start-a" });
    expect(a.forms).toEqual({ "app-form": 1 });
    expect(a.tasks[0]?.form).toMatchObject({ ref: "app-form", version: 1 });

    // Form v2 is published (a new required field); the app builds its services again.
    const registry = createFormValidator([formV1, formV2]);
    const after = engineWith(store, registry, "new");

    // The running case: v1 still applies, so the missing phone is no reason to refuse.
    const a2 = await after.act({
      taskId: a.tasks[0]!.id,
      actor: hr,
      outcome: "submit",
      formData: { name: "王" },
      actionId: "act-a",
      expectedVersion: a.version,
    });
    expect(a2.steps).toEqual(["review"]);
    expect(a2.tasks[0]?.form).toMatchObject({ ref: "app-form", version: 1 });
    // What the app renders for that task: the pinned version.
    expect(registry.form(a2.tasks[0]!.form!).json.version).toBe(1);

    // A new case pins v2 and needs the phone.
    const b = await after.start({ definitionId: "pinned", actor: hr, actionId: "start-b" });
    expect(b.forms).toEqual({ "app-form": 2 });
    const refused = await after
      .act({
        taskId: b.tasks[0]!.id,
        actor: hr,
        outcome: "submit",
        formData: { name: "李" },
        actionId: "act-b",
        expectedVersion: b.version,
      })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).issues.map((i) => i.field)).toContain("phone");
    expect(registry.form(b.tasks[0]!.form!).json.version).toBe(2);

    // The pin is part of the started event: replay gives the same record.
    const replayed = await after.replay(await after.history(a2.id));
    expect(JSON.stringify(replayed)).toBe(JSON.stringify(await after.get(a2.id)));
    expect((await after.verify(a2.id)).ok).toBe(true);
  });

  it("the port gets { ref, version } for pinned cases and the plain ref otherwise", async () => {
    const seen: (string | FormRef)[] = [];
    const plain: FormValidator = {
      validate: (ref) => {
        seen.push(ref);
        return [];
      },
    };
    const old = engineWith(new MemoryStore(), plain, "p");
    const c = await old.start({ definitionId: "pinned", actor: hr, actionId: "s1" });
    expect(c.forms).toBeUndefined();
    expect(c.tasks[0]?.form?.version).toBeUndefined();
    await old.act({
      taskId: c.tasks[0]!.id,
      actor: hr,
      outcome: "submit",
      formData: {},
      actionId: "a1",
      expectedVersion: c.version,
    });
    const versioned: FormValidator = { ...plain, versionOf: () => 3 };
    const pinned = engineWith(new MemoryStore(), versioned, "v");
    const d = await pinned.start({ definitionId: "pinned", actor: hr, actionId: "s2" });
    await pinned.act({
      taskId: d.tasks[0]!.id,
      actor: hr,
      outcome: "submit",
      formData: {},
      actionId: "a2",
      expectedVersion: d.version,
    });
    expect(seen).toEqual(["app-form", { ref: "app-form", version: 3 }]);
  });
});
