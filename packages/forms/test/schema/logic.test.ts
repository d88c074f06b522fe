import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { createFormLogic, explainField, initialValues, parseFormValues, validateForm } from "../../src/index";
import { ctx, field, formOf, problems, residentId } from "./helpers";

const rank = field("rank", "select", {
  options: [
    { value: "正科", label: { zh: "正科" } },
    { value: "副科", label: { zh: "副科" } },
  ],
});

describe("conditions", () => {
  const fields = [
    rank,
    field("age", "number"),
    field("note", "text", { visible: "rank == '副科'", required: true }),
    field("reason", "text", { required: "age > 30" }),
    field("locked", "text", { readonly: "rank == '正科'", maxLength: 1 }),
  ];

  test("hidden fields are neither validated nor submitted", () => {
    expect(problems(fields, { rank: "正科", note: 12 })).toEqual([]);
    const r = parseFormValues(formOf(fields), { rank: "正科", note: "x" }, undefined, ctx);
    expect(r.ok && r.values).toEqual({ rank: "正科" });
    expect(problems(fields, { rank: "副科" })).toEqual(["note:required"]);
  });

  test("a field hidden by a condition counts as empty for other conditions too", () => {
    const f = [
      field("x", "switch"),
      field("a", "text", { visible: "x == true" }),
      field("b", "text", { visible: "a == 'y'", required: true }),
      field("c", "number", { calc: "a == null ? 0 : 1" }),
    ];
    // `a` still holds a stale "y" from before `x` was switched off.
    const r = parseFormValues(formOf(f), { x: false, a: "y" }, undefined, ctx);
    expect(r).toEqual({ ok: true, values: { x: false, c: 0 }, issues: [] });
    expect(problems(f, { x: true, a: "y" })).toEqual(["b:required"]);
  });

  test("required by expression", () => {
    expect(problems(fields, { age: 31 })).toEqual(["reason:required"]);
    expect(problems(fields, { age: 30 })).toEqual([]);
  });

  test("conditions and defaults may read the case data", () => {
    const f = formOf([
      field("note", "text", { visible: "data.village.type == '软弱涣散'", required: true }),
      field("name", "text", { defaultExpr: "data.candidate.name" }),
    ]);
    const weak = { ...ctx, data: { village: { type: "软弱涣散" }, candidate: { name: "李娜" } } };
    expect(validateForm(f, {}, undefined, weak).map((i) => i.path)).toEqual(["note"]);
    expect(validateForm(f, {}, undefined, { ...ctx, data: { village: { type: "脱贫村" } } })).toEqual([]);
    expect(initialValues(f, weak)).toEqual({ name: "李娜" });
  });

  test("a section's condition hides everything inside it", () => {
    const f = [
      rank,
      { type: "section", visible: "rank == '副科'", fields: [field("inner", "text", { required: true })] },
    ];
    expect(problems(f, { rank: "正科" })).toEqual([]);
    expect(problems(f, { rank: "副科" })).toEqual(["inner:required"]);
  });

  test("conditions inside rows see their row", () => {
    const f = [
      field("items", "group", {
        fields: [
          field("kind", "text"),
          field("detail", "text", { visible: "row.kind == 'other'", required: true }),
        ],
      }),
    ];
    expect(problems(f, { items: [{ kind: "a" }, { kind: "other" }] })).toEqual(["items[1].detail:required"]);
    const r = parseFormValues(formOf(f), { items: [{ kind: "a", detail: "dropped" }] }, undefined, ctx);
    expect(r.ok && r.values).toEqual({ items: [{ kind: "a" }] });
  });

  test("an expression failing at run time falls back instead of crashing", () => {
    const f = [field("a", "number"), field("b", "text", { visible: "a * 2 > 3", required: true })];
    expect(() => problems(f, { a: null })).not.toThrow();
  });
});

