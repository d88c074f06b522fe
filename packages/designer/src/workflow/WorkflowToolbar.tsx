import { type Dispatch, useId, useState } from "react";
import type { DesignerLocale } from "../form/formTypes.ts";
import { localText } from "../form/formTypes.ts";
import type { JsonPath } from "../history/jsonPatch.ts";
import { DesignerToolbar } from "../ui/DesignerToolbar.tsx";
import { uiText } from "../ui/uiText.ts";
import { listSteps } from "./stepIndex.ts";
import { STEP_KIND_NAMES } from "./stepTemplates.ts";
import type { WorkflowDesignerAction, WorkflowDesignerState } from "./workflowDesignerReducer.ts";
import { STEP_KINDS, type StepKind } from "./workflowTypes.ts";

/** Props of {@link WorkflowToolbar}. */
export interface WorkflowToolbarProps {
  state: WorkflowDesignerState;
  dispatch: Dispatch<WorkflowDesignerAction>;
  /** The arrow selected on the diagram, if any. */
  edge: { step: string; via: JsonPath } | null;
  clearEdge: () => void;
  onStaffing: (() => void) | undefined;
  onPublish: (() => void) | undefined;
  locale: DesignerLocale;
}

/**
 * Add a step of a chosen kind, connect the selected step to another, delete the selected step or
 * arrow, run the staffing check, publish (after the shared undo and redo): all reachable by keyboard, so nothing
 * on the diagram needs a mouse.
 */
export function WorkflowToolbar(props: WorkflowToolbarProps) {
  const t = uiText(props.locale);
  const kindId = useId();
  const targetId = useId();
  const [kind, setKind] = useState<StepKind>("userTask");
  const [target, setTarget] = useState("");
  const { state, dispatch } = props;
  const selected = state.selected;
  const steps = listSteps(state.history.present).filter((s) => s.id !== selected);
  return (
    <DesignerToolbar label={t.diagram} history={state.history} dispatch={dispatch} locale={props.locale}>
      <label htmlFor={kindId}>{t.kind}</label>
      <select id={kindId} value={kind} onChange={(e) => setKind(e.target.value as StepKind)}>
        {STEP_KINDS.map((k) => (
          <option key={k} value={k}>
            {localText(STEP_KIND_NAMES[k], props.locale)}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => dispatch({ type: "addStep", kind })}>
        {t.addStep}
      </button>
      <label htmlFor={targetId}>{t.connectTo}</label>
      <select id={targetId} value={target} onChange={(e) => setTarget(e.target.value)} disabled={!selected}>
        <option value="">{t.none}</option>
        {steps.map((s) => (
          <option key={s.id} value={s.id}>
            {localText(s.step.title, props.locale) || s.id}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={!selected || !target}
        onClick={() => selected && dispatch({ type: "connect", from: selected, to: target })}
      >
        {t.connectTo}
      </button>
      <button
        type="button"
        disabled={!selected}
        onClick={() => selected && dispatch({ type: "removeStep", id: selected })}
      >
        {t.remove}
      </button>
      <button
        type="button"
        disabled={!props.edge}
        onClick={() => {
          if (props.edge) dispatch({ type: "disconnect", from: props.edge.step, via: props.edge.via });
          props.clearEdge();
        }}
      >
        {t.removeArrow}
      </button>
      {props.onStaffing ? (
        <button type="button" onClick={props.onStaffing}>
          {t.staffing}
        </button>
      ) : null}
      {props.onPublish ? (
        <button type="button" onClick={props.onPublish}>
          {t.publish}
        </button>
      ) : null}
    </DesignerToolbar>
  );
}
