import { describe, expect, it } from "vitest";
import { writableForm } from "../src/runtime/writableForm";

describe("writableForm", () => {
  it("drops hidden and read-only fields, by name or by the step's default", () => {
    const values = { name: "Li", rank: "科级", note: "x" };
    expect(writableForm({ ref: "f", fields: { rank: "readonly", note: "hidden" } }, values)).toEqual({
      name: "Li",
    });
    expect(writableForm({ ref: "f", default: "readonly", fields: { note: "editable" } }, values)).toEqual({
      note: "x",
    });
  });

  it("hands back the submitted values themselves when nothing is dropped", () => {
    const values = { name: "Li" };
    expect(writableForm({ ref: "f" }, values)).toBe(values);
  });

  it("keeps a parsed __proto__ key a key, never the copy's prototype", () => {
    const values = JSON.parse('{"__proto__": {"polluted": true}, "rank": "x"}') as object;
    const out = writableForm({ ref: "f", fields: { rank: "readonly" } }, values) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.hasOwn(out, "__proto__")).toBe(true);
    expect((out as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
