import type { Dispatch } from "react";
import { uiText } from "../ui/uiText.ts";
import type { FieldPath } from "./fieldPaths.ts";
import type { FormDesignerAction } from "./formDesignerReducer.ts";
import { formOutline, type OutlineNode } from "./formOutline.ts";
import type { DesignerLocale, DesignForm } from "./formTypes.ts";

/** Props of {@link OutlineTree}. */
export interface OutlineTreeProps {
  form: DesignForm;
  selected: FieldPath | null;
  locale: DesignerLocale;
  dispatch: Dispatch<FormDesignerAction>;
}

function Nodes(props: {
  nodes: OutlineNode[];
  selectedId: string | null;
  dispatch: Dispatch<FormDesignerAction>;
}) {
  return (
    <ul>
      {props.nodes.map((node) => (
        <li key={node.id}>
          {node.kind === "field" ? (
            <button
              type="button"
              aria-pressed={node.id === props.selectedId}
              onClick={() => props.dispatch({ type: "select", path: node.path })}
            >
              {node.title}
              {node.key && node.key !== node.title ? <code> {node.key}</code> : null}
            </button>
          ) : (
            <span className="wf-fd-outline-panel">{node.title}</span>
          )}
          {node.children.length > 0 ? (
            <Nodes nodes={node.children} selectedId={props.selectedId} dispatch={props.dispatch} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The form as a tree: every field under its container, tabs and pages as headings; click to select. */
export function OutlineTree(props: OutlineTreeProps) {
  const t = uiText(props.locale);
  return (
    <nav className="wf-fd-outline" aria-label={t.outline}>
      <Nodes
        nodes={formOutline(props.form, props.locale)}
        selectedId={props.selected?.join(".") ?? null}
        dispatch={props.dispatch}
      />
    </nav>
  );
}
