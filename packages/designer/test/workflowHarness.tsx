import { fireEvent, render, within } from "@testing-library/react";
import type { OrgUnit, Person } from "@wf/engine";
import { type DesignDefinition, WorkflowDesigner } from "../src/index.ts";

export function twoSteps(): DesignDefinition {
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

export const units: OrgUnit[] = [
  { id: "county", name: { zh: "县", en: "County" }, type: "county", level: "county" },
  { id: "od", name: { zh: "组织部", en: "Org dept" }, type: "org-dept", parent: "county" },
];
export const clerk: Person = {
  id: "clerk1",
  name: { zh: "甲" },
  memberships: [{ unit: "county", role: "clerk" }],
  attrs: {},
};
export const reviewer: Person = {
  id: "od1",
  name: { zh: "乙" },
  memberships: [{ unit: "od", role: "org-dept" }],
  attrs: {},
};

// Queries by text and selector: getByRole is slow in jsdom once CodeMirror's styles are on the page.
export const button = (name: string | RegExp) =>
  within(document.body).getByText(name, { selector: "button" }) as HTMLButtonElement;
export const tab = (name: string | RegExp) =>
  within(document.body).getByText(name, { selector: "[role=tab]" });
export const nodeTitles = () =>
  [...document.querySelectorAll(".wf-wd-node strong")].map((n) => n.textContent);
export const node = (step: string) =>
  document.querySelector(`.wf-wd-node[data-step="${step}"]`) as HTMLElement;
export const toolbar = () => document.querySelector(".wf-toolbar") as HTMLElement;

export function setup(extra: Partial<Parameters<typeof WorkflowDesigner>[0]> = {}) {
  const changes: DesignDefinition[] = [];
  render(
    <WorkflowDesigner definition={twoSteps()} locale="en" onChange={(d) => changes.push(d)} {...extra} />,
  );
  return { last: () => changes.at(-1) };
}

export function selectStep(id: string) {
  fireEvent.click(node(id));
}
