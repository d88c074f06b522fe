import { describe, expect, it } from "vitest";
import { type DesignForm, keyboardMoves, moveField } from "../src/index.ts";

const form: DesignForm = {
  id: "fs",
  version: 1,
  title: { zh: "表", en: "Form" },
  fields: [
    { key: "a", type: "text" },
    {
      type: "tabs",
      tabs: [
        { title: { zh: "一" }, fields: [] },
        { title: { zh: "二" }, fields: [{ key: "b", type: "text" }] },
      ],
    },
    { key: "c", type: "text" },
    { key: "rows", type: "table", fields: [{ key: "x", type: "number" }] },
    { type: "section", fields: [] },
  ],
};

describe("keyboardMoves", () => {
  it("offers up and down within the list", () => {
    const moves = keyboardMoves(form, ["fields", 0]);
    expect(moves.up).toBeUndefined();
    expect(keys(moveField(form, ["fields", 0], moves.down!.list, moves.down!.index).form)).toEqual([
      "tabs",
      "a",
      "c",
      "rows",
      "section",
    ]);
    const up = keyboardMoves(form, ["fields", 2]).up!;
    expect(keys(moveField(form, ["fields", 2], up.list, up.index).form)).toEqual([
      "a",
      "c",
      "tabs",
      "rows",
      "section",
    ]);
    expect(keyboardMoves(form, ["fields", 4]).down).toBeUndefined();
  });

  it("moves into the container above (its last tab) and back out after it", () => {
    const into = keyboardMoves(form, ["fields", 2]).into!;
    expect(into).toEqual({ list: ["fields", 1, "tabs", 1, "fields"], index: 1 });
    const inside = moveField(form, ["fields", 2], into.list, into.index);
    const out = keyboardMoves(inside.form, inside.path).out!;
    expect(out).toEqual({ list: ["fields"], index: 2 });
    expect(keys(moveField(inside.form, inside.path, out.list, out.index).form)).toEqual([
      "a",
      "tabs",
      "c",
      "rows",
      "section",
    ]);
  });

  it("does not offer moves the form language forbids", () => {
    expect(keyboardMoves(form, ["fields", 4]).into).toBeUndefined();
    expect(keyboardMoves(form, ["fields", 0]).into).toBeUndefined();
    expect(keyboardMoves(form, ["fields", 3, "fields", 0]).out).toEqual({ list: ["fields"], index: 4 });
    expect(keyboardMoves(form, ["fields", 9])).toEqual({});
  });
});

function keys(f: DesignForm) {
  return f.fields.map((x) => x.key ?? x.type);
}
