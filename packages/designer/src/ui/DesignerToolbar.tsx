import type { ReactNode } from "react";
import type { DesignerLocale } from "../form/formTypes.ts";
import type { History } from "../history/history.ts";
import { uiText } from "./uiText.ts";

/** The history actions both designers' reducers take. */
export type HistoryAction = { type: "undo" } | { type: "redo" };

/** Props of {@link DesignerToolbar}. */
export interface DesignerToolbarProps {
  /** Accessible name of the toolbar (what its buttons act on: the canvas, the diagram). */
  label: string;
  history: History<unknown>;
  dispatch: (action: HistoryAction) => void;
  locale: DesignerLocale;
  /** The designer's own controls, after undo and redo. */
  children: ReactNode;
}

/**
 * The toolbar of a designer: undo and redo first (their tooltips name the change they revert or
 * re-apply), then the designer's own controls. One component, so both designers look and read
 * alike to a screen reader.
 */
export function DesignerToolbar(props: DesignerToolbarProps) {
  const t = uiText(props.locale);
  const { past, future } = props.history;
  return (
    <div className="wf-toolbar" role="toolbar" aria-label={props.label}>
      <button
        type="button"
        disabled={past.length === 0}
        title={past.at(-1)?.label}
        onClick={() => props.dispatch({ type: "undo" })}
      >
        {t.undo}
      </button>
      <button
        type="button"
        disabled={future.length === 0}
        title={future.at(-1)?.label}
        onClick={() => props.dispatch({ type: "redo" })}
      >
        {t.redo}
      </button>
      {props.children}
    </div>
  );
}
