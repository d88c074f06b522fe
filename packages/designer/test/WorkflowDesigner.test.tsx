import { EditorView } from "@codemirror/view";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { WorkflowDesigner } from "../src/index.ts";
import {
  button,
  clerk,
  node,
  nodeTitles,
  reviewer,
  selectStep,
  setup,
  tab,
  toolbar,
  twoSteps,
  units,
} from "./workflowHarness.tsx";

describe("WorkflowDesigner", { timeout: 20_000 }, () => {
  it("draws every step with a start marker", () => {
    setup();
    expect(nodeTitles()).toEqual(["Start", "Apply", "Approve", "Done"]);
    expect(document.querySelector(".wf-wd-node[data-issues]")).toBeNull();
  });

  it("adds a step of the chosen kind, shows the engine's checks on it, and undoes with Ctrl+Z", () => {
    const { last } = setup();
    fireEvent.change(within(toolbar()).getByLabelText("Kind"), { target: { value: "timer" } });
    fireEvent.click(button("Add step"));
    expect(last()?.steps.wait).toMatchObject({ kind: "timer", after: { days: 1 } });
    expect(node("wait").dataset.issues).toBe("true");
    expect(node("wait").querySelector(".wf-wd-badge")?.getAttribute("aria-label")).toMatch(
      /missing required field "to"/,
    );
    expect(tab(/Problems \(\d+\)/).textContent).not.toBe("Problems (0)");
    fireEvent.click(tab(/Problems/));
    fireEvent.click(screen.getByText(/missing required field "to"/, { selector: "button" }));
    expect((screen.getByLabelText("Step id") as HTMLInputElement).value).toBe("wait");
    fireEvent.click(tab(/Problems/));
    fireEvent.keyDown(document.querySelector(".wf-workflow-designer") as HTMLElement, {
      key: "z",
      ctrlKey: true,
    });
    expect(nodeTitles()).toEqual(["Start", "Apply", "Approve", "Done"]);
  });

  it("shares the form designer's undo and redo buttons, which name the change they act on", () => {
    setup();
    const undo = within(toolbar()).getByRole("button", { name: "Undo" });
    const redo = within(toolbar()).getByRole("button", { name: "Redo" });
    expect([undo.hasAttribute("disabled"), redo.hasAttribute("disabled")]).toEqual([true, true]);
    fireEvent.click(button("Add step"));
    expect(undo.hasAttribute("disabled")).toBe(false);
    expect(undo.getAttribute("title")).toMatch(/add/i);
    fireEvent.click(undo);
    expect(redo.getAttribute("title")).toMatch(/add/i);
    expect(undo.hasAttribute("disabled")).toBe(true);
  });

  it("renames a step from its properties, updating the arrows into it", () => {
    const { last } = setup();
    selectStep("approve");
    const id = screen.getByLabelText("Step id");
    fireEvent.change(id, { target: { value: "county-approval" } });
    fireEvent.blur(id);
    expect(last()?.steps.apply?.outcomes?.submit?.to).toBe("county-approval");
    expect(node("county-approval")).not.toBeNull();
  });

  it("connects, reroutes and removes steps with the keyboard controls", () => {
    const { last } = setup();
    selectStep("approve");
    fireEvent.change(within(toolbar()).getByLabelText("Connect to"), { target: { value: "apply" } });
    fireEvent.click(within(toolbar()).getByText("Connect to", { selector: "button" }));
    expect(last()?.steps.approve?.outcomes?.submit).toMatchObject({ to: "apply" });
    fireEvent.change(screen.getByLabelText("Goes to (ok)"), { target: { value: "" } });
    expect(last()?.steps.approve?.outcomes?.ok).toEqual({ label: { zh: "同意", en: "OK" } });
    fireEvent.click(within(toolbar()).getByText("Delete", { selector: "button" }));
    expect(last()?.steps.approve).toBeUndefined();
    expect(last()?.steps.apply?.outcomes?.submit).toEqual({ label: { zh: "提交", en: "Submit" } });
  });

  it("edits the assignee, form and per-field permissions of a task", () => {
    const form = {
      id: "fs-leave",
      version: 1,
      title: { zh: "请假单", en: "Leave form" },
      fields: [{ key: "days", type: "number", label: { zh: "天数", en: "Days" } }],
    };
    const { last } = setup({ forms: [form] });
    selectStep("approve");
    fireEvent.change(screen.getByLabelText("Up to level"), { target: { value: "township" } });
    expect(last()?.steps.approve?.assignee?.at).toEqual({
      from: "starter.unit",
      up: "township",
      child: "org-dept",
    });
    fireEvent.change(screen.getByLabelText("Form"), { target: { value: "fs-leave" } });
    fireEvent.change(screen.getByLabelText("days"), { target: { value: "readonly" } });
    expect(last()?.steps.approve?.form).toEqual({ ref: "fs-leave", fields: { days: "readonly" } });
  });

  it("sets deadlines, reminders and timeouts with durations that may be expressions", () => {
    const { last } = setup();
    selectStep("approve");
    const amount = screen.getByLabelText("Deadline: Duration (number or expression)");
    fireEvent.change(amount, { target: { value: "data.reviewDays" } });
    fireEvent.blur(amount);
    fireEvent.change(screen.getByLabelText("Deadline: Unit"), { target: { value: "workingDays" } });
    expect(last()?.steps.approve?.deadline).toEqual({ after: { workingDays: "data.reviewDays" } });
    const remind = screen.getByLabelText("Remind before: Duration (number or expression)");
    fireEvent.change(remind, { target: { value: "2" } });
    fireEvent.blur(remind);
    expect(last()?.steps.approve?.deadline).toEqual({
      after: { workingDays: "data.reviewDays" },
      remind: { before: { days: 2 } },
    });
    const timeout = screen.getByLabelText("Timeout outcome: Duration (number or expression)");
    fireEvent.change(timeout, { target: { value: "5" } });
    fireEvent.blur(timeout);
    expect(last()?.steps.approve?.timeout).toEqual({ outcome: "ok", after: { days: 5 } });
    fireEvent.change(amount, { target: { value: "" } });
    fireEvent.blur(amount);
    expect(last()?.steps.approve?.deadline).toBeUndefined();
  });

  it("keeps showing a form or role the designer was not given", () => {
    const def = twoSteps();
    def.steps.approve!.form = { ref: "fs-elsewhere" };
    def.steps.approve!.assignee = { role: "auditor", at: { from: "starter.unit" } };
    render(<WorkflowDesigner definition={def} locale="en" />);
    selectStep("approve");
    expect((screen.getByLabelText("Form") as HTMLSelectElement).value).toBe("fs-elsewhere");
    expect((screen.getByLabelText("Role") as HTMLSelectElement).value).toBe("auditor");
  });

  it("applies JSON edits to the diagram", () => {
    setup();
    fireEvent.click(tab("JSON"));
    const view = EditorView.findFromDOM(document.querySelector(".wf-json-view .cm-editor") as HTMLElement)!;
    const next = twoSteps();
    next.steps.approve!.outcomes!.ok!.to = "dnoe";
    act(() =>
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: JSON.stringify(next, null, 2) },
      }),
    );
    expect(nodeTitles()).toContain("Missing: dnoe");
    expect(document.querySelector('[aria-label="JSON: Problems"]')?.textContent).toContain(
      'did you mean "done"',
    );
  });

  it("names the steps no one can staff and publishes only when all can be", () => {
    const onPublish = vi.fn();
    const { unmount } = render(
      <WorkflowDesigner
        definition={twoSteps()}
        locale="en"
        catalog={{ units, people: [clerk] }}
        onPublish={onPublish}
      />,
    );
    fireEvent.click(button("Staffing check"));
    expect(screen.getByText(/step "approve": no one holds the role "org-dept"/)).toBeDefined();
    expect(node("approve").dataset.issues).toBe("true");
    fireEvent.click(button("Publish new version"));
    expect(onPublish).not.toHaveBeenCalled();
    unmount();
    render(
      <WorkflowDesigner
        definition={twoSteps()}
        locale="en"
        catalog={{ units, people: [clerk, reviewer] }}
        onPublish={onPublish}
      />,
    );
    fireEvent.click(button("Publish new version"));
    expect(onPublish).toHaveBeenCalledWith(expect.objectContaining({ id: "leave", version: 2 }));
    expect(screen.getByText("Every task has someone who can act on it")).toBeDefined();
  });

  it("edits a multi-signer step: signers, completion rule, veto and who may add signers", () => {
    const { last } = setup();
    fireEvent.change(within(toolbar()).getByLabelText("Kind"), { target: { value: "multiTask" } });
    fireEvent.click(button("Add step"));
    expect(last()?.steps["joint-review"]).toMatchObject({ kind: "multiTask", complete: "all" });
    fireEvent.change(screen.getByLabelText("Completion rule"), { target: { value: "atLeast" } });
    expect(last()?.steps["joint-review"]?.complete).toEqual({ atLeast: 2 });
    fireEvent.change(screen.getByLabelText("Veto outcome"), { target: { value: "veto" } });
    fireEvent.change(screen.getByLabelText("After a veto goes to"), { target: { value: "done" } });
    expect(last()?.steps["joint-review"]?.veto).toEqual({ to: "done", outcome: "veto" });
    const signers = screen.getByLabelText("Who may add signers (roles, comma-separated)");
    fireEvent.change(signers, { target: { value: "org-dept" } });
    fireEvent.blur(signers);
    expect(last()?.steps["joint-review"]?.addSigners).toEqual({ roles: ["org-dept"] });
    fireEvent.change(screen.getByLabelText("Goes to"), { target: { value: "approve" } });
    expect(last()?.steps["joint-review"]?.to).toBe("approve");
  });
});
