import { describe, expect, test } from "vitest";
import {
  createFormValidator,
  decimalSum,
  FormDefinitionError,
  formatMoney,
  parseDecimalInput,
} from "../../src/index";
import { applicationForm } from "../fixtures/applicationForm";
import { ctx, problems } from "./helpers";

describe("createFormValidator (the engine's FormValidator port)", () => {
  const v2 = { ...applicationForm, version: 2, fields: [{ key: "name", type: "text", required: true }] };
  const forms = createFormValidator([applicationForm, v2], { context: () => ctx });

  test("validates by id (latest version) or id@version", () => {
    expect(forms.validate("fs-application", {}).map((i) => i.path)).toEqual(["name"]);
    expect(forms.validate("fs-application@1", {}).map((i) => i.path)).toEqual(["name", "idNumber", "rank"]);
    expect(forms.validate("fs-application", { name: "张三" })).toEqual([]);
  });

  test("passes the step's permissions", () => {
    expect(forms.validate("fs-application@1", {}, { default: "readonly" })).toEqual([]);
  });

  test("an unknown ref is an error with did-you-mean", () => {
    expect(() => forms.validate("fs-aplication", {})).toThrow(
      'unknown form "fs-aplication" (did you mean "fs-application"?)',
    );
  });

  test("a bad form definition fails at creation", () => {
    expect(() =>
      createFormValidator([{ id: "x", version: 1, title: { zh: "x" }, fields: [{ type: "nope" }] }]),
    ).toThrow(FormDefinitionError);
  });
});

describe("bad input never crashes validation", () => {
  test("values that are not an object", () => {
    for (const bad of [null, 3, "x", [1]])
      expect(problems([{ key: "a", type: "text" }], bad)).toEqual([":type"]);
  });

  test("saved values of the wrong type are reported on their field", () => {
    const fields = [
      { key: "t", type: "text" },
      { key: "n", type: "number" },
      { key: "d", type: "date" },
      { key: "c", type: "checkbox" },
      { key: "f", type: "file" },
      { key: "g", type: "group", fields: [{ key: "x", type: "text" }] },
    ];
    expect(problems(fields, { t: 1, n: "x", d: 20260101, c: "yes", f: {}, g: { x: 1 } })).toEqual([
      "t:type",
      "n:type",
      "d:type",
      "c:type",
      "f:type",
      "g:type",
    ]);
  });
});

describe("decimal-safe numbers", () => {
  test("sums without floating-point drift", () => {
    expect(decimalSum([0.1, 0.2])).toBe(0.3);
    expect(decimalSum(Array.from({ length: 1000 }, () => 0.01))).toBe(10);
    expect(decimalSum([1.005, -0.005, "x", null])).toBe(1);
    expect(decimalSum([])).toBe(0);
  });

  test("parses what people type", () => {
    expect(parseDecimalInput("1,234.50")).toBe(1234.5);
    expect(parseDecimalInput("１２３．５")).toBe(123.5);
    expect(parseDecimalInput("-.5")).toBe(-0.5);
    expect(parseDecimalInput("12abc")).toBeUndefined();
    expect(parseDecimalInput("")).toBeUndefined();
  });

  test("formats money", () => {
    expect(formatMoney(4460)).toBe("4,460.00");
  });
});
