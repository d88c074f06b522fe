import type { Definition } from "../src/index";

const t = (s: string) => ({ zh: s, en: s });
const od = { role: "org-dept", at: { unit: "k1-od" } };

/** A child procedure: one org-dept task. */
export function childDefinition(): Definition {
  return {
    id: "mini-child",
    version: 1,
    title: t("Child"),
    roles: ["org-dept"],
    start: { roles: ["org-dept"] },
    data: { villageId: { type: "orgUnit" } },
    initial: "work",
    steps: {
      work: { kind: "userTask", assignee: od, outcomes: { finish: { label: t("Finish"), to: "done" } } },
      done: { kind: "end", outcome: "reselected" },
    },
  };
}

/** A recall-like parent: decide, then two branches (a sub-process and a task) joined. */
export function recallDefinition(join: "all" | "any" = "all", wait = true): Definition {
  return {
    id: "mini-recall",
    version: 1,
    title: t("Recall"),
    roles: ["org-dept"],
    start: { roles: ["org-dept"] },
    cancel: { roles: ["org-dept"] },
    data: {
      villageId: { type: "orgUnit", default: "v1" },
      reselection: { type: "string" },
      accountability: { type: "string" },
    },
    initial: "decide",
    steps: {
      decide: {
        kind: "userTask",
        assignee: od,
        outcomes: { recall: { label: t("Recall"), to: "both" }, warn: { label: t("Warn"), to: "warned" } },
      },
      both: {
        kind: "parallel",
        branches: {
          reselect: {
            initial: "start-reselection",
            steps: {
              "start-reselection": {
                kind: "subProcess",
                definition: "mini-child",
                input: { villageId: "data.villageId" },
                wait,
                outcomeInto: "data.reselection",
                to: "@branchEnd",
              },
            },
          },
          accountability: {
            initial: "review-unit",
            steps: {
              "review-unit": {
                kind: "userTask",
                assignee: od,
                outcomes: {
                  done: {
                    label: t("Done"),
                    to: "@branchEnd",
                    set: { "data.accountability": "'reviewed by ' + actor.id" },
                  },
                  drop: { label: t("Drop"), to: "dropped" },
                },
              },
              dropped: { kind: "end", outcome: "dropped" },
            },
          },
        },
        join,
        to: "closed",
      },
      closed: { kind: "end", outcome: "recalled" },
      warned: { kind: "end", outcome: "warned" },
    },
  };
}
