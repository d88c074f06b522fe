import { createHistory, type History, recordChange, redo, undo } from "../history/history.ts";
import { type FieldPath, fieldAt, type ListPath, splitPath } from "./fieldPaths.ts";
import { addField, duplicateField, moveField, pasteField, removeField, updateField } from "./formEdits.ts";
import type { DesignField, DesignForm } from "./formTypes.ts";
import { renameFieldKey } from "./renameFieldKey.ts";

/** Everything the form designer edits: the form with its history, the selection, the clipboard. */
export interface FormDesignerState {
  history: History<DesignForm>;
  selected: FieldPath | null;
  clipboard: DesignField | null;
  /** Why the last action was refused (e.g. a section dropped into a table), until the next action. */
  refusal: string | null;
}

/** What the form designer can do; every edit is undoable. */
export type FormDesignerAction =
  | { type: "add"; fieldType: string; list: ListPath; index: number }
  | { type: "move"; from: FieldPath; list: ListPath; index: number }
  | { type: "remove"; path: FieldPath }
  | { type: "update"; path: FieldPath; changes: Readonly<Record<string, unknown>> }
  | { type: "renameKey"; path: FieldPath; key: string }
  | { type: "duplicate"; path: FieldPath }
  | { type: "copy"; path: FieldPath }
  | { type: "cut"; path: FieldPath }
  | { type: "paste" }
  | { type: "select"; path: FieldPath | null }
  | { type: "replace"; form: DesignForm; label?: string }
  | { type: "undo" }
  | { type: "redo" };

/** The starting state for a form. */
export function initFormDesigner(form: DesignForm): FormDesignerState {
  return { history: createHistory(form), selected: null, clipboard: null, refusal: null };
}

function placeAfterSelection(state: FormDesignerState): { list: ListPath; index: number } {
  const form = state.history.present;
  if (state.selected && fieldAt(form, state.selected)) {
    const { list, index } = splitPath(state.selected);
    return { list, index: index + 1 };
  }
  return { list: ["fields"], index: form.fields.length };
}

function apply(state: FormDesignerState, action: FormDesignerAction): FormDesignerState {
  const form = state.history.present;
  const commit = (label: string, next: DesignForm, selected: FieldPath | null): FormDesignerState => ({
    ...state,
    history: recordChange(state.history, label, next),
    selected,
    refusal: null,
  });
  switch (action.type) {
    case "add": {
      const placed = addField(form, action.fieldType, action.list, action.index);
      return commit(`add ${action.fieldType}`, placed.form, placed.path);
    }
    case "move": {
      const placed = moveField(form, action.from, action.list, action.index);
      return commit("move field", placed.form, placed.path);
    }
    case "remove":
      return commit("remove field", removeField(form, action.path), null);
    case "update":
      return commit("edit field", updateField(form, action.path, action.changes), action.path);
    case "renameKey":
      return commit("rename key", renameFieldKey(form, action.path, action.key), action.path);
    case "duplicate": {
      const placed = duplicateField(form, action.path);
      return commit("duplicate field", placed.form, placed.path);
    }
    case "copy": {
      const field = fieldAt(form, action.path);
      return field ? { ...state, clipboard: structuredClone(field), refusal: null } : state;
    }
    case "cut": {
      const field = fieldAt(form, action.path);
      if (!field) return state;
      return {
        ...commit("cut field", removeField(form, action.path), null),
        clipboard: structuredClone(field),
      };
    }
    case "paste": {
      if (!state.clipboard) return state;
      const { list, index } = placeAfterSelection(state);
      const placed = pasteField(form, list, index, state.clipboard);
      return commit("paste field", placed.form, placed.path);
    }
    case "select":
      return { ...state, selected: action.path, refusal: null };
    case "replace":
      return commit(
        action.label ?? "edit JSON",
        action.form,
        state.selected && fieldAt(action.form, state.selected) ? state.selected : null,
      );
    case "undo":
    case "redo": {
      const history = action.type === "undo" ? undo(state.history) : redo(state.history);
      const selected = state.selected && fieldAt(history.present, state.selected) ? state.selected : null;
      return { ...state, history, selected, refusal: null };
    }
  }
}

/**
 * The form designer's reducer (for `useReducer`). An edit the model refuses leaves the form as it
 * was and records why in `refusal`, so the canvas can say it instead of throwing during render.
 */
export function formDesignerReducer(state: FormDesignerState, action: FormDesignerAction): FormDesignerState {
  try {
    return apply(state, action);
  } catch (error) {
    return { ...state, refusal: error instanceof Error ? error.message : String(error) };
  }
}
