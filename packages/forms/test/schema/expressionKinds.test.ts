import { describe, expect, test } from "vitest";
import { validateForm } from "../../src/index";
import { ctx, field, formOf } from "./helpers";

// Validation makes no scope for a form without expressions. Each form here has exactly one
// expression, of one kind, reading the field `a`: it must see the submitted value, so a kind
// the shortcut forgot would read null and give another answer.
const t = (s: string) => ({ zh: s, en: s });
const a = field("a", "number");
const cases: { kind: string; fields: unknown[]; rules?: unknown[]; values: unknown; expected: string[] }[] = [
  {
    kind: "visible",
    // A column's condition is evaluated against the row's scope (a top-level one always has a
    // scope: the hiding rounds make one).
    fields: [
      field("items", "table", {
        fields: [field("q", "number"), field("w", "text", { required: true, visible: "row.q > 1" })],
      }),
    ],
    values: { items: [{ q: 2 }] },
    expected: ["items[0].w:required"],
  },
  {
    kind: "required",
    fields: [a, field("b", "text", { required: "a > 1" })],
    values: { a: 2 },
    expected: ["b:required"],
  },
  {
    kind: "min",
    fields: [a, field("b", "number", { min: { expr: "a" } })],
    values: { a: 5, b: 3 },
    expected: ["b:min"],
  },
  {
    kind: "max",
    fields: [a, field("b", "number", { max: { expr: "a" } })],
    values: { a: 1, b: 3 },
    expected: ["b:max"],
  },
  {
    kind: "option visible",
    fields: [a, field("b", "select", { options: [{ value: "x", label: t("x"), visible: "a == null" }] })],
    values: { a: 2, b: "x" },
    expected: ["b:option"],
  },
  {
    kind: "field rule",
    fields: [a, field("b", "number", { rules: [{ id: "r", check: "value > a", message: t("r") }] })],
    values: { a: 5, b: 3 },
    expected: ["b:r"],
  },
  {
    kind: "form rule",
    fields: [a],
    rules: [{ id: "f", check: "a == null", message: t("f") }],
    values: { a: 2 },
    expected: [":f"],
  },
  {
    kind: "calc",
    fields: [a, field("b", "number", { calc: "a * 2", max: 3 })],
    values: { a: 2 },
    expected: ["b:max"],
  },
];

describe("every kind of form expression sees the submitted values", () => {
  test.each(cases)("$kind", ({ fields, rules, values, expected }) => {
    const issues = validateForm(formOf(fields, rules), values, { default: "editable" }, ctx);
    expect(issues.map((i) => `${i.path}:${i.rule}`)).toEqual(expected);
  });
});
