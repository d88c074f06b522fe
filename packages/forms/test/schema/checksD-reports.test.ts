import { describe, expect, test } from "vitest";
import { z } from "zod";
import { createFormSchema, validateForm } from "../../src/index";
import { ctx, field, formOf } from "./helpers";

// Validation reports each field's problems through one sink per call and the plan's own path
// arrays: every field must still get its own path, its own "failed" state and fresh arrays.

const form = formOf([
  field("a", "number"),
  field("b", "text", { rules: [{ id: "long", check: "len(value) > 3", message: { zh: "太短" } }] }),
  field("c", "number", { max: 5 }),
  field("items", "table", {
    fields: [field("qty", "number", { max: 2 }), field("name", "text", { required: true })],
  }),
]);
const values = { a: "x", b: "ab", c: 9, items: [{ qty: 1, name: "n" }, { qty: 7 }] };
const expected = ["a:type", "b:long", "c:max", "items[1].qty:max", "items[1].name:required"];

describe("a validation's reports", () => {
  test("a field after a failing one is checked in full, each at its own path", () => {
    for (let i = 0; i < 3; i++) {
      expect(validateForm(form, values, undefined, ctx).map((x) => `${x.path}:${x.rule}`)).toEqual(expected);
    }
  });

  test("hand zod paths of their own, which a parent schema may prefix", () => {
    const nested = z.object({ f: createFormSchema(form, ctx) });
    for (let i = 0; i < 3; i++) {
      const r = nested.safeParse({ f: values });
      expect(r.success).toBe(false);
      expect(r.error?.issues.map((x) => x.path.join("."))).toEqual([
        "f.a",
        "f.b",
        "f.c",
        "f.items.1.qty",
        "f.items.1.name",
      ]);
    }
  });

  test("a field's condition is evaluated again when hiding columns changed what it reads", () => {
    // `note` shows while some row has an `extra`; `extra` shows only in rows of kind "a". Before
    // the columns are hidden the row's extra makes `note` visible; after, it does not.
    const f = formOf([
      field("items", "table", {
        fields: [field("kind", "text"), field("extra", "number", { visible: "row.kind == 'a'" })],
      }),
      field("note", "text", { required: true, visible: "any(items, r => not isEmpty(r.extra))" }),
    ]);
    const check = (kind: string) =>
      validateForm(f, { items: [{ kind, extra: 5 }] }, undefined, ctx).map((x) => `${x.path}:${x.rule}`);
    for (let i = 0; i < 2; i++) {
      expect(check("b")).toEqual([]);
      expect(check("a")).toEqual(["note:required"]);
    }
  });
});