describe("cross-field and custom rules", () => {
  test("field rules see `value`; form rules report on their path", () => {
    const f = formOf(
      [
        field("start", "date"),
        field("end", "date", {
          rules: [{ id: "after", check: "value >= start", message: { zh: "结束早于开始" } }],
        }),
      ],
      [
        {
          id: "span",
          check: "daysBetween(start, end) <= 30",
          path: "end",
          message: { zh: "不超过30天", en: "30 days at most" },
        },
      ],
    );
    const issues = validateForm(f, { start: "2026-03-10", end: "2026-03-01" }, undefined, ctx);
    expect(issues.map((i) => `${i.path}:${i.rule}`)).toEqual(["end:after"]);
    expect(issues[0]?.message).toEqual({ zh: "结束早于开始", en: "结束早于开始" });
    const far = validateForm(f, { start: "2026-01-01", end: "2026-03-01" }, undefined, ctx);
    expect(far).toEqual([
      { path: "end", rule: "span", message: { zh: "不超过30天", en: "30 days at most" } },
    ]);
  });
});

describe("per-step permissions", () => {
  const fields = [
    field("name", "text", { required: true }),
    field("opinion", "textarea"),
    field("score", "number", { max: 100 }),
  ];

  test("hidden: neither validated nor submitted", () => {
    const r = parseFormValues(
      formOf(fields),
      { name: "", opinion: "x", score: 1 },
      { fields: { name: "hidden" } },
      ctx,
    );
    expect(r).toEqual({ ok: true, values: { opinion: "x", score: 1 }, issues: [] });
  });

  test("readonly: not blocking the step, and passed through so conditions agree with the browser", () => {
    const r = parseFormValues(
      formOf(fields),
      { name: "", opinion: "同意", score: 500, stray: 1 },
      { default: "readonly", fields: { opinion: "editable" } },
      ctx,
    );
    expect(r).toEqual({ ok: true, values: { name: "", opinion: "同意", score: 500 }, issues: [] });
  });

  test("a form rule over fields the step cannot change does not block it", () => {
    const f = formOf(
      [field("start", "date"), field("end", "date")],
      [{ id: "order", check: "end >= start", path: "end", message: { zh: "结束早于开始" } }],
    );
    const bad = { start: "2026-03-10", end: "2026-03-01" };
    expect(validateForm(f, bad, undefined, ctx).map((i) => i.rule)).toEqual(["order"]);
    expect(validateForm(f, bad, { default: "readonly" }, ctx)).toEqual([]);
    expect(validateForm(f, bad, { default: "readonly", fields: { start: "editable" } }, ctx)).toHaveLength(1);
  });

  test("required: the step may demand a field the form leaves optional", () => {
    expect(problems(fields, { name: "a" }, { fields: { opinion: "required" } })).toEqual([
      "opinion:required",
    ]);
  });

  test("a group's permission covers its columns; a column may be set alone", () => {
    const f = [
      field("items", "table", { fields: [field("a", "text", { required: true }), field("b", "text")] }),
    ];
    const v = { items: [{ a: "", b: "x" }] };
    expect(problems(f, v, { fields: { items: "readonly" } })).toEqual([]);
    expect(problems(f, v, { fields: { "items.a": "hidden" } })).toEqual([]);
    expect(problems(f, v, { fields: { "items.b": "required" } })).toEqual(["items[0].a:required"]);
    expect(parseFormValues(formOf(f), v, { fields: { "items.b": "hidden" } }, ctx).ok).toBe(false);
    const r = parseFormValues(
      formOf(f),
      { items: [{ a: "x", b: "y" }] },
      { fields: { "items.b": "hidden" } },
      ctx,
    );
    expect(r.ok && r.values).toEqual({ items: [{ a: "x" }] });
  });
});

