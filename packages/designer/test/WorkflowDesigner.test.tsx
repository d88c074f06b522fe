import { EditorView } from "@codemirror/view";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { OrgUnit, Person } from "@wf/engine";
import { describe, expect, it, vi } from "vitest";
import { type DesignDefinition, newDefinition, WorkflowDesigner } from "../src/index.ts";

function twoSteps(): DesignDefinition {
  return {
    id: "leave",
    version: 1,
    title: { zh: "请假", en: "Leave" },
    roles: ["clerk", "org-dept"],
    start: { roles: ["clerk"] },
    initial: "apply",
    steps: {
      apply: {
        kind: "userTask",
        title: { zh: "申请", en: "Apply" },
        assignee: { role: "clerk", at: { from: "starter.unit" } },
        outcomes: { submit: { label: { zh: "提交", en: "Submit" }, to: "approve" } },
      },
      approve: {
        kind: "userTask",
        title: { zh: "审批", en: "Approve" },
        assignee: { role: "org-dept", at: { from: "starter.unit", up: "county", child: "org-dept" } },
        outcomes: { ok: { label: { zh: "同意", en: "OK" }, to: "done" } },
      },
      done: { kind: "end", title: { zh: "结束", en: "Done" }, outcome: "approved" },
    },
  };
}

const units: OrgUnit[] = [
  { id: "county", name: { zh: "县", en: "County" }, type: "county", level: "county" },
  { id: "od", name: { zh: "组织部", en: "Org dept" }, type: "org-dept", parent: "county" },
];
const clerk: Person = {
  id: "clerk1",
  name: { zh: "甲" },
  memberships: [{ unit: "county", role: "clerk" }],
  attrs: {},
};
const reviewer: Person = {
  id: "od1",
  name: { zh: "乙" },
  memberships: [{ unit: "od", role: "org-dept" }],
  attrs: {},
};

// Queries by text and selector: getByRole is slow in jsdom once CodeMirror's styles are on the page.
const button = (name: string | RegExp) =>
  within(document.body).getByText(name, { selector: "button" }) as HTMLButtonElement;
const tab = (name: string | RegExp) => within(document.body).getByText(name, { selector: "[role=tab]" });
const nodeTitles = () => [...document.querySelectorAll(".wf-wd-node strong")].map((n) => n.textContent);
const node = (step: string) => document.querySelector(`.wf-wd-node[data-step="${step}"]`) as HTMLElement;
const toolbar = () => document.querySelector(".wf-toolbar") as HTMLElement;

function setup(extra: Partial<Parameters<typeof WorkflowDesigner>[0]> = {}) {
  const changes: DesignDefinition[] = [];
  render(
    <WorkflowDesigner definition={twoSteps()} locale="en" onChange={(d) => changes.push(d)} {...extra} />,
  );
  return { last: () => changes.at(-1) };
}

function selectStep(id: string) {
  fireEvent.click(node(id));
}

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
    fireEvent.keyDown(document.querySelector(".wf-workflow-designer") as HTMLElement, {
      key: "z",
      ctrlKey: true,
    });
    expect(nodeTitles()).toEqual(["Start", "Apply", "Approve", "Done"]);
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
});
