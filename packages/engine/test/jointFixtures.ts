import type { Definition } from "../src/index";

const t = (s: string) => ({ zh: s, en: s });

export function joint(complete: "all" | "any" | { atLeast: number }): Definition {
  const d: Definition = {
    id: "joint-review",
    version: 1,
    title: t("Joint review"),
    roles: ["org-dept", "reviewer"],
    start: { roles: ["org-dept"] },
    data: {
      departments: { type: "list", of: { type: "orgUnit" }, default: ["k1-disc", "k1-police"] },
      jointReview: { type: "list" },
    },
    initial: "joint",
    steps: {
      joint: {
        kind: "multiTask",
        title: t("Joint review"),
        over: "data.departments",
        assignee: { role: "reviewer", at: { from: "item" } },
        outcomes: {
          approve: { label: t("Approve") },
          abstain: { label: t("Abstain") },
          veto: { label: t("Veto"), opinion: "required" },
        },
        complete,
        veto: { outcome: "veto", to: "disqualified" },
        addSigners: { roles: ["org-dept"] },
        collect: "data.jointReview",
        to: "qualified",
      },
      qualified: { kind: "end", outcome: "qualified" },
      disqualified: { kind: "end", outcome: "disqualified" },
      "too-few": { kind: "end", outcome: "too-few" },
    },
  };
  const step = d.steps.joint;
  if (step?.kind === "multiTask" && typeof complete === "object") {
    step.approve = ["approve"];
    step.otherwise = "too-few";
  } else {
    delete d.steps["too-few"];
  }
  return d;
}
