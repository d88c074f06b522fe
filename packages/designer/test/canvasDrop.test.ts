import { describe, expect, it } from "vitest";
import {
  type DesignForm,
  dropAction,
  fieldDndId,
  formDesignerReducer,
  initFormDesigner,
  listDndId,
  paletteDndId,
  parseDndId,
} from "../src/index.ts";

const form: DesignForm = {
  id: "fs",
  version: 1,
  title: { zh: "表", en: "Form" },
  fields: [
    { key: "a", type: "text" },
    { key: "b", type: "text" },
    { key: "c", type: "text" },
    { type: "section", fields: [] },
  ],
};

function dropped(active: string, over: string | null): string[] {
  const action = dropAction(form, active, over);
  if (!action) return [];
  const state = formDesignerReducer(initFormDesigner(form), action);
  const names = (fields: DesignForm["fields"]): string[] =>
    fields.flatMap((f) => [
      f.key ?? f.type,
      ...(Array.isArray(f.fields) ? names(f.fields as DesignForm["fields"]).map((n) => `  ${n}`) : []),
    ]);
  return names(state.history.present.fields);
}

describe("canvas drops", () => {
  it("round-trips ids", () => {
    expect(parseDndId(fieldDndId(["fields", 3, "tabs", 0, "fields", 1]))).toEqual({
      kind: "field",
      path: ["fields", 3, "tabs", 0, "fields", 1],
    });
    expect(parseDndId(listDndId(["fields"]))).toEqual({ kind: "list", path: ["fields"] });
    expect(parseDndId(paletteDndId("multiSelect"))).toEqual({ kind: "palette", type: "multiSelect" });
    expect(parseDndId("other")).toBeUndefined();
  });

  it("puts a field dragged down after the field it is dropped on, and up before it", () => {
    expect(dropped(fieldDndId(["fields", 0]), fieldDndId(["fields", 2]))).toEqual(["b", "c", "a", "section"]);
    expect(dropped(fieldDndId(["fields", 2]), fieldDndId(["fields", 0]))).toEqual(["c", "a", "b", "section"]);
    expect(dropAction(form, fieldDndId(["fields", 1]), fieldDndId(["fields", 1]))).toBeUndefined();
  });

  it("drops into an empty container and adds palette fields where they land", () => {
    expect(dropped(fieldDndId(["fields", 0]), listDndId(["fields", 3, "fields"]))).toEqual([
      "b",
      "c",
      "section",
      "  a",
    ]);
    expect(dropped(paletteDndId("date"), fieldDndId(["fields", 1]))).toEqual([
      "a",
      "date",
      "b",
      "c",
      "section",
    ]);
    expect(dropped(paletteDndId("date"), listDndId(["fields"]))).toEqual(["a", "b", "c", "section", "date"]);
  });

  it("ignores drops outside any target and a container dropped into itself", () => {
    expect(dropAction(form, fieldDndId(["fields", 0]), null)).toBeUndefined();
    expect(dropAction(form, fieldDndId(["fields", 3]), listDndId(["fields", 3, "fields"]))).toBeUndefined();
  });
});
