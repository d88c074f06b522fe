import { describe, expect, it } from "vitest";
import {
  addField,
  canDrop,
  type DesignForm,
  duplicateField,
  fieldAt,
  formOutline,
  moveField,
  PALETTE,
  pasteField,
  removeField,
  updateField,
} from "../src/index.ts";

function form(): DesignForm {
  return {
    id: "fs-test",
    version: 1,
    title: { zh: "测试", en: "Test" },
    fields: [
      { key: "name", type: "text", label: { zh: "姓名", en: "Name" } },
      { type: "section", label: { zh: "分组", en: "Section" }, fields: [{ key: "age", type: "number" }] },
      { key: "members", type: "group", fields: [{ key: "name", type: "text" }] },
      { type: "tabs", tabs: [{ title: { zh: "一", en: "One" }, fields: [] }] },
    ],
  };
}

const keys = (f: DesignForm) => f.fields.map((x) => x.key ?? x.type);

describe("adding fields from the palette", () => {
  it("creates every palette type with a fresh key and both labels", () => {
    let f = form();
    for (const item of PALETTE) {
      if (item.type === "wizard") continue;
      f = addField(f, item.type, ["fields"], f.fields.length).form;
    }
    const added = f.fields.slice(4);
    expect(added).toHaveLength(PALETTE.length - 1);
    const addedKeys = added.flatMap((x) => (x.key ? [x.key] : []));
    expect(new Set(addedKeys).size).toBe(addedKeys.length);
    expect(added.find((x) => x.type === "text")?.key).toBe("text");
    for (const x of added) if (x.label) expect(x.label.en).toBeTruthy();
  });

  it("renames a key taken in the same scope but not one taken in a group's own scope", () => {
    const f = form();
    const placed = pasteField(f, ["fields"], 0, { key: "age", type: "number" });
    expect(placed.form.fields[0]?.key).toBe("age2");
    const inGroup = pasteField(f, ["fields", 2, "fields"], 1, { key: "age", type: "number" });
    expect(fieldAt(inGroup.form, inGroup.path)?.key).toBe("age");
  });

  it("inserts into a tab at the given position and reports the path", () => {
    const placed = addField(form(), "date", ["fields", 3, "tabs", 0, "fields"], 0);
    expect(placed.path).toEqual(["fields", 3, "tabs", 0, "fields", 0]);
    expect(fieldAt(placed.form, placed.path)?.type).toBe("date");
  });

  it("refuses layout items and nested groups as columns of a group", () => {
    const f = form();
    expect(canDrop(f, "section", ["fields", 2, "fields"])).toBe(false);
    expect(canDrop(f, "table", ["fields", 2, "fields"])).toBe(false);
    expect(canDrop(f, "text", ["fields", 2, "fields"])).toBe(true);
    expect(() => addField(f, "section", ["fields", 2, "fields"], 0)).toThrow(/value fields only/);
  });
});

describe("moving fields", () => {
  it("moves down and up within one list, counting the target index before the move", () => {
    const f = form();
    expect(keys(moveField(f, ["fields", 0], ["fields"], 3).form)).toEqual([
      "section",
      "members",
      "name",
      "tabs",
    ]);
    expect(keys(moveField(f, ["fields", 2], ["fields"], 0).form)).toEqual([
      "members",
      "name",
      "section",
      "tabs",
    ]);
  });

  it("moves into a container that sits after the field, fixing the shifted path", () => {
    const moved = moveField(form(), ["fields", 0], ["fields", 3, "tabs", 0, "fields"], 0);
    expect(moved.path).toEqual(["fields", 2, "tabs", 0, "fields", 0]);
    expect(fieldAt(moved.form, moved.path)?.key).toBe("name");
  });

  it("moves out of a section and never into itself", () => {
    const f = form();
    const out = moveField(f, ["fields", 1, "fields", 0], ["fields"], 0);
    expect(keys(out.form)[0]).toBe("age");
    expect(() => moveField(f, ["fields", 1], ["fields", 1, "fields"], 0)).toThrow();
  });

  it("renames a moved field whose key is taken in the target scope", () => {
    const moved = moveField(form(), ["fields", 2, "fields", 0], ["fields"], 0);
    expect(moved.form.fields[0]?.key).toBe("name2");
  });
});

describe("removing, duplicating, editing", () => {
  it("removes a field with its children", () => {
    expect(keys(removeField(form(), ["fields", 1]))).toEqual(["name", "members", "tabs"]);
  });

  it("duplicates right after the original with fresh keys for a section's fields", () => {
    const dup = duplicateField(form(), ["fields", 1]);
    expect(dup.path).toEqual(["fields", 2]);
    expect(dup.form.fields[2]?.fields).toEqual([{ key: "age2", type: "number" }]);
    const group = duplicateField(form(), ["fields", 2]);
    expect(group.form.fields[3]?.key).toBe("members2");
    expect(group.form.fields[3]?.fields).toEqual([{ key: "name", type: "text" }]);
  });

  it("sets and removes properties without touching the input", () => {
    const f = form();
    const edited = updateField(f, ["fields", 0], { required: true, label: undefined });
    expect(edited.fields[0]).toEqual({ key: "name", type: "text", required: true });
    expect(f.fields[0]?.label).toBeDefined();
    expect(edited.fields[1]).toBe(f.fields[1]);
  });
});

describe("outline", () => {
  it("lists fields as a tree with tabs as their own nodes", () => {
    const tree = formOutline(addField(form(), "text", ["fields", 3, "tabs", 0, "fields"], 0).form, "en");
    expect(tree.map((n) => n.title)).toEqual(["Name", "Section", "members", "Tabs"]);
    expect(tree[1]?.children.map((n) => n.key)).toEqual(["age"]);
    expect(tree[3]?.children[0]).toMatchObject({ kind: "panel", title: "One" });
    expect(tree[3]?.children[0]?.children[0]?.path).toEqual(["fields", 3, "tabs", 0, "fields", 0]);
  });
});
