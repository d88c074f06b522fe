import { residentIdCheckChar } from "@wf/expr";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compileForm, parseDecimalInput, validateForm } from "../src/index";
import { localToIsoDateTime } from "../src/react/dateTime";

// The renderer's controls turn what people type into values; these properties check that every
// value a control can produce within a field's limits passes the generated zod schema, and that
// values outside the limits are refused with the right rule.

const ctx = { env: { now: "2026-03-15T09:00:00+08:00" } };
const formOf = (fields: unknown[]) =>
  compileForm({ id: "fs-prop", version: 1, title: { zh: "属性" }, fields });
const rules = (fields: unknown[], values: unknown) =>
  validateForm(formOf(fields), values, undefined, ctx).map((i) => i.rule);

/** Text the number control receives: digits with at most `scale` decimals, maybe separators. */
const typedDecimal = (min: number, max: number, scale: number) =>
  fc
    .tuple(
      fc.integer({ min: Math.ceil(min * 10 ** scale), max: Math.floor(max * 10 ** scale) }),
      fc.boolean(),
    )
    .map(([units, grouped]) => {
      const neg = units < 0;
      const digits = String(Math.abs(units)).padStart(scale + 1, "0");
      let int = scale === 0 ? digits : digits.slice(0, -scale);
      if (grouped) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
      return `${neg ? "-" : ""}${int}${scale === 0 ? "" : `.${digits.slice(-scale)}`}`;
    });

const isoDate = (from: string, to: string) =>
  fc
    .date({ min: new Date(`${from}T00:00:00Z`), max: new Date(`${to}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

describe("the schema accepts what the renderer produces", () => {
  test("number: any typed decimal within range and scale", () => {
    const field = { key: "n", type: "number", min: -1000, max: 1000, scale: 3 };
    fc.assert(
      fc.property(typedDecimal(-1000, 1000, 3), (text) => {
        expect(rules([field], { n: parseDecimalInput(text) })).toEqual([]);
      }),
    );
  });

  test("money: any amount in fen up to the limit", () => {
    const field = { key: "m", type: "money", min: 0, max: 1e9 };
    fc.assert(
      fc.property(typedDecimal(0, 1e9, 2), (text) => {
        expect(rules([field], { m: parseDecimalInput(text) })).toEqual([]);
      }),
    );
  });

  test("text: any string the input's maxLength lets through", () => {
    const field = { key: "t", type: "text", maxLength: 20 };
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 20 }), (s) => {
        fc.pre(s.trim() !== "" && [...s].length <= 20);
        expect(rules([field], { t: s })).toEqual([]);
      }),
    );
  });

  test("date: any day the picker offers between min and max", () => {
    const field = { key: "d", type: "date", min: "2000-01-01", max: { expr: "today()" } };
    fc.assert(
      fc.property(isoDate("2000-01-01", "2026-03-15"), (d) => {
        expect(rules([field], { d })).toEqual([]);
      }),
    );
  });

  test("datetime: any local date-time converted with the zone's offset", () => {
    const field = { key: "t", type: "datetime" };
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1990-01-01T00:00:00Z"),
          max: new Date("2040-01-01T00:00:00Z"),
          noInvalidDate: true,
        }),
        fc.constantFrom("Asia/Shanghai", "UTC", "America/New_York"),
        (d, zone) => {
          const local = d.toISOString().slice(0, 16);
          expect(rules([field], { t: localToIsoDateTime(local, zone) })).toEqual([]);
        },
      ),
    );
  });

  test("multiSelect: any subset within the item limits, in option order", () => {
    const options = ["a", "b", "c", "d", "e"].map((v) => ({ value: v, label: { zh: v } }));
    const field = { key: "m", type: "multiSelect", options, minItems: 1, maxItems: 3 };
    fc.assert(
      fc.property(fc.subarray(["a", "b", "c", "d", "e"], { minLength: 1, maxLength: 3 }), (m) => {
        expect(rules([field], { m })).toEqual([]);
      }),
    );
  });

  test("idCard: any well-formed resident ID number born before today", () => {
    fc.assert(
      fc.property(
        isoDate("1900-01-01", "2026-03-15"),
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom("110105", "370602", "522301"),
        (birth, seq, region) => {
          const first = `${region}${birth.replace(/-/g, "")}${String(seq).padStart(3, "0")}`;
          expect(rules([{ key: "id", type: "idCard" }], { id: first + residentIdCheckChar(first) })).toEqual(
            [],
          );
        },
      ),
    );
  });

  test("mobile: any mainland mobile number", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 9 }),
        fc.integer({ min: 0, max: 999_999_999 }),
        (second, rest) => {
          const m = `1${second}${String(rest).padStart(9, "0")}`;
          expect(rules([{ key: "m", type: "mobile" }], { m })).toEqual([]);
        },
      ),
    );
  });

  test("table: any rows with cells in range", () => {
    const field = {
      key: "items",
      type: "table",
      maxRows: 10,
      fields: [
        { key: "name", type: "text", required: true, maxLength: 10 },
        { key: "amount", type: "money", min: 0, max: 10000 },
      ],
    };
    const row = fc.record({
      name: fc.string({ minLength: 1, maxLength: 10 }).filter((s) => s.trim() !== ""),
      amount: typedDecimal(0, 10000, 2).map((t) => parseDecimalInput(t)),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 10 }), (items) => {
        expect(rules([field], { items })).toEqual([]);
      }),
    );
  });
});

describe("the schema refuses values out of range", () => {
  test("numbers below min, above max, or with too many decimals", () => {
    const field = { key: "n", type: "number", min: 0, max: 100, scale: 2 };
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), (n) => {
        const r = rules([field], { n });
        if (n < 0) expect(r).toContain("min");
        if (n > 100) expect(r).toContain("max");
        if (Math.round(n * 100) / 100 !== n) expect(r).toContain("scale");
        if (n >= 0 && n <= 100 && Math.round(n * 100) / 100 === n) expect(r).toEqual([]);
      }),
    );
  });

  test("text longer than maxLength or shorter than minLength", () => {
    const field = { key: "t", type: "text", minLength: 3, maxLength: 5 };
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== ""),
        (t) => {
          const n = [...t].length;
          const r = rules([field], { t });
          expect(r).toEqual(n < 3 ? ["minLength"] : n > 5 ? ["maxLength"] : []);
        },
      ),
    );
  });

  test("dates outside the range", () => {
    const field = { key: "d", type: "date", min: "2020-01-01", max: "2020-12-31" };
    fc.assert(
      fc.property(isoDate("1950-01-01", "2090-12-31"), (d) => {
        const r = rules([field], { d });
        expect(r).toEqual(d < "2020-01-01" ? ["min"] : d > "2020-12-31" ? ["max"] : []);
      }),
    );
  });

  test("any corruption of a resident ID number's check digit", () => {
    fc.assert(
      fc.property(isoDate("1950-01-01", "2020-12-31"), fc.constantFrom(..."0123456789X"), (birth, check) => {
        const first = `110105${birth.replace(/-/g, "")}123`;
        fc.pre(check !== residentIdCheckChar(first));
        expect(rules([{ key: "id", type: "idCard" }], { id: first + check })).toEqual(["idCard"]);
      }),
    );
  });

  test("more rows than maxRows", () => {
    const field = { key: "g", type: "group", maxRows: 3, fields: [{ key: "x", type: "text" }] };
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 20 }), (n) => {
        expect(rules([field], { g: Array.from({ length: n }, () => ({ x: "a" })) })).toEqual(["maxRows"]);
      }),
    );
  });
});
