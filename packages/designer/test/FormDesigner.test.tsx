import { EditorView } from "@codemirror/view";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { type DesignDefinition, type DesignForm, FormDesigner, newForm } from "../src/index.ts";

const label = (zh: string, en: string) => ({ zh, en });

function sample(): DesignForm {
  return {
    id: "fs-sample",
    version: 1,
    title: label("样表", "Sample"),
    fields: [
      { key: "name", type: "text", label: label("姓名", "Name"), required: true },
      {
        type: "section",
        label: label("分组", "Section"),
        fields: [{ key: "age", type: "number", label: label("年龄", "Age") }],
      },
    ],
  };
}

function canvasCaptions(): string[] {
  const canvas = document.querySelector(".wf-fd-canvas") as HTMLElement;
  return [...canvas.querySelectorAll(".wf-fd-caption")].map((n) => n.textContent?.replace(" *", "") ?? "");
}

function selectField(caption: string) {
  const canvas = document.querySelector(".wf-fd-canvas") as HTMLElement;
  const found = [...canvas.querySelectorAll<HTMLButtonElement>(".wf-fd-select")].find((b) =>
    b.querySelector(".wf-fd-caption")?.textContent?.startsWith(caption),
  );
  if (!found) throw new Error(`no field "${caption}" on the canvas`);
  fireEvent.click(found);
}

// getByRole computes styles for every element, which jsdom does slowly with CodeMirror's style
// sheets on the page; these tests find controls by their text instead.
const button = (name: string | RegExp, scope: HTMLElement = document.body) =>
  within(scope).getByText(name, { selector: "button" }) as HTMLButtonElement;
const tab = (name: string | RegExp) => within(document.body).getByText(name, { selector: "[role=tab]" });
const palette = () => document.querySelector(".wf-fd-palette") as HTMLElement;

const root = () => document.querySelector(".wf-form-designer") as HTMLElement;

