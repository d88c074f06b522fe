import { describe, expect, test } from "vitest";
import { compileForm, FormDefinitionError, tryCompileForm } from "../../src/index";

const base = { id: "fs-test", version: 1, title: { zh: "测试" } };
const issuesOf = (fields: unknown[], extra: Record<string, unknown> = {}) =>
  tryCompileForm({ ...base, fields, ...extra }).issues;

describe("form JSON structure", () => {
  test("an unknown field type names its path and the closest type", () => {
    expect(issuesOf([{ key: "a", type: "txt" }])).toEqual([
      expect.objectContaining({
        path: "fields[0].type",
        message: 'unknown field type "txt" (did you mean "text"?)',
      }),
    ]);
  });

  test("a field without a type says so", () => {
    expect(issuesOf([{ key: "a" }])[0]).toMatchObject({ path: "fields[0].type", message: 'missing "type"' });
  });

  test("a misspelt property is an error, with did-you-mean", () => {
    expect(issuesOf([{ key: "a", type: "text", requird: true }])).toEqual([
      { path: "fields[0].requird", message: 'unknown property "requird" (did you mean "required"?)' },
    ]);
  });

  test("a bad option value names the option's JSON path", () => {
    const issues = issuesOf([{ key: "a", type: "select", options: [{ value: {}, label: { zh: "x" } }] }]);
    expect(issues[0]?.path).toBe("fields[0].options[0].value");
    expect(issues[0]?.message).toMatch(/expected string.*or.*expected number/);
  });

  test("nested paths inside sections, groups and wizard pages", () => {
    const issues = issuesOf([
      {
        type: "wizard",
        pages: [
          {
            title: { zh: "一" },
            fields: [{ type: "section", fields: [{ key: "n", type: "number", min: "x" }] }],
          },
        ],
      },
    ]);
    expect(issues[0]?.path).toBe("fields[0].pages[0].fields[0].fields[0].min");
  });

  test("invalid regular expressions, keys and ids are rejected", () => {
    expect(issuesOf([{ key: "a", type: "text", pattern: "(" }])[0]?.path).toBe("fields[0].pattern");
    expect(issuesOf([{ key: "1a", type: "text" }])[0]?.path).toBe("fields[0].key");
    expect(tryCompileForm({ ...base, id: "Bad Id", fields: [] }).issues[0]?.path).toBe("id");
  });

  test("duplicate and reserved keys", () => {
    expect(
      issuesOf([
        { key: "a", type: "text" },
        { type: "section", fields: [{ key: "a", type: "number" }] },
      ]),
    ).toEqual([{ path: "fields[1].fields[0].key", message: 'duplicate key "a"' }]);
    expect(issuesOf([{ key: "data", type: "text" }])[0]?.message).toBe('"data" is a reserved name');
  });

  test("a wizard must be the only top-level item", () => {
    const wizard = { type: "wizard", pages: [{ title: { zh: "一" }, fields: [] }] };
    expect(issuesOf([wizard, { key: "a", type: "text" }])[0]?.message).toMatch(/only top-level item/);
    expect(issuesOf([{ type: "section", fields: [wizard] }])[0]?.message).toMatch(/only top-level item/);
  });

  test("groups hold value fields only; totals must name number columns", () => {
    const group = (extra: object) => ({
      key: "items",
      type: "table",
      fields: [
        { key: "name", type: "text" },
        { key: "amount", type: "money" },
      ],
      ...extra,
    });
    expect(issuesOf([group({ totals: ["amout"] })])).toEqual([
      { path: "fields[0].totals[0]", message: 'unknown column "amout" (did you mean "amount"?)' },
    ]);
    expect(issuesOf([group({ totals: ["name"] })])[0]?.message).toMatch(/not a number or money/);
    expect(
      issuesOf([{ key: "g", type: "group", fields: [{ type: "section", fields: [] }] }])[0]?.message,
    ).toMatch(/value fields only/);
  });

  test("limits the wrong way round, duplicate options, totals outside tables, refused defaults", () => {
    expect(issuesOf([{ key: "n", type: "number", min: 5, max: 1 }])).toEqual([
      { path: "fields[0].min", message: "min 5 is greater than max 1" },
    ]);
    expect(issuesOf([{ key: "t", type: "text", minLength: 5, maxLength: 1 }])[0]?.path).toBe(
      "fields[0].minLength",
    );
    expect(issuesOf([{ key: "d", type: "date", min: "2026-02-01", max: "2026-01-01" }])[0]?.path).toBe(
      "fields[0].min",
    );
    const dup = [
      { value: "a", label: { zh: "甲" } },
      { value: "a", label: { zh: "乙" } },
    ];
    expect(issuesOf([{ key: "s", type: "select", options: dup }])).toEqual([
      { path: "fields[0].options[1].value", message: 'duplicate option value "a"' },
    ]);
    expect(
      issuesOf([{ key: "g", type: "group", totals: ["n"], fields: [{ key: "n", type: "number" }] }])[0]
        ?.message,
    ).toBe("totals apply to tables only");
    expect(issuesOf([{ key: "n", type: "number", max: 10, default: 20 }])).toEqual([
      { path: "fields[0].default", message: "the default is refused by the field: Must be at most 10" },
    ]);
    expect(issuesOf([{ key: "s", type: "select", options: dup.slice(0, 1), default: "z" }])[0]?.path).toBe(
      "fields[0].default",
    );
    expect(issuesOf([{ key: "n", type: "number", default: 3 }])).toEqual([]);
  });

  test("compileForm throws FormDefinitionError listing every issue", () => {
    try {
      compileForm({
        ...base,
        fields: [
          { key: "a", type: "txt" },
          { key: "b", type: "text", min: 1 },
        ],
      });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FormDefinitionError);
      expect((e as FormDefinitionError).issues.map((i) => i.path)).toEqual([
        "fields[0].type",
        "fields[1].min",
      ]);
      expect((e as Error).message).toContain("form fs-test is invalid");
    }
  });
});

