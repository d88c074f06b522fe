import { describe, expect, test } from "vitest";
import { validateForm } from "../../src/index";
import { ctx, field, formOf, problems, residentId } from "./helpers";

const opts = [
  { value: "a", label: { zh: "甲" } },
  { value: "b", label: { zh: "乙" } },
];

describe("rules of every field type", () => {
  test("text: required, length, pattern; length counts characters, not UTF-16 units", () => {
    const f = [field("t", "text", { required: true, minLength: 2, maxLength: 3, pattern: "[a-z𠮷]+" })];
    expect(problems(f, {})).toEqual(["t:required"]);
    expect(problems(f, { t: "   " })).toEqual(["t:required"]);
    expect(problems(f, { t: "a" })).toEqual(["t:minLength"]);
    expect(problems(f, { t: "abcd" })).toEqual(["t:maxLength"]);
    expect(problems(f, { t: "ab1" })).toEqual(["t:pattern"]);
    expect(problems(f, { t: "𠮷𠮷𠮷" })).toEqual([]);
    expect(problems([field("x", "textarea", { maxLength: 2 })], { x: "abc" })).toEqual(["x:maxLength"]);
  });

  test("number: range, scale, wrong type", () => {
    const f = [field("n", "number", { min: 0, max: 10, scale: 1 })];
    expect(problems(f, { n: 5.5 })).toEqual([]);
    expect(problems(f, { n: -1 })).toEqual(["n:min"]);
    expect(problems(f, { n: 10.5 })).toEqual(["n:max"]);
    expect(problems(f, { n: 1.25 })).toEqual(["n:scale"]);
    expect(problems(f, { n: "5" })).toEqual(["n:type"]);
    expect(problems(f, { n: Number.NaN })).toEqual(["n:type"]);
  });

  test("money: two decimals, bounds shown as money", () => {
    const form = formOf([field("m", "money", { max: 3700 })]);
    expect(validateForm(form, { m: 3700.01 }, undefined, ctx)[0]?.message.zh).toBe("不能大于 3,700.00");
    expect(validateForm(form, { m: 1.005 }, undefined, ctx).map((i) => i.rule)).toEqual(["scale"]);
    expect(validateForm(form, { m: 0.1 + 0.2 }, undefined, ctx).map((i) => i.rule)).toEqual(["scale"]);
  });

  test("date and datetime: fixed and computed ranges", () => {
    const f = [field("d", "date", { min: "2026-01-01", max: { expr: "today()" } })];
    expect(problems(f, { d: "2026-03-15" })).toEqual([]);
    expect(problems(f, { d: "2025-12-31" })).toEqual(["d:min"]);
    expect(problems(f, { d: "2026-03-16" })).toEqual(["d:max"]);
    expect(problems(f, { d: "2026-02-30" })).toEqual(["d:type"]);
    const dt = [field("t", "datetime", { min: "2026-03-01" })];
    expect(problems(dt, { t: "2026-03-02T10:00:00+08:00" })).toEqual([]);
    expect(problems(dt, { t: "2026-02-28T10:00:00+08:00" })).toEqual(["t:min"]);
    expect(problems(dt, { t: "yesterday" })).toEqual(["t:type"]);
    expect(problems(dt, { t: "2026-03-02T10:00:00" })).toEqual(["t:type"]);
    const instant = [field("t", "datetime", { max: "2026-03-01T12:00:00+08:00" })];
    // 12:00 in Beijing is 04:00 UTC.
    expect(problems(instant, { t: "2026-03-01T04:00:00Z" })).toEqual([]);
    expect(problems(instant, { t: "2026-03-01T05:00:00Z" })).toEqual(["t:max"]);
    expect(problems(instant, { t: "2026-03-01T12:30:00+08:00" })).toEqual(["t:max"]);
  });

  test("select and radio: only offered options; option filtering", () => {
    const f = [
      field("kind", "radio", { options: opts }),
      field("s", "select", {
        options: [
          { value: 1, label: { zh: "一" } },
          { value: 2, label: { zh: "二" }, visible: "kind == 'b'" },
        ],
      }),
    ];
    expect(problems(f, { kind: "c" })).toEqual(["kind:option"]);
    expect(problems(f, { kind: "a", s: 2 })).toEqual(["s:option"]);
    expect(problems(f, { kind: "b", s: 2 })).toEqual([]);
    expect(problems(f, { s: "1" })).toEqual(["s:option"]);
  });

  test("multiSelect: options, item counts", () => {
    const f = [field("m", "multiSelect", { options: opts, minItems: 1, maxItems: 1, required: true })];
    expect(problems(f, { m: [] })).toEqual(["m:required"]);
    expect(problems(f, { m: ["a"] })).toEqual([]);
    expect(problems(f, { m: ["a", "b"] })).toEqual(["m:maxItems"]);
    expect(problems(f, { m: ["z"] })).toEqual(["m[0]:option"]);
    expect(problems(f, { m: "a" })).toEqual(["m:type"]);
  });

  test("checkbox must be ticked when required; switch accepts false", () => {
    expect(problems([field("c", "checkbox", { required: true })], { c: false })).toEqual(["c:required"]);
    expect(problems([field("c", "checkbox", { required: true })], { c: true })).toEqual([]);
    expect(problems([field("s", "switch", { required: true })], { s: false })).toEqual([]);
    expect(problems([field("s", "switch")], { s: "yes" })).toEqual(["s:type"]);
  });

  test("idCard: checksum, birth date, not born in the future", () => {
    const f = [field("id", "idCard")];
    const good = residentId("19900101");
    expect(problems(f, { id: good })).toEqual([]);
    expect(problems(f, { id: `${good.slice(0, 17)}${good[17] === "0" ? "1" : "0"}` })).toEqual(["id:idCard"]);
    expect(problems(f, { id: residentId("19900230") })).toEqual(["id:idCard"]);
    expect(problems(f, { id: residentId("20300101") })).toEqual(["id:idCard"]);
    expect(problems(f, { id: "12345" })).toEqual(["id:idCard"]);
  });

  test("mobile: mainland 11-digit numbers", () => {
    const f = [field("m", "mobile")];
    expect(problems(f, { m: "13912345678" })).toEqual([]);
    expect(problems(f, { m: "12912345678" })).toEqual(["m:mobile"]);
    expect(problems(f, { m: "1391234567" })).toEqual(["m:mobile"]);
  });

  test("pickers: ids, single or multiple, checked against the directory when given", () => {
    const exists = (kind: "person" | "unit", id: string) => (kind === "person" ? id === "p1" : id === "u1");
    const c = { ...ctx, exists };
    const f = [field("p", "personPicker"), field("u", "orgPicker", { multiple: true })];
    expect(problems(f, { p: "p1", u: ["u1"] }, undefined, c)).toEqual([]);
    expect(problems(f, { p: "p2", u: ["u1", "u9"] }, undefined, c)).toEqual(["p:exists", "u[1]:exists"]);
    expect(problems(f, { p: ["p1"], u: "u1" })).toEqual(["p:type", "u:type"]);
  });

  test("file: size, type, count", () => {
    const f = [field("f", "file", { maxSize: 1000, accept: [".pdf", "image/*"], maxFiles: 2 })];
    const file = (name: string, size: number, type: string) => ({ id: name, name, size, type });
    expect(
      problems(f, { f: [file("a.pdf", 10, "application/pdf"), file("b.png", 10, "image/png")] }),
    ).toEqual([]);
    expect(problems(f, { f: [file("a.pdf", 2000, "application/pdf")] })).toEqual(["f[0]:maxSize"]);
    expect(problems(f, { f: [file("a.exe", 10, "application/x-msdownload")] })).toEqual(["f[0]:accept"]);
    expect(problems(f, { f: [file("a.pdf", 1, ""), file("b.pdf", 1, ""), file("c.pdf", 1, "")] })).toEqual([
      "f:maxFiles",
    ]);
    expect(problems(f, { f: [{ name: "x" }] })).toEqual(["f:type"]);
  });

  test("signature: an image data URL or a stored image's reference", () => {
    const f = [field("s", "signature", { required: true })];
    expect(problems(f, { s: "data:image/png;base64,iVBORw0KGgo=" })).toEqual([]);
    expect(problems(f, { s: "javascript:alert(1)" })).toEqual(["s:signature"]);
    // With the host's file storage the value is the stored image's reference.
    expect(problems(f, { s: { id: "f1", name: "signature.png", size: 8, type: "image/png" } })).toEqual([]);
    expect(problems(f, { s: { id: "f1", name: "x.pdf", size: 8, type: "application/pdf" } })).toEqual([
      "s:signature",
    ]);
    expect(problems(f, { s: { name: "signature.png" } })).toEqual(["s:type"]);
    expect(problems(f, {})).toEqual(["s:required"]);
  });

  test("group and table: row counts and every cell's rules", () => {
    const f = [
      field("items", "table", {
        minRows: 1,
        maxRows: 2,
        fields: [field("name", "text", { required: true }), field("amount", "money", { min: 0 })],
      }),
    ];
    expect(problems(f, { items: [] })).toEqual(["items:minRows"]);
    expect(problems(f, { items: [{ name: "a", amount: 1 }] })).toEqual([]);
    expect(problems(f, { items: [{ name: "", amount: -1 }, { name: "b" }] })).toEqual([
      "items[0].name:required",
      "items[0].amount:min",
    ]);
    expect(problems(f, { items: [{}, {}, {}] }).slice(0, 1)).toEqual(["items:maxRows"]);
    expect(problems(f, { items: ["x"] })).toEqual(["items:type"]);
    expect(problems(f, { items: "x" })).toEqual(["items:type"]);
  });

  test("custom messages replace built-in ones", () => {
    const form = formOf([
      field("t", "text", {
        required: true,
        messages: { required: { zh: "请填写姓名", en: "Enter the name" } },
      }),
    ]);
    expect(validateForm(form, {}, undefined, ctx)[0]?.message).toEqual({
      zh: "请填写姓名",
      en: "Enter the name",
    });
  });

  test("messages are given in both languages", () => {
    const [issue] = validateForm(formOf([field("n", "number", { min: 3 })]), { n: 1 }, undefined, ctx);
    expect(issue?.message).toEqual({ zh: "不能小于 3", en: "Must be at least 3" });
  });
});
