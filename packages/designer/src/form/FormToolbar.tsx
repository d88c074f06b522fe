import { type Dispatch, type Ref, useImperativeHandle } from "react";
import { uiText } from "../ui/uiText.ts";
import type { FormDesignerAction, FormDesignerState } from "./formDesignerReducer.ts";
import type { DesignerLocale } from "./formTypes.ts";
import { keyboardMoves, type MoveTarget } from "./keyboardMoves.ts";

/** What the designer root forwards key presses to. */
export interface ToolbarKeys {
  onKeyDown: (
    event: Pick<
      KeyboardEvent,
      "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey" | "target" | "preventDefault"
    >,
  ) => void;
}

/** Props of {@link FormToolbar}. */
export interface FormToolbarProps {
  state: FormDesignerState;
  dispatch: Dispatch<FormDesignerAction>;
  locale: DesignerLocale;
  ref?: Ref<ToolbarKeys>;
}

/** Keys typed into a text box belong to that box (CodeMirror has its own undo), not to the canvas. */
function inEditable(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    target.closest("input, textarea, select, [contenteditable='true'], .cm-editor") !== null
  );
}

/**
 * Undo/redo, clipboard and move buttons for the selected field, and the same as shortcuts:
 * Ctrl+Z / Ctrl+Y (or Ctrl+Shift+Z), Ctrl+C / Ctrl+X / Ctrl+V, Ctrl+D duplicate, Delete,
 * Alt+↑/↓ move, Alt+→ into the container above, Alt+← out of the container.
 */
export function FormToolbar(props: FormToolbarProps) {
  const { state, dispatch } = props;
  const t = uiText(props.locale);
  const path = state.selected;
  const moves = path ? keyboardMoves(state.history.present, path) : {};
  const move = (target: MoveTarget | undefined) => {
    if (path && target) dispatch({ type: "move", from: path, list: target.list, index: target.index });
  };

  useImperativeHandle(props.ref, () => ({
    onKeyDown(event) {
      if (inEditable(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      let action: FormDesignerAction | undefined;
      if (mod && key === "z" && !event.shiftKey) action = { type: "undo" };
      else if (mod && (key === "y" || (key === "z" && event.shiftKey))) action = { type: "redo" };
      else if (mod && key === "v") action = { type: "paste" };
      else if (path && mod && key === "c") action = { type: "copy", path };
      else if (path && mod && key === "x") action = { type: "cut", path };
      else if (path && mod && key === "d") action = { type: "duplicate", path };
      else if (path && (event.key === "Delete" || event.key === "Backspace"))
        action = { type: "remove", path };
      else if (path && event.altKey) {
        const target = {
          ArrowUp: moves.up,
          ArrowDown: moves.down,
          ArrowRight: moves.into,
          ArrowLeft: moves.out,
        }[event.key];
        if (target) action = { type: "move", from: path, list: target.list, index: target.index };
      }
      if (action) {
        event.preventDefault();
        dispatch(action);
      }
    },
  }));

  const past = state.history.past.at(-1)?.label;
  const future = state.history.future.at(-1)?.label;
  return (
    <div className="wf-toolbar" role="toolbar" aria-label={t.canvas}>
      <button type="button" disabled={!past} title={past} onClick={() => dispatch({ type: "undo" })}>
        {t.undo}
      </button>
      <button type="button" disabled={!future} title={future} onClick={() => dispatch({ type: "redo" })}>
        {t.redo}
      </button>
      <button type="button" disabled={!path} onClick={() => path && dispatch({ type: "copy", path })}>
        {t.copy}
      </button>
      <button type="button" disabled={!path} onClick={() => path && dispatch({ type: "cut", path })}>
        {t.cut}
      </button>
      <button type="button" disabled={!state.clipboard} onClick={() => dispatch({ type: "paste" })}>
        {t.paste}
      </button>
      <button type="button" disabled={!path} onClick={() => path && dispatch({ type: "duplicate", path })}>
        {t.duplicate}
      </button>
      <button type="button" disabled={!path} onClick={() => path && dispatch({ type: "remove", path })}>
        {t.remove}
      </button>
      <button type="button" disabled={!moves.up} onClick={() => move(moves.up)}>
        {t.moveUp}
      </button>
      <button type="button" disabled={!moves.down} onClick={() => move(moves.down)}>
        {t.moveDown}
      </button>
      <button type="button" disabled={!moves.into} onClick={() => move(moves.into)}>
        {t.moveIn}
      </button>
      <button type="button" disabled={!moves.out} onClick={() => move(moves.out)}>
        {t.moveOut}
      </button>
    </div>
  );
}
