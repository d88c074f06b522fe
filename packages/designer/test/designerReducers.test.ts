import { describe, expect, it } from "vitest";
import {
  type DesignForm,
  formDesignerReducer,
  initFormDesigner,
  initWorkflowDesigner,
  workflowDesignerReducer,
} from "../src/index.ts";
import { sampleDefinition } from "./fixtures.ts";

const empty: DesignForm = { id: "fs-x", version: 1, title: { zh: "表", en: "Form" }, fields: [] };

describe("formDesignerReducer", () => {
  it("adds, selects, copies, pastes after the selection, and undoes step by step", () => {
    let s = initFormDesigner(empty);
    s = formDesignerReducer(s, { type: "add", fieldType: "text", list: ["fields"], index: 0 });
    s = formDesignerReducer(s, { type: "add", fieldType: "number", list: ["fields"], index: 1 });
    s = formDesignerReducer(s, { type: "select", path: ["fields", 0] });
    s = formDesignerReducer(s, { type: "copy", path: ["fields", 0] });
    s = formDesignerReducer(s, { type: "paste" });
    expect(s.history.present.fields.map((f) => f.key)).toEqual(["text", "text2", "number"]);
    expect(s.selected).toEqual(["fields", 1]);
    s = formDesignerReducer(s, { type: "undo" });
    expect(s.history.present.fields.map((f) => f.key)).toEqual(["text", "number"]);
    expect(s.selected).toEqual(["fields", 1]);
    s = formDesignerReducer(s, { type: "redo" });
    expect(s.history.present.fields).toHaveLength(3);
  });

  it("cuts into the clipboard and keeps a refused edit as a message", () => {
    let s = initFormDesigner(empty);
    s = formDesignerReducer(s, { type: "add", fieldType: "table", list: ["fields"], index: 0 });
    s = formDesignerReducer(s, {
      type: "add",
      fieldType: "section",
      list: ["fields", 0, "fields"],
      index: 0,
    });
    expect(s.refusal).toMatch(/value fields only/);
    expect(s.history.past).toHaveLength(1);
    s = formDesignerReducer(s, { type: "cut", path: ["fields", 0] });
    expect(s.history.present.fields).toEqual([]);
    expect(s.clipboard?.type).toBe("table");
    expect(s.refusal).toBeNull();
  });

  it("replaces the form from the JSON view as one undoable change", () => {
    let s = initFormDesigner(empty);
    s = formDesignerReducer(s, { type: "replace", form: { ...empty, fields: [{ key: "a", type: "text" }] } });
    expect(s.history.past.map((e) => e.label)).toEqual(["edit JSON"]);
    s = formDesignerReducer(s, { type: "undo" });
    expect(s.history.present).toEqual(empty);
  });
});

describe("workflowDesignerReducer", () => {
  it("adds, renames and connects steps, undoing each", () => {
    let s = initWorkflowDesigner(sampleDefinition());
    s = workflowDesignerReducer(s, { type: "addStep", kind: "userTask" });
    expect(s.selected).toBe("task");
    s = workflowDesignerReducer(s, { type: "renameStep", from: "task", to: "county-check" });
    s = workflowDesignerReducer(s, { type: "connect", from: "decide", to: "county-check" });
    expect(s.history.present.steps.decide?.outcomes?.submit?.to).toBe("county-check");
    s = workflowDesignerReducer(s, { type: "undo" });
    s = workflowDesignerReducer(s, { type: "undo" });
    expect(s.history.present.steps.task).toBeDefined();
    expect(s.history.present.steps["county-check"]).toBeUndefined();
    expect(s.selected).toBe("decide");
  });

  it("keeps the definition when an edit is refused", () => {
    const s0 = initWorkflowDesigner(sampleDefinition());
    const s = workflowDesignerReducer(s0, { type: "renameStep", from: "apply", to: "review" });
    expect(s.history).toBe(s0.history);
    expect(s.refusal).toMatch(/already exists/);
  });
});
