import type { Dispatch } from "react";
import { DesignerToolbar } from "../ui/DesignerToolbar.tsx";
import { uiText } from "../ui/uiText.ts";
import { type DesignerKeyEvent, historyShortcut } from "../ui/useDesignerKeys.ts";
import type { FormDesignerAction, FormDesignerState } from "./formDesignerReducer.ts";
import type { DesignerLocale } from "./formTypes.ts";
import { keyboardMoves, type MoveTarget } from "./keyboardMoves.ts";

/** Props of {@link FormToolbar}. */
export interface FormToolbarProps {
  state: FormDesignerState;
  dispatch: Dispatch<FormDesignerAction>;
  locale: DesignerLocale;
}

/**
 * The form designer's shortcuts, the same as its toolbar buttons: Ctrl+Z / Ctrl+Y (or
 * Ctrl+Shift+Z), Ctrl+C / Ctrl+X / Ctrl+V, Ctrl+D duplicate, Delete, Alt+↑/↓ move, Alt+→ into
 * the container above, Alt+← out of the container.
 */
export function formShortcut(
  event: DesignerKeyEvent,
  state: FormDesignerState,
): FormDesignerAction | undefined {
  const history = historyShortcut(event);
  if (history) return history;
  const path = state.selected;
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (mod && key === "v") return { type: "paste" };
  if (!path) return undefined;
  if (mod && key === "c") return { type: "copy", path };
  if (mod && key === "x") return { type: "cut", path };
  if (mod && key === "d") return { type: "duplicate", path };
  if (event.key === "Delete" || event.key === "Backspace") return { type: "remove", path };
  if (!event.altKey) return undefined;
  const moves = keyboardMoves(state.history.present, path);
  const target = { ArrowUp: moves.up, ArrowDown: moves.down, ArrowRight: moves.into, ArrowLeft: moves.out }[
    event.key
  ];
  return target ? { type: "move", from: path, list: target.list, index: target.index } : undefined;
}

/** Undo/redo, clipboard and move buttons for the selected field ({@link formShortcut} has the keys). */
export function FormToolbar(props: FormToolbarProps) {
  const { state, dispatch } = props;
  const t = uiText(props.locale);
  const path = state.selected;
  const moves = path ? keyboardMoves(state.history.present, path) : {};
  const move = (target: MoveTarget | undefined) => {
    if (path && target) dispatch({ type: "move", from: path, list: target.list, index: target.index });
  };
  return (
    <DesignerToolbar label={t.canvas} history={state.history} dispatch={dispatch} locale={props.locale}>
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
    </DesignerToolbar>
  );
}
