import { describe, expect, it } from "vitest";
import application from "../../../workflows/forms/fs-application.json";
import { checkFormForPublish, type DesignForm, formScope } from "../src/index.ts";

function form(fields: DesignForm["fields"]): DesignForm {
  return { id: "fs-test", version: 1, title: { zh: "测试", en: "Test" }, fields };
}

const label = (zh: string) => ({ zh, en: zh.toUpperCase() });

describe("checkFormForPublish", () => {
  it("passes a clean form and the shipped application form", () => {
    const clean = form([
      { key: "rank", type: "select", label: label("rank"), options: [{ value: "a", label: label("a") }] },
      { key: "note", type: "textarea", label: label("note"), visible: "rank == 'a'" },
    ]);
    expect(checkFormForPublish(clean)).toEqual([]);
    expect(checkFormForPublish(application as unknown as DesignForm)).toEqual([]);
  });

  it("finds duplicate keys in one scope but not across a group's scope", () => {
    const issues = checkFormForPublish(
      form([
        { key: "name", type: "text", label: label("a") },
        { type: "section", fields: [{ key: "name", type: "text", label: label("b") }] },
        {
          key: "rows",
          type: "group",
          label: label("c"),
          fields: [{ key: "name", type: "text", label: label("d") }],
        },
      ]),
    );
    expect(issues).toMatchObject([{ path: "fields[1].fields[0].key", code: "duplicate-key" }]);
  });

  it("finds expressions reading unknown fields, with the suggested name", () => {
    const issues = checkFormForPublish(
      form([
        { key: "rank", type: "text", label: label("r") },
        { key: "note", type: "text", label: label("n"), visible: "rnak == 'x'" },
        {
          key: "rows",
          type: "table",
          label: label("t"),
          fields: [{ key: "amount", type: "number", label: label("a"), required: "row.amout > 0" }],
        },
      ]),
    );
    expect(issues.map((i) => [i.path, i.code, i.hint])).toEqual([
      ["fields[1].visible", "unknown-field", "rank"],
      ["fields[2].fields[0].required", "unknown-field", "amount"],
    ]);
    expect(issues[0]?.message.zh).toContain("未知字段");
  });

  it("reports syntax errors and knows the form functions", () => {
    const issues = checkFormForPublish(
      form([
        { key: "id", type: "idCard", label: label("i") },
        { key: "birth", type: "date", label: label("b"), calc: "idBirthDate(id)" },
        { key: "x", type: "text", label: label("x"), visible: "id ==" },
      ]),
    );
    expect(issues.map((i) => [i.path, i.code])).toEqual([["fields[2].visible", "expression"]]);
  });

  it("finds labels, titles and option labels missing a language", () => {
    const issues = checkFormForPublish(
      form([
        { key: "a", type: "text", label: { zh: "甲" } },
        { key: "b", type: "radio", label: label("b"), options: [{ value: 1, label: { zh: "", en: "One" } }] },
        { type: "tabs", tabs: [{ title: { zh: "页", en: "" }, fields: [] }] },
      ]),
    );
    expect(issues.filter((i) => i.code === "missing-label").map((i) => i.path)).toEqual([
      "fields[0]",
      "fields[1].options[0]",
      "fields[2].tabs[0]",
    ]);
  });

  it("finds circular calculations, inside rows too, once per circle", () => {
    const issues = checkFormForPublish(
      form([
        { key: "a", type: "number", label: label("a"), calc: "b + 1" },
        { key: "b", type: "number", label: label("b"), calc: "a * 2" },
        { key: "c", type: "number", label: label("c"), calc: "a + b" },
        {
          key: "rows",
          type: "table",
          label: label("t"),
          fields: [
            { key: "x", type: "number", label: label("x"), calc: "row.y" },
            { key: "y", type: "number", label: label("y"), calc: "row.x" },
          ],
        },
      ]),
    );
    const cycles = issues.filter((i) => i.code === "circular-calc");
    expect(cycles.map((i) => i.message.en)).toEqual([
      "calculated fields depend on each other in a circle: a → b → a",
      "calculated fields depend on each other in a circle: rows.x → rows.y → rows.x",
    ]);
    expect(cycles[0]?.path).toBe("fields[0].calc");
  });

  it("adds structural problems the form language reports", () => {
    const issues = checkFormForPublish(
      form([
        { key: "a", type: "text", label: label("a") },
        { type: "wizard", pages: [{ title: label("p"), fields: [] }] },
      ]),
    );
    expect(issues).toMatchObject([{ code: "schema", path: "fields[1]" }]);
  });
});

describe("formScope", () => {
  it("gives top-level keys, data, and row/value where they apply", () => {
    const f = form([
      { key: "n", type: "number", label: label("n") },
      {
        key: "rows",
        type: "group",
        label: label("g"),
        fields: [{ key: "d", type: "date", label: label("d") }],
      },
    ]);
    expect(Object.keys(formScope(f))).toEqual(["data", "n", "rows"]);
    const inRow = formScope(f, { field: ["fields", 1, "fields", 0], rule: true });
    expect(inRow.row).toEqual({ kind: "object", fields: { d: { kind: "date" } } });
    expect(inRow.value).toEqual({ kind: "date" });
  });
});
