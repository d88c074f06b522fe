import { describe, expect, it } from "vitest";
import { type DesignForm, formDesignerReducer, initFormDesigner, renameFieldKey } from "../src/index.ts";

function form(): DesignForm {
  return {
    id: "fs",
    version: 1,
    title: { zh: "表", en: "Form" },
    fields: [
      { key: "rank", type: "text" },
      { key: "note", type: "text", visible: "rank == '副科' and count(items, rank => rank.x > 1) > 0" },
      {
        type: "section",
        fields: [{ key: "age", type: "number", required: "rank != ''", calc: "len(rank) + 1" }],
      },
      {
        key: "items",
        type: "table",
        totals: ["amount"],
        fields: [
          {
            key: "amount",
            type: "number",
            rules: [{ check: "value >= 0 and row.amount < 100", message: { zh: "超限" } }],
          },
          { key: "double", type: "number", calc: "row.amount * 2" },
        ],
      },
    ],
    rules: [{ check: "rank != 'x'", message: { zh: "不行" } }],
  };
}

describe("renameFieldKey", () => {
  it("rewrites every read of a top-level key, but not a lambda parameter of the same name", () => {
    const f = renameFieldKey(form(), ["fields", 0], "grade");
    expect(f.fields[0]?.key).toBe("grade");
    expect(f.fields[1]?.visible).toBe("grade == '副科' and count(items, rank => rank.x > 1) > 0");
    expect(f.fields[2]?.fields).toEqual([
      { key: "age", type: "number", required: "grade != ''", calc: "len(grade) + 1" },
    ]);
    expect((f.rules as { check: string }[] | undefined)?.[0]?.check).toBe("grade != 'x'");
  });

  it("rewrites row.<key> in a table's columns and its totals", () => {
    const f = renameFieldKey(form(), ["fields", 3, "fields", 0], "sum");
    const table = f.fields[3]!;
    expect(table.totals).toEqual(["sum"]);
    const [amount, double] = table.fields as DesignForm["fields"];
    expect(amount?.rules).toEqual([{ check: "value >= 0 and row.sum < 100", message: { zh: "超限" } }]);
    expect(double?.calc).toBe("row.sum * 2");
    expect(f.fields[1]?.visible).toBe(form().fields[1]?.visible);
  });

  it("leaves expressions that do not parse, and undoes as one step", () => {
    const broken = form();
    broken.fields[1] = { ...broken.fields[1]!, visible: "rank ==" };
    expect(renameFieldKey(broken, ["fields", 0], "grade").fields[1]?.visible).toBe("rank ==");
    let s = initFormDesigner(form());
    s = formDesignerReducer(s, { type: "renameKey", path: ["fields", 0], key: "grade" });
    expect(s.history.past.map((e) => e.label)).toEqual(["rename key"]);
    s = formDesignerReducer(s, { type: "undo" });
    expect(s.history.present).toEqual(form());
  });
});
