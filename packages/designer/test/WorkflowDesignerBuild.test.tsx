import { EditorView } from "@codemirror/view";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { type DesignDefinition, newDefinition, WorkflowDesigner } from "../src/index.ts";
import {
  button,
  clerk,
  reviewer,
  selectStep,
  setup,
  tab,
  toolbar,
  twoSteps,
  units,
} from "./workflowHarness.tsx";

describe("WorkflowDesigner: procedures from nothing and the simulator", () => {
  it("simulates the procedure as chosen profiles until it ends", async () => {
    render(
      <WorkflowDesigner
        definition={twoSteps()}
        locale="en"
        catalog={{ units, people: [clerk, reviewer] }}
        simulationStart="2026-03-02T09:00:00+08:00"
      />,
    );
    fireEvent.click(tab("Simulator"));
    const sim = document.querySelector(".wf-wd-sim") as HTMLElement;
    const start = await within(sim).findByText("Start case", { selector: "button:not([disabled])" });
    fireEvent.click(start);
    fireEvent.click(await within(sim).findByText("Submit", { selector: "button" }));
    fireEvent.change(within(sim).getByLabelText("Act as"), { target: { value: "1" } });
    fireEvent.click(await within(sim).findByText("OK", { selector: "button" }));
    await waitFor(() => expect(within(sim).getByText(/^completed/)).toBeDefined());
    expect(
      [...sim.querySelectorAll("ol li")].map((li) => li.textContent?.split(" ").slice(1, 3).join(" ")),
    ).toEqual(["started apply", "acted apply", "acted approve"]);
  });

  it("shows why the engine refuses an action in the simulator", async () => {
    render(
      <WorkflowDesigner definition={twoSteps()} locale="en" catalog={{ units, people: [clerk, reviewer] }} />,
    );
    fireEvent.click(tab("Simulator"));
    const sim = document.querySelector(".wf-wd-sim") as HTMLElement;
    const start = await within(sim).findByText("Start case", { selector: "button:not([disabled])" });
    fireEvent.change(within(sim).getByLabelText("Act as"), { target: { value: "1" } });
    fireEvent.click(start);
    expect(await within(sim).findByRole("alert")).toBeDefined();
    expect(sim.querySelectorAll("ol li")).toHaveLength(0);
  });

  it("builds a two-step procedure from nothing, publishes it and runs it to the end", async () => {
    const onPublish = vi.fn();
    render(
      <WorkflowDesigner
        definition={newDefinition("leave", { zh: "请假", en: "Leave" })}
        locale="en"
        catalog={{ units, people: [clerk, reviewer] }}
        simulationStart="2026-03-02T09:00:00+08:00"
        onPublish={onPublish}
      />,
    );
    const commit = (label: string, value: string) => {
      const input = screen.getByLabelText(label);
      fireEvent.change(input, { target: { value } });
      fireEvent.blur(input);
    };
    fireEvent.click(tab("Procedure"));
    commit("Roles (comma-separated)", "clerk, org-dept");
    commit("Who may start (roles, comma-separated)", "clerk");
    const addStep = (kind: string) => {
      fireEvent.change(within(toolbar()).getByLabelText("Kind"), { target: { value: kind } });
      fireEvent.click(button("Add step"));
    };
    addStep("userTask");
    addStep("userTask");
    addStep("end");
    fireEvent.click(tab("Properties"));
    selectStep("task-2");
    fireEvent.change(screen.getByLabelText("Role"), { target: { value: "org-dept" } });
    fireEvent.change(screen.getByLabelText("Up to level"), { target: { value: "county" } });
    commit("Then child unit of type", "org-dept");
    const connect = (from: string, to: string) => {
      selectStep(from);
      fireEvent.change(within(toolbar()).getByLabelText("Connect to"), { target: { value: to } });
      fireEvent.click(within(toolbar()).getByText("Connect to", { selector: "button" }));
    };
    connect("task", "task-2");
    connect("task-2", "end");
    expect(tab(/Problems/).textContent).toBe("Problems (0)");
    fireEvent.click(button("Publish new version"));
    expect(onPublish).toHaveBeenCalledTimes(1);
    const published = onPublish.mock.calls[0]?.[0] as DesignDefinition;
    expect(published.steps.task?.assignee?.role).toBe("clerk");
    expect(published.steps["task-2"]?.assignee).toEqual({
      role: "org-dept",
      at: { from: "starter.unit", up: "county", child: "org-dept" },
    });

    fireEvent.click(tab("Simulator"));
    const sim = document.querySelector(".wf-wd-sim") as HTMLElement;
    fireEvent.click(await within(sim).findByText("Start case", { selector: "button:not([disabled])" }));
    fireEvent.click(await within(sim).findByText("Submit to User task", { selector: "button" }));
    fireEvent.change(within(sim).getByLabelText("Act as"), { target: { value: "1" } });
    fireEvent.click(await within(sim).findByText("Submit to End", { selector: "button" }));
    await waitFor(() => expect(within(sim).getByText(/^completed/)).toBeDefined());
  });

  it("declares case data and separation-of-duties rules in the procedure settings", () => {
    const { last } = setup();
    fireEvent.click(tab("Procedure"));
    const add = screen.getByLabelText("Add data field");
    fireEvent.change(add, { target: { value: "days" } });
    fireEvent.blur(add);
    fireEvent.change(screen.getByLabelText("days: Type"), { target: { value: "number" } });
    expect(last()?.data).toEqual({ days: { type: "number" } });
    fireEvent.click(button("Add separation rule"));
    expect(last()?.separationOfDuties).toEqual([{ steps: ["apply"], notBy: "subject" }]);
    const steps = screen.getByLabelText("Steps 1");
    fireEvent.change(steps, { target: { value: "approve" } });
    fireEvent.blur(steps);
    fireEvent.change(screen.getByLabelText("Not by 1"), { target: { value: "actorOf:apply" } });
    expect(last()?.separationOfDuties).toEqual([{ steps: ["approve"], notBy: { actorOf: "apply" } }]);
    fireEvent.click(button("Delete Separation of duties 1"));
    expect(last()?.separationOfDuties).toBeUndefined();
    fireEvent.click(button("Delete days"));
    expect(last()?.data).toEqual({});
  });

  it("feeds a task through its real form in the simulator, with the form's own validation", async () => {
    const def = twoSteps();
    def.steps.apply!.form = { ref: "fs-leave" };
    const form = {
      id: "fs-leave",
      version: 1,
      title: { zh: "请假单", en: "Leave form" },
      fields: [{ key: "days", type: "number", label: { zh: "天数", en: "Days" }, required: true }],
    };
    render(
      <WorkflowDesigner
        definition={def}
        forms={[form]}
        locale="en"
        catalog={{ units, people: [clerk, reviewer] }}
        simulationStart="2026-03-02T09:00:00+08:00"
      />,
    );
    fireEvent.click(tab("Simulator"));
    const sim = document.querySelector(".wf-wd-sim") as HTMLElement;
    fireEvent.click(await within(sim).findByText("Start case", { selector: "button:not([disabled])" }));
    const details = (await within(sim).findByText("Fill in the form and act")).closest(
      "details",
    ) as HTMLElement;
    fireEvent.click(within(details).getByText("Submit", { selector: "button" }));
    await waitFor(() => expect(within(details).getAllByText(/required|必填/i).length).toBeGreaterThan(0));
    expect(sim.querySelectorAll("ol li")).toHaveLength(1);
    fireEvent.change(within(details).getByLabelText(/Days/), { target: { value: "3" } });
    fireEvent.click(within(details).getByText("Submit", { selector: "button" }));
    await waitFor(() => expect(sim.querySelectorAll("ol li")).toHaveLength(2));
    expect(sim.querySelector("ol li:last-child")?.textContent).toContain("acted apply");
  });

  it("writes a named rule in the expression editor and has a step check it", () => {
    const { last } = setup();
    fireEvent.click(tab("Procedure"));
    const add = screen.getByLabelText("Add data field");
    fireEvent.change(add, { target: { value: "days" } });
    fireEvent.blur(add);
    fireEvent.change(screen.getByLabelText("days: Type"), { target: { value: "number" } });
    const name = screen.getByLabelText("Add rule (name)");
    fireEvent.change(name, { target: { value: "short-leave" } });
    fireEvent.blur(name);
    expect(last()?.rules).toEqual({
      "short-leave": { when: "true", message: { zh: "short-leave", en: "short-leave" }, severity: "block" },
    });
    const fieldset = [...document.querySelectorAll(".wf-prop-expr")].find(
      (f) => f.querySelector("legend")?.textContent === "short-leave: Must hold",
    );
    const view = EditorView.findFromDOM(fieldset?.querySelector(".cm-editor") as HTMLElement)!;
    act(() => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: "data.dayz <= 3" } }));
    expect(fieldset?.textContent).toContain("did you mean 'days'");
    act(() => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: "data.days <= 3" } }));
    fireEvent.focusOut(view.contentDOM, { relatedTarget: null });
    fireEvent.change(screen.getByLabelText("short-leave: Severity"), { target: { value: "warn" } });
    expect(last()?.rules).toEqual({
      "short-leave": {
        when: "data.days <= 3",
        message: { zh: "short-leave", en: "short-leave" },
        severity: "warn",
      },
    });
    fireEvent.click(tab("Properties"));
    selectStep("approve");
    const checks = screen.getByLabelText("Rules checked at this step (comma-separated)");
    fireEvent.change(checks, { target: { value: "short-leave" } });
    fireEvent.blur(checks);
    expect(last()?.steps.approve?.checks).toEqual(["short-leave"]);
    expect(tab(/Problems/).textContent).toBe("Problems (0)");
  });
});