describe("FormDesigner", { timeout: 20_000 }, () => {
  it("adds fields from the palette after the selection, and undoes and redoes by button and keys", () => {
    const onChange = vi.fn();
    render(<FormDesigner form={sample()} locale="en" onChange={onChange} />);
    selectField("Name");
    fireEvent.click(button("Date", palette()));
    expect(canvasCaptions()).toEqual(["Name", "Date", "Section", "Age"]);
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ fields: expect.arrayContaining([expect.objectContaining({ key: "date" })]) }),
    );
    fireEvent.click(button("Undo"));
    expect(canvasCaptions()).toEqual(["Name", "Section", "Age"]);
    fireEvent.keyDown(root(), { key: "y", ctrlKey: true });
    expect(canvasCaptions()).toEqual(["Name", "Date", "Section", "Age"]);
    fireEvent.keyDown(root(), { key: "z", ctrlKey: true });
    expect(canvasCaptions()).toEqual(["Name", "Section", "Age"]);
  });

  it("moves the selected field with Alt+arrows and the move buttons, into and out of containers", () => {
    render(<FormDesigner form={sample()} locale="en" />);
    selectField("Name");
    fireEvent.keyDown(root(), { key: "ArrowDown", altKey: true });
    expect(canvasCaptions()).toEqual(["Section", "Age", "Name"]);
    fireEvent.click(button("Move into container above"));
    expect(canvasCaptions()).toEqual(["Section", "Age", "Name"]);
    expect(
      (document.querySelector('[aria-label="Section"]') as HTMLElement).querySelectorAll(":scope > li"),
    ).toHaveLength(2);
    fireEvent.keyDown(root(), { key: "ArrowLeft", altKey: true });
    expect(
      (document.querySelector('[aria-label="Section"]') as HTMLElement).querySelectorAll(":scope > li"),
    ).toHaveLength(1);
    fireEvent.click(button("Move up"));
    expect(canvasCaptions()).toEqual(["Name", "Section", "Age"]);
    expect(button("Move up")).toHaveProperty("disabled", true);
  });

  it("copies, pastes, duplicates and deletes with fresh keys", () => {
    render(<FormDesigner form={sample()} locale="en" />);
    selectField("Name");
    fireEvent.keyDown(root(), { key: "c", ctrlKey: true });
    fireEvent.keyDown(root(), { key: "v", ctrlKey: true });
    fireEvent.click(button("Duplicate"));
    const keys = [...document.querySelectorAll(".wf-fd-key")].map((n) => n.textContent);
    expect(keys).toEqual(["name", "name2", "name3", "age"]);
    fireEvent.keyDown(root(), { key: "Delete" });
    expect(button("Delete").disabled).toBe(true);
    fireEvent.click(document.querySelector('[data-path="fields[1]"] .wf-fd-select') as HTMLElement);
    fireEvent.click(button("Delete"));
    expect(canvasCaptions()).toEqual(["Name", "Section", "Age"]);
    fireEvent.keyDown(root(), { key: "x", ctrlKey: true });
    expect(canvasCaptions()).toEqual(["Name", "Section", "Age"]);
  });

  it("edits properties with one undo step per edit, including options", () => {
    render(<FormDesigner form={sample()} locale="en" />);
    selectField("Name");
    const en = screen.getByLabelText("Label (English)");
    fireEvent.change(en, { target: { value: "Full" } });
    fireEvent.change(en, { target: { value: "Full name" } });
    expect(canvasCaptions()[0]).toBe("Name");
    fireEvent.blur(en);
    expect(canvasCaptions()[0]).toBe("Full name");
    fireEvent.click(button("Undo"));
    expect(canvasCaptions()[0]).toBe("Name");
    fireEvent.click(button("Radio", palette()));
    fireEvent.click(button("Add option"));
    expect(screen.getByLabelText("Value 3")).toHaveProperty("value", "option3");
    fireEvent.click(button("Delete 1"));
    expect(screen.getByLabelText("Value 1")).toHaveProperty("value", "b");
  });

  it("selects from the outline", () => {
    render(<FormDesigner form={sample()} locale="en" />);
    fireEvent.click(tab("Outline"));
    fireEvent.click(button(/Age/, document.querySelector(".wf-fd-outline") as HTMLElement));
    expect(document.querySelector("[data-selected]")?.getAttribute("data-path")).toBe("fields[1].fields[0]");
  });

  it("applies JSON edits to the canvas and marks problems in place", () => {
    render(<FormDesigner form={sample()} locale="en" />);
    fireEvent.click(tab(/JSON/));
    const view = EditorView.findFromDOM(document.querySelector(".wf-json-view .cm-editor") as HTMLElement)!;
    const next = {
      ...sample(),
      fields: [...sample().fields, { key: "name", type: "text", label: { zh: "重复" } }],
    };
    act(() =>
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: JSON.stringify(next, null, 2) },
      }),
    );
    expect(canvasCaptions()).toEqual(["Name", "Section", "Age", "重复"]);
    const problems = document.querySelector('[aria-label="JSON: Problems"]')?.textContent ?? "";
    expect(problems).toContain('the key "name" is used twice');
    expect(problems).toContain("needs both Chinese and English");
    expect(
      document.querySelector(".wf-json-view .cm-lintRange-error, .wf-json-view .cm-lintRange"),
    ).not.toBeNull();
  });

  it("publishes the next version only when the checks pass", () => {
    const onPublish = vi.fn();
    render(<FormDesigner form={sample()} locale="en" onPublish={onPublish} />);
    fireEvent.click(button("Text", palette()));
    fireEvent.click(tab(/Publish checks/));
    expect(tab("Publish checks (0)")).toBeDefined();
    fireEvent.click(button("Publish new version"));
    expect(onPublish).toHaveBeenCalledWith(expect.objectContaining({ id: "fs-sample", version: 2 }));
    fireEvent.click(tab("Properties"));
    const key = screen.getByLabelText("Key");
    fireEvent.change(key, { target: { value: "name" } });
    fireEvent.blur(key);
    fireEvent.click(tab(/Publish checks/));
    expect(tab("Publish checks (1)")).toBeDefined();
    expect(screen.getByText(/the key "name" is used twice/)).toBeDefined();
    expect(button("Publish new version").disabled).toBe(true);
    fireEvent.click(screen.getByText(/the key "name" is used twice/));
    expect(document.querySelector("[data-selected]")?.getAttribute("data-path")).toBe("fields[2]");
    expect((screen.getByLabelText("Key") as HTMLInputElement).value).toBe("name");
  });

  it("previews as a role at a step, with that step's permissions", async () => {
    const definition: DesignDefinition = {
      id: "proc",
      version: 1,
      title: label("流程", "Procedure"),
      initial: "review",
      steps: {
        review: {
          kind: "userTask",
          title: label("审查", "Review"),
          assignee: { role: "org-dept" },
          form: { ref: "fs-sample", fields: { age: "hidden" }, default: "readonly" },
        },
      },
    };
    render(<FormDesigner form={sample()} locale="en" definitions={[definition]} />);
    fireEvent.click(tab("Preview"));
    const preview = document.querySelector(".wf-fd-preview") as HTMLElement;
    expect(within(preview).getByLabelText(/Age/)).toBeDefined();
    fireEvent.change(within(preview).getByLabelText("Preview at step"), { target: { value: "proc/review" } });
    expect(within(preview).queryByLabelText(/Age/)).toBeNull();
    expect(within(preview).getByText("Procedure / Review (org-dept)", { selector: "option" })).toBeDefined();
  });

  it("builds a form from nothing with a condition written in the expression editor, and publishes it", () => {
    const onPublish = vi.fn();
    render(<FormDesigner form={newForm("fs-leave", { zh: "请假单" })} locale="en" onPublish={onPublish} />);
    const commit = (label: string, value: string) => {
      const input = screen.getByLabelText(label);
      fireEvent.change(input, { target: { value } });
      fireEvent.blur(input);
    };
    commit("Label (English)", "Leave form");
    fireEvent.click(button("Number", palette()));
    commit("Key", "days");
    commit("Label (English)", "Days");
    fireEvent.click(button("Text area", palette()));
    commit("Key", "reason");
    const editor = document.querySelectorAll(".wf-prop-expr .cm-editor")[0] as HTMLElement;
    const view = EditorView.findFromDOM(editor)!;
    act(() => view.dispatch({ changes: { from: 0, insert: "days > 3" } }));
    fireEvent.focusOut(view.contentDOM, { relatedTarget: null });
    fireEvent.click(tab(/Publish checks/));
    expect(tab("Publish checks (0)")).toBeDefined();
    fireEvent.click(button("Publish new version"));
    expect(onPublish).toHaveBeenCalledWith({
      id: "fs-leave",
      version: 2,
      title: { zh: "请假单", en: "Leave form" },
      fields: [
        { type: "number", key: "days", label: { zh: "数字", en: "Days" } },
        { type: "textarea", key: "reason", label: { zh: "多行文本", en: "Text area" }, visible: "days > 3" },
      ],
    });
  });

  it("adds a validation rule whose expression sees the field's value, with its message", () => {
    const onChange = vi.fn();
    render(<FormDesigner form={sample()} locale="en" onChange={onChange} />);
    selectField("Age");
    fireEvent.click(button("Add validation rule"));
    const fieldset = [...document.querySelectorAll(".wf-prop-expr")].find(
      (f) => f.querySelector("legend")?.textContent === "Must hold 1",
    );
    const view = EditorView.findFromDOM(fieldset?.querySelector(".cm-editor") as HTMLElement)!;
    act(() => view.dispatch({ changes: { from: 0, insert: "value >= 18" } }));
    expect(document.querySelector('[aria-label="Must hold 1: Problems"]')).toBeNull();
    fireEvent.focusOut(view.contentDOM, { relatedTarget: null });
    const message = screen.getByLabelText("Message when it does not 1 (en)");
    fireEvent.change(message, { target: { value: "Too young" } });
    fireEvent.blur(message);
    const latest = () => onChange.mock.calls.at(-1)?.[0] as DesignForm;
    const age = () => (latest().fields[1]?.fields as DesignForm["fields"] | undefined)?.[0];
    expect(age()?.rules).toEqual([{ check: "value >= 18", message: { zh: "填写有误", en: "Too young" } }]);
    fireEvent.click(button("Delete Validation rules 1"));
    expect(age()).toEqual({ key: "age", type: "number", label: { zh: "年龄", en: "Age" } });
  });
});
