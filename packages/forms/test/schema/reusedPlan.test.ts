import { describe, expect, test } from "vitest";
import {
  createFormValidator,
  type FieldPermissions,
  type FormContext,
  parseFormValues,
  validateForm,
} from "../../src/index";
import { planCount } from "../../src/schema/formPlan";
import { field, formOf, residentId } from "./helpers";

// validateForm and the engine's port reuse one plan per form and permission set; everything that
// changes per call (clock, case data, directory, values, the permissions' content) must still
// give each call its own answer.

const at = (day: string): FormContext => ({ env: { now: `${day}T09:00:00+08:00` } });
const rules = (issues: { path: string; rule: string }[]) => issues.map((i) => `${i.path}:${i.rule}`);

describe("one form validated again and again", () => {
  const form = formOf([
    field("since", "date", { max: { expr: "today()" } }),
    field("id", "idCard"),
    field("note", "text", { visible: "data.village.type == '软弱涣散'", required: true }),
    field("person", "personPicker"),
    field("items", "table", {
      fields: [
        field("qty", "number", {
          rules: [{ id: "few", check: "value <= data.limit", message: { zh: "太多" } }],
        }),
      ],
    }),
  ]);
  const values = { since: "2026-03-10", id: residentId("20260310") };

  test("today comes from each call's clock", () => {
    for (let i = 0; i < 3; i++) {
      expect(rules(validateForm(form, values, undefined, at("2026-03-05")))).toEqual([
        "since:max",
        "id:idCard",
      ]);
      expect(validateForm(form, values, undefined, at("2026-03-15"))).toEqual([]);
    }
  });

  test("case data comes from each call", () => {
    const weak = { ...at("2026-03-15"), data: { village: { type: "软弱涣散" } } };
    const plain = { ...at("2026-03-15"), data: { village: { type: "脱贫村" } } };
    for (let i = 0; i < 3; i++) {
      expect(rules(validateForm(form, {}, undefined, weak))).toEqual(["note:required"]);
      expect(validateForm(form, {}, undefined, plain)).toEqual([]);
    }
    const rows = { items: [{ qty: 5 }] };
    expect(rules(validateForm(form, rows, undefined, { ...plain, data: { limit: 3 } }))).toEqual([
      "items[0].qty:few",
    ]);
    expect(validateForm(form, rows, undefined, { ...plain, data: { limit: 9 } })).toEqual([]);
  });

  test("the directory comes from each call", () => {
    const known = { ...at("2026-03-15"), exists: () => true };
    const unknown = { ...at("2026-03-15"), exists: () => false };
    expect(validateForm(form, { person: "p1" }, undefined, known)).toEqual([]);
    expect(rules(validateForm(form, { person: "p1" }, undefined, unknown))).toEqual(["person:exists"]);
    expect(validateForm(form, { person: "p1" }, undefined, known)).toEqual([]);
  });
});

describe("permissions", () => {
  const form = formOf([field("a", "text", { required: true }), field("b", "text", { maxLength: 1 })]);
  const ctx = at("2026-03-15");
  const bad = { b: "too long" };

  test("each set of permissions gets its own answer, in any order", () => {
    const sets: [FieldPermissions | undefined, string[]][] = [
      [undefined, ["a:required", "b:maxLength"]],
      [{ default: "readonly" }, []],
      [{ fields: { a: "hidden" } }, ["b:maxLength"]],
      [{ default: "readonly", fields: { b: "editable" } }, ["b:maxLength"]],
      [{ fields: { b: "required" }, default: "hidden" }, ["b:maxLength"]],
    ];
    for (let round = 0; round < 2; round++)
      for (const [permissions, expected] of sets)
        expect(rules(validateForm(form, bad, permissions, ctx)), JSON.stringify(permissions)).toEqual(
          expected,
        );
  });

  test("a new object with the same content, and a changed object, are judged by content", () => {
    const forms = createFormValidator(
      [{ id: "p", version: 1, title: { zh: "p" }, fields: form.json.fields }],
      {
        context: () => ctx,
      },
    );
    const fields: Record<string, "hidden" | "editable"> = { b: "hidden" };
    const permissions = { fields };
    expect(rules(forms.validate("p", bad, permissions))).toEqual(["a:required"]);
    expect(rules(forms.validate("p", bad, { fields: { b: "hidden" } }))).toEqual(["a:required"]);
    fields.b = "editable";
    expect(rules(forms.validate("p", bad, permissions))).toEqual(["a:required", "b:maxLength"]);
  });

  test("what is stored follows the permissions of the call", () => {
    const f = formOf([
      field("a", "text"),
      field("rows", "group", { fields: [field("x", "text"), field("y", "text")] }),
    ]);
    const v = { a: "1", rows: [{ x: "x", y: "y" }] };
    const stored = (permissions?: FieldPermissions) => {
      const r = parseFormValues(f, v, permissions, ctx);
      return r.ok ? r.values : r.issues;
    };
    for (let i = 0; i < 2; i++) {
      expect(stored({ fields: { "rows.y": "hidden" } })).toEqual({ a: "1", rows: [{ x: "x" }] });
      expect(stored({ fields: { a: "hidden" } })).toEqual({ rows: [{ x: "x", y: "y" }] });
      expect(stored()).toEqual(v);
    }
  });

  test("plans per form stay few however many permission sets come by", () => {
    for (let i = 0; i < 100; i++) validateForm(form, bad, { fields: { [`x${i}`]: "hidden" } }, ctx);
    expect(planCount(form)).toBeGreaterThan(0);
    expect(planCount(form)).toBeLessThanOrEqual(32);
    // An evicted set is worked out again, with the right answer.
    expect(rules(validateForm(form, bad, { fields: { x0: "hidden" } }, ctx))).toEqual([
      "a:required",
      "b:maxLength",
    ]);
  });
});
