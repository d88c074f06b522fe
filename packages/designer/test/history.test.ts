import { describe, expect, it } from "vitest";
import { applyPatch, createHistory, diffJson, recordChange, redo, undo } from "../src/index.ts";

describe("diffJson / applyPatch", () => {
  it("turns one document into another and back", () => {
    const a = { id: "f", fields: [{ key: "a" }, { key: "b" }], title: { zh: "表" } };
    const b = { id: "f", fields: [{ key: "a", required: true }, { key: "c" }], extra: 1 };
    const forward = diffJson(a, b);
    expect(applyPatch(a, forward)).toEqual(b);
    expect(applyPatch(b, diffJson(b, a))).toEqual(a);
  });

  it("replaces arrays whose length changes and keeps untouched subtrees by reference", () => {
    const a = { list: [1, 2], keep: { deep: [1] } };
    const b = { list: [1, 2, 3], keep: a.keep };
    expect(diffJson(a, b)).toEqual([{ op: "set", path: ["list"], value: [1, 2, 3] }]);
    const patched = applyPatch(a, diffJson(a, b));
    expect(patched.keep).toBe(a.keep);
    expect(a.list).toEqual([1, 2]);
  });

  it("finds no change between equal documents", () => {
    expect(diffJson({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
  });
});

describe("history", () => {
  it("undoes and redoes changes in order, and a new change clears redo", () => {
    let h = createHistory({ n: 1 });
    h = recordChange(h, "two", { n: 2 });
    h = recordChange(h, "three", { n: 3 });
    h = undo(h);
    expect(h.present).toEqual({ n: 2 });
    h = undo(h);
    expect(h.present).toEqual({ n: 1 });
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.present).toEqual({ n: 2 });
    h = recordChange(h, "four", { n: 4 });
    expect(h.future).toEqual([]);
    expect(redo(h)).toBe(h);
    expect(h.past.map((e) => e.label)).toEqual(["two", "four"]);
  });

  it("does not record a change that changes nothing", () => {
    const h = createHistory({ n: 1 });
    expect(recordChange(h, "same", { n: 1 })).toBe(h);
  });
});