describe("calculated values and defaults", () => {
  const id = residentId("19900512", "123");

  test("birth date and sex derived from the ID number; calc values are recomputed on submit", () => {
    const f = formOf([
      field("idNumber", "idCard"),
      field("birthDate", "date", { calc: "idBirthDate(idNumber)" }),
      field("sex", "text", { calc: "idSex(idNumber)" }),
      field("age", "number", { calc: "idNumber == null ? null : yearsBetween(birthDate, today())" }),
    ]);
    const r = parseFormValues(f, { idNumber: id, birthDate: "1800-01-01" }, undefined, ctx);
    expect(r.ok && r.values).toEqual({ idNumber: id, birthDate: "1990-05-12", sex: "male", age: 35 });
  });

  test("defaults, computed defaults and saved values", () => {
    const f = formOf([
      field("a", "number", { default: 5 }),
      field("d", "date", { defaultExpr: "today()" }),
      field("b", "number", { calc: "a * 2" }),
    ]);
    expect(initialValues(f, ctx)).toEqual({ a: 5, d: "2026-03-15", b: 10 });
    expect(initialValues(f, ctx, { a: 1, d: "2026-01-01" })).toEqual({ a: 1, d: "2026-01-01", b: 2 });
  });

  test("row calculations and decimal-safe totals", () => {
    const f = formOf([
      field("items", "table", {
        fields: [
          field("qty", "number"),
          field("price", "money"),
          field("amount", "money", { calc: "round(row.qty * row.price, 2)" }),
        ],
      }),
      field("total", "money", { calc: "sum(items, r => r.amount)" }),
    ]);
    const r = parseFormValues(
      f,
      {
        items: [
          { qty: 3, price: 0.1 },
          { qty: 1, price: 0.2 },
        ],
      },
      undefined,
      ctx,
    );
    expect(r.ok && r.values).toEqual({
      items: [
        { qty: 3, price: 0.1, amount: 0.3 },
        { qty: 1, price: 0.2, amount: 0.2 },
      ],
      total: 0.5,
    });
  });
});

