import { type RefObject, useEffect } from "react";
import type { HistoryAction } from "./DesignerToolbar.tsx";

/** The parts of a key press the designers read (a DOM KeyboardEvent has them all). */
export type DesignerKeyEvent = Pick<
  KeyboardEvent,
  "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey" | "target" | "preventDefault"
>;

/** Keys typed into a text box belong to that box (CodeMirror has its own undo), not to the designer. */
function inEditable(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    target.closest("input, textarea, select, [contenteditable='true'], .cm-editor") !== null
  );
}

/** Ctrl+Z undoes; Ctrl+Y and Ctrl+Shift+Z redo (Cmd on a Mac). */
export function historyShortcut(event: DesignerKeyEvent): HistoryAction | undefined {
  if (!(event.ctrlKey || event.metaKey)) return undefined;
  const key = event.key.toLowerCase();
  if (key === "z" && !event.shiftKey) return { type: "undo" };
  if (key === "y" || (key === "z" && event.shiftKey)) return { type: "redo" };
  return undefined;
}

/**
 * Send key presses anywhere inside the designer's root, except those typed into a text box, to
 * `onKey`; it returns the action to dispatch, if the key is a shortcut (the default is then
 * prevented). A native listener on the root, since the root is a plain container rather than a
 * widget of its own.
 */
export function useDesignerKeys<A>(
  root: RefObject<HTMLElement | null>,
  dispatch: (action: A) => void,
  onKey: (event: DesignerKeyEvent) => A | undefined,
): void {
  // onKey is a new closure on every render (it reads the selection); re-adding one listener
  // per render is cheaper than being wrong about which selection a key press acts on.
  useEffect(() => {
    const el = root.current;
    const listener = (event: KeyboardEvent) => {
      if (inEditable(event.target)) return;
      const action = onKey(event);
      if (action === undefined) return;
      event.preventDefault();
      dispatch(action);
    };
    el?.addEventListener("keydown", listener);
    return () => el?.removeEventListener("keydown", listener);
  }, [root, dispatch, onKey]);
}
