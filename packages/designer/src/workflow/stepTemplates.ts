import type { LocalText } from "../form/formTypes.ts";
import type { DesignStep, StepKind } from "./workflowTypes.ts";

/** Names of the step kinds for menus and the diagram, in both languages. */
export const STEP_KIND_NAMES: Readonly<Record<StepKind, LocalText & { en: string }>> = {
  userTask: { zh: "人工任务", en: "User task" },
  multiTask: { zh: "会签任务", en: "Multi-signer task" },
  auto: { zh: "自动分支", en: "Automatic route" },
  timer: { zh: "定时等待", en: "Timer" },
  parallel: { zh: "并行", en: "Parallel" },
  subProcess: { zh: "子流程", en: "Sub-process" },
  end: { zh: "结束", en: "End" },
};

/** The id stem of new steps of each kind: `task`, `task2`, … */
export const STEP_ID_STEMS: Readonly<Record<StepKind, string>> = {
  userTask: "task",
  multiTask: "joint-review",
  auto: "route",
  timer: "wait",
  parallel: "parallel",
  subProcess: "sub-process",
  end: "end",
};

/**
 * A new step of `kind` with the properties the engine requires filled with editable defaults;
 * `role` is the role a new task is offered to (the definition's first role, typically).
 * Targets (`to`, `otherwise`) are left out: they are drawn by connecting steps.
 */
export function createStep(kind: StepKind, role: string): DesignStep {
  const title = { ...STEP_KIND_NAMES[kind] };
  switch (kind) {
    case "userTask":
      return { kind, title, assignee: { role, at: { from: "starter.unit" } }, outcomes: {} };
    case "multiTask":
      return {
        kind,
        title,
        over: "data.departments",
        assignee: { role, at: { from: "item" } },
        outcomes: {
          approve: { label: { zh: "同意", en: "Approve" } },
          veto: { label: { zh: "否决", en: "Veto" }, opinion: "required" },
        },
        complete: "all",
      };
    case "auto":
      return { kind, title, choose: [] };
    case "timer":
      return { kind, title, after: { days: 1 } };
    case "parallel":
      return { kind, title, branches: {}, join: "all" };
    case "subProcess":
      return { kind, title, definition: "", input: {}, wait: true };
    case "end":
      return { kind, title, outcome: "done" };
  }
}
