import { createHistory, type History, recordChange, redo, undo } from "../history/history.ts";
import type { JsonPath } from "../history/jsonPatch.ts";
import { findStep } from "./stepIndex.ts";
import {
  addStep,
  connectSteps,
  disconnect,
  removeStep,
  renameStep,
  type StepPlace,
  updateStep,
} from "./workflowEdits.ts";
import type { DesignDefinition, StepKind } from "./workflowTypes.ts";

/** Everything the workflow designer edits: the definition with its history and the selected step. */
export interface WorkflowDesignerState {
  history: History<DesignDefinition>;
  selected: string | null;
  /** Why the last action was refused, until the next action. */
  refusal: string | null;
}

/** What the workflow designer can do; every edit is undoable. */
export type WorkflowDesignerAction =
  | { type: "addStep"; kind: StepKind; place?: StepPlace }
  | { type: "removeStep"; id: string }
  | { type: "renameStep"; from: string; to: string }
  | { type: "updateStep"; id: string; changes: Readonly<Record<string, unknown>> }
  | { type: "connect"; from: string; to: string; outcome?: string }
  | { type: "disconnect"; from: string; via: JsonPath }
  | { type: "select"; id: string | null }
  | { type: "replace"; definition: DesignDefinition; label?: string }
  | { type: "undo" }
  | { type: "redo" };

/** The starting state for a definition. */
export function initWorkflowDesigner(definition: DesignDefinition): WorkflowDesignerState {
  return { history: createHistory(definition), selected: null, refusal: null };
}

function apply(state: WorkflowDesignerState, action: WorkflowDesignerAction): WorkflowDesignerState {
  const def = state.history.present;
  const commit = (label: string, next: DesignDefinition, selected: string | null): WorkflowDesignerState => ({
    history: recordChange(state.history, label, next),
    selected,
    refusal: null,
  });
  switch (action.type) {
    case "addStep": {
      const added = addStep(def, action.kind, action.place);
      return commit(`add ${action.kind}`, added.def, added.id);
    }
    case "removeStep":
      return commit("remove step", removeStep(def, action.id), null);
    case "renameStep":
      return commit("rename step", renameStep(def, action.from, action.to), action.to);
    case "updateStep":
      return commit("edit step", updateStep(def, action.id, action.changes), action.id);
    case "connect":
      return commit("connect steps", connectSteps(def, action.from, action.to, action.outcome), action.from);
    case "disconnect":
      return commit("remove arrow", disconnect(def, action.from, action.via), action.from);
    case "select":
      return { ...state, selected: action.id, refusal: null };
    case "replace": {
      const keep = state.selected && findStep(action.definition, state.selected) ? state.selected : null;
      return commit(action.label ?? "edit JSON", action.definition, keep);
    }
    case "undo":
    case "redo": {
      const history = action.type === "undo" ? undo(state.history) : redo(state.history);
      const selected = state.selected && findStep(history.present, state.selected) ? state.selected : null;
      return { history, selected, refusal: null };
    }
  }
}

/**
 * The workflow designer's reducer (for `useReducer`). A refused edit (an arrow out of an end
 * step, a taken step id) leaves the definition unchanged and says why in `refusal`.
 */
export function workflowDesignerReducer(
  state: WorkflowDesignerState,
  action: WorkflowDesignerAction,
): WorkflowDesignerState {
  try {
    return apply(state, action);
  } catch (error) {
    return { ...state, refusal: error instanceof Error ? error.message : String(error) };
  }
}