describe("expressions are checked at load", () => {
  const fields = [
    { key: "rank", type: "select", options: [{ value: "正科", label: { zh: "正科" } }] },
    { key: "age", type: "number" },
  ];

  test("an unknown field in a condition is an error with path and did-you-mean", () => {
    const issues = issuesOf([...fields, { key: "note", type: "text", visible: "rnak == '正科'" }]);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe("fields[2].visible");
    expect(issues[0]?.message).toMatch(/rnak/);
    expect(issues[0]?.message).toMatch(/rank/);
  });

  test("unknown names in calc, defaults, bounds, option filters and rules", () => {
    const issues = issuesOf(
      [
        ...fields,
        { key: "a", type: "number", calc: "agee + 1" },
        { key: "b", type: "date", defaultExpr: "todday()" },
        { key: "c", type: "number", min: { expr: "ag" } },
        { key: "d", type: "select", options: [{ value: 1, label: { zh: "1" }, visible: "rank2 == 1" }] },
        { key: "e", type: "text", rules: [{ check: "len(valu) > 1", message: { zh: "x" } }] },
      ],
      { rules: [{ check: "nope", message: { zh: "x" } }] },
    );
    expect(issues.map((i) => i.path)).toEqual([
      "fields[2].calc",
      "fields[3].defaultExpr",
      "fields[4].min.expr",
      "fields[5].options[0].visible",
      "fields[6].rules[0].check",
      "rules[0].check",
    ]);
  });

  test("conditions must be boolean", () => {
    expect(issuesOf([...fields, { key: "x", type: "text", visible: "age + 1" }])[0]?.path).toBe(
      "fields[2].visible",
    );
  });

  test("row expressions see `row` with the group's columns", () => {
    const table = (calc: string) => ({
      key: "items",
      type: "table",
      fields: [
        { key: "qty", type: "number" },
        { key: "price", type: "money" },
        { key: "amount", type: "money", calc },
      ],
    });
    expect(issuesOf([table("row.qty * row.price")])).toEqual([]);
    expect(issuesOf([table("row.qyt * row.price")])[0]?.path).toBe("fields[0].fields[2].calc");
  });

  test("circular calculations are rejected, naming the loop", () => {
    const issues = issuesOf([
      { key: "a", type: "number", calc: "b + 1" },
      { key: "b", type: "number", calc: "c + 1" },
      { key: "c", type: "number", calc: "a + 1" },
    ]);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toBe("calculated fields form a cycle: a → b → c → a");
  });

  test("a cycle through a table's total is found too", () => {
    const issues = issuesOf([
      { key: "total", type: "money", calc: "sum(items, r => r.amount)" },
      { key: "items", type: "table", fields: [{ key: "amount", type: "money", calc: "total" }] },
    ]);
    expect(issues[0]?.message).toMatch(/cycle: total → items → items.amount → total/);
  });

  test("a form-level rule's path must name a field", () => {
    expect(issuesOf(fields, { rules: [{ check: "age > 1", path: "agee", message: { zh: "x" } }] })).toEqual([
      { path: "rules[0].path", message: 'unknown field "agee" (did you mean "age"?)' },
    ]);
  });
});