describe("incremental logic", () => {
  const form = formOf([
    rank,
    field("a", "number"),
    field("b", "number", { calc: "a + 1" }),
    field("c", "number", { calc: "b * 2" }),
    field("note", "text", { visible: "rank == '副科'" }),
    field("other", "text", { required: "c > 10" }),
    field("items", "table", {
      fields: [field("q", "number"), field("x", "number", { visible: "row.q > 1" })],
    }),
  ]);

  test("a change recomputes its calculation chain and notifies only dependent fields", () => {
    const logic = createFormLogic(form, { a: 1 }, ctx);
    const calls: string[] = [];
    for (const n of ["note", "other", "a"]) {
      logic.state(n);
      logic.subscribe(n, () => calls.push(n));
    }
    expect(logic.values()).toMatchObject({ a: 1, b: 2, c: 4 });
    const writes = logic.update({ ...logic.values(), a: 5 }, "a");
    expect(writes).toEqual([
      { name: "b", value: 6 },
      { name: "c", value: 12 },
    ]);
    expect(calls).toEqual(["other"]);
    expect(logic.state("other").required).toBe(true);
    logic.update({ ...logic.values(), rank: "副科" }, "rank");
    expect(calls).toEqual(["other", "note"]);
    expect(logic.state("note").visible).toBe(true);
  });

  test("a field whose driver is hidden is hidden too, even if the driver keeps a stale answer", () => {
    const chained = formOf([
      field("x", "switch"),
      field("a", "text", { visible: "x == true" }),
      field("b", "text", { visible: "a == 'y'" }),
    ]);
    const logic = createFormLogic(chained, { x: true, a: "y" }, ctx);
    expect(logic.state("b").visible).toBe(true);
    let calls = 0;
    logic.subscribe("b", () => calls++);
    logic.update({ x: false, a: "y" }, "x");
    expect(logic.state("a").visible).toBe(false);
    expect(logic.state("b").visible).toBe(false);
    expect(calls).toBe(1);
  });

  test("with chained conditions, a calculation reads a hidden answer as empty, as the schema does", () => {
    const chained = formOf([
      field("x", "switch"),
      field("a", "text", { visible: "x == true" }),
      field("b", "text", { visible: "a == 'y'" }),
      field("c", "number", { calc: "a == null ? 0 : 1" }),
    ]);
    const logic = createFormLogic(chained, { x: true, a: "y" }, ctx);
    expect(logic.values().c).toBe(1);
    const writes = logic.update({ ...logic.values(), x: false }, "x");
    expect(writes).toEqual([{ name: "c", value: 0 }]);
    const r = parseFormValues(chained, logic.values(), undefined, ctx);
    expect(r.ok && r.values.c).toBe(0);
  });

  test("after any sequence of changes, states match a logic opened on the same values", () => {
    // The logic patches its scope per change; a fresh logic builds it whole. They must agree.
    const plain = [
      field("a", "number"),
      field("b", "text"),
      field("c", "number", { calc: "a == null ? 0 : a * 2" }),
      field("note", "text", { visible: "a > 3", required: "len(b) > 2" }),
      field("late", "text", { visible: "c > 10 && b != 'no'" }),
      field("x", "switch"),
      field("dep", "text", { readonly: "x == true" }),
      { type: "section", visible: "b == 'open'", fields: [field("inner", "text", { required: "a > 1" })] },
      field("items", "table", {
        fields: [field("q", "number"), field("r", "number", { visible: "row.q > a" })],
      }),
    ];
    // With a condition reading a conditional field, the logic takes its other (chained) path.
    const chained = [
      ...plain.filter((j) => !("key" in j && j.key === "dep")),
      field("dep", "text", { visible: "x == true" }),
      field("chain", "text", { visible: "dep == 'y'" }),
    ];
    const edit = fc.oneof(
      fc.record({
        name: fc.constant("a"),
        value: fc.oneof(fc.constant(null), fc.integer({ min: -2, max: 9 })),
      }),
      fc.record({ name: fc.constant("b"), value: fc.constantFrom(null, "no", "open", "abc", "x") }),
      fc.record({ name: fc.constant("x"), value: fc.boolean() }),
      fc.record({ name: fc.constant("dep"), value: fc.constantFrom(null, "y", "n") }),
      fc.record({
        name: fc.constant("items"),
        value: fc.array(fc.record({ q: fc.integer({ min: 0, max: 9 }), r: fc.constant(null) }), {
          maxLength: 3,
        }),
      }),
    );
    fc.assert(
      fc.property(fc.boolean(), fc.array(edit, { minLength: 1, maxLength: 12 }), (chain, edits) => {
        const f = formOf(chain ? chained : plain);
        expect(createFormLogic(f, {}, ctx).chained).toBe(chain);
        const names = [...f.fields.keys()].filter((k) => !k.includes("."));
        const logic = createFormLogic(f, {}, ctx);
        for (const n of names) logic.state(n);
        for (const where of f.layoutVisible.keys()) logic.layoutVisible(where);
        for (const e of edits) {
          const writes = logic.update({ ...logic.values(), [e.name]: e.value }, e.name);
          for (const w of writes) logic.update({ ...logic.values(), [w.name]: w.value }, w.name);
          const fresh = createFormLogic(f, logic.values(), ctx);
          for (const n of names) expect(logic.state(n), n).toEqual(fresh.state(n));
          for (const where of f.layoutVisible.keys())
            expect(logic.layoutVisible(where), where).toBe(fresh.layoutVisible(where));
        }
      }),
      { numRuns: 200 },
    );
  });

  test("a state object is stable until it changes (safe for useSyncExternalStore)", () => {
    const logic = createFormLogic(form, {}, ctx);
    const before = logic.state("note");
    logic.update({ a: 3 }, "a");
    expect(logic.state("note")).toBe(before);
  });

  test("cells of a table follow their own row", () => {
    const logic = createFormLogic(form, { items: [{ q: 1 }, { q: 2 }] }, ctx);
    expect(logic.state("items.0.x").visible).toBe(false);
    expect(logic.state("items.1.x").visible).toBe(true);
    let notified = 0;
    logic.subscribe("items.0.x", () => notified++);
    logic.update({ items: [{ q: 5 }, { q: 2 }] }, "items.0.q");
    expect(logic.state("items.0.x").visible).toBe(true);
    expect(notified).toBe(1);
  });

  test("permissions apply to states", () => {
    const logic = createFormLogic(
      form,
      {},
      { ...ctx, permissions: { fields: { a: "readonly", note: "hidden" } } },
    );
    expect(logic.state("a")).toMatchObject({ readonly: true, permission: "readonly" });
    expect(logic.state("note").visible).toBe(false);
  });
});

describe("explainField", () => {
  test("says why a field is hidden or required, in both languages", () => {
    const f = formOf([
      rank,
      field("age", "number"),
      field("note", "text", { visible: "rank == '副科'", required: "age > 30" }),
    ]);
    const x = explainField(f, "note", { rank: "正科", age: 31 }, undefined, ctx);
    expect(x?.visible[0]?.value).toBe(false);
    expect(x?.visible[0]?.why.en).toMatch(/rank/);
    expect(x?.visible[0]?.why.zh).toMatch(/rank/);
    expect(x?.required?.value).toBe(true);
    expect(explainField(f, "nope", {})).toBeUndefined();
  });
});
