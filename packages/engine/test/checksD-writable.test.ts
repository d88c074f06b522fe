import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writableForm } from "../src/runtime/writableForm";

/** writableForm as it was written before it remembered each binding's dropped names. */
function reference(binding: { fields?: Record<string, string>; default?: string }, values: unknown): unknown {
  if (values === null || typeof values !== "object" || Array.isArray(values)) return values;
  const fields = binding.fields ?? {};
  const fallback = binding.default ?? "editable";
  const ok = (key: string) => {
    const permission = fields[key] ?? fallback;
    return permission !== "hidden" && permission !== "readonly";
  };
  const keys = Object.keys(values);
  if (keys.every(ok)) return values;
  const out: Record<string, unknown> = {};
  for (const key of keys)
    if (ok(key))
      Object.defineProperty(out, key, {
        value: (values as Record<string, unknown>)[key],
        writable: true,
        enumerable: true,
        configurable: true,
      });
  return out;
}

const name = fc.constantFrom("a", "b", "c", "7", "__proto__", "toString", "constructor", "hasOwnProperty");
const permission = fc.constantFrom("editable", "required", "readonly", "hidden");
/** Objects as JSON.parse makes them: `__proto__` an own key. */
const record = <T>(value: fc.Arbitrary<T>) =>
  fc.uniqueArray(fc.tuple(name, value), { selector: ([k]) => k, maxLength: 6 }).map((entries) => {
    const out: Record<string, T> = {};
    for (const [k, v] of entries)
      Object.defineProperty(out, k, { value: v, writable: true, enumerable: true, configurable: true });
    return out;
  });
const binding = fc.record(
  { ref: fc.constant("f"), fields: record(permission), default: permission },
  { requiredKeys: ["ref"] },
);
const values = fc.oneof(record(fc.jsonValue()), fc.jsonValue());

describe("writableForm", () => {
  it("drops exactly what a lookup per key drops, and shares the values when it drops nothing", () => {
    fc.assert(
      fc.property(binding, fc.array(values, { minLength: 1, maxLength: 3 }), (b, vs) => {
        // The same binding again and again (what a step does), with other values each time.
        for (const v of vs) {
          const got = writableForm(b, v);
          const want = reference(b, v);
          if (want === v) expect(got).toBe(v);
          else {
            expect(got).toEqual(want);
            expect(Object.keys(got as object)).toEqual(Object.keys(want as object));
            expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("follows a binding given other fields or another default", () => {
    const b: { ref: string; fields?: Record<string, "readonly" | "hidden">; default?: "readonly" } = {
      ref: "f",
    };
    const v = { a: 1, b: 2 };
    expect(writableForm(b, v)).toBe(v);
    b.fields = { a: "readonly" };
    expect(writableForm(b, v)).toEqual({ b: 2 });
    b.default = "readonly";
    b.fields = {};
    expect(writableForm(b, v)).toEqual({});
  });
});
