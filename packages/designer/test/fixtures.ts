import type { DesignDefinition } from "../src/index.ts";

/** A small definition in the shape of contract §2: a chain, a route, a parallel step, SoD rules. */
export function sampleDefinition(): DesignDefinition {
  return {
    id: "sample",
    version: 1,
    title: { zh: "示例", en: "Sample" },
    roles: ["unit-hr", "org-dept", "inspection-team", "standing-committee"],
    initial: "apply",
    separationOfDuties: [
      { steps: ["apply", "review"], notBy: "subject" },
      { steps: ["decide"], notBy: { actorOf: "inspect" } },
    ],
    steps: {
      apply: {
        kind: "userTask",
        title: { zh: "申请", en: "Apply" },
        assignee: { role: "unit-hr", at: { from: "starter.unit" } },
        outcomes: { submit: { label: { zh: "提交", en: "Submit" }, to: "review" } },
      },
      review: {
        kind: "userTask",
        title: { zh: "审查", en: "Review" },
        assignee: { role: "org-dept", at: { from: "data.villageId", up: "county", child: "org-dept" } },
        outcomes: {
          pass: { label: { zh: "通过", en: "Pass" }, to: "inspect" },
          return: { label: { zh: "退回", en: "Return" }, to: "apply" },
        },
      },
      inspect: {
        kind: "userTask",
        assignee: {
          role: "inspection-team",
          at: { from: "data.villageId", up: "county", child: "org-dept" },
        },
        outcomes: { pass: { to: "route" } },
      },
      route: { kind: "auto", choose: [{ when: "data.urgent", to: "decide" }], otherwise: "both" },
      both: {
        kind: "parallel",
        branches: {
          left: { initial: "wait", steps: { wait: { kind: "timer", after: { days: 1 }, to: "@branchEnd" } } },
        },
        join: "all",
        to: "decide",
      },
      decide: {
        kind: "userTask",
        assignee: {
          role: "standing-committee",
          at: { from: "data.villageId", up: "county", child: "party-committee" },
        },
        outcomes: { approve: { to: "done" } },
      },
      done: { kind: "end", outcome: "approved" },
    },
  };
}
