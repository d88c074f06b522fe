import type { Dispatch } from "react";
import type { DesignerLocale, DesignForm } from "../form/formTypes.ts";
import { localText } from "../form/formTypes.ts";
import { SelectInput, TextInput } from "../form/propertyInputs.tsx";
import { uiText } from "../ui/uiText.ts";
import { definitionScope } from "./definitionScope.ts";
import { FlowProperties } from "./FlowProperties.tsx";
import { OutcomesEditor } from "./OutcomesEditor.tsx";
import { findStep, listSteps } from "./stepIndex.ts";
import { STEP_KIND_NAMES } from "./stepTemplates.ts";
import { TaskProperties } from "./TaskProperties.tsx";
import type { WorkflowDesignerAction } from "./workflowDesignerReducer.ts";
import { BRANCH_END, type DesignDefinition, STEP_KINDS } from "./workflowTypes.ts";

/** Props of {@link StepProperties}. */
export interface StepPropertiesProps {
  definition: DesignDefinition;
  stepId: string | null;
  forms: readonly DesignForm[];
  dispatch: Dispatch<WorkflowDesignerAction>;
  locale: DesignerLocale;
}

/**
 * The property panel of the selected step: id (renaming updates every reference), title, kind,
 * then what the kind needs — assignee, form and field permissions, outcomes, conditions, timers,
 * joins and completion rules.
 */
export function StepProperties(props: StepPropertiesProps) {
  const t = uiText(props.locale);
  const found = props.stepId ? findStep(props.definition, props.stepId) : undefined;
  if (!found) return <p className="wf-fd-hint">{t.noStepSelected}</p>;
  const { id, step } = found;
  const set = (changes: Record<string, unknown>) => props.dispatch({ type: "updateStep", id, changes });
  const targets: [string, string][] = listSteps(props.definition)
    .filter((s) => s.id !== id)
    .map((s) => [s.id, `${localText(s.step.title, props.locale) || s.id} (${s.id})`]);
  if (found.branch) targets.push([BRANCH_END, BRANCH_END]);
  const isTask = step.kind === "userTask" || step.kind === "multiTask";
  const scope = definitionScope(props.definition, { item: step.kind === "multiTask" });
  return (
    <section className="wf-wd-props" aria-label={t.properties}>
      <TextInput
        label={t.stepId}
        value={id}
        onCommit={(to) => to && props.dispatch({ type: "renameStep", from: id, to })}
      />
      <TextInput
        label={`${t.title} (zh)`}
        value={step.title?.zh}
        onCommit={(zh) => set({ title: { ...step.title, zh: zh ?? "" } })}
      />
      <TextInput
        label={`${t.title} (en)`}
        value={step.title?.en}
        onCommit={(en) => set({ title: { zh: step.title?.zh ?? "", ...(en === undefined ? {} : { en }) } })}
      />
      <SelectInput
        label={t.kind}
        value={step.kind}
        options={STEP_KINDS.map((k) => [k, localText(STEP_KIND_NAMES[k], props.locale)] as const)}
        onCommit={(kind) => kind && set({ kind })}
      />
      {isTask ? (
        <TaskProperties
          step={step}
          definition={props.definition}
          forms={props.forms}
          scope={scope}
          set={set}
          locale={props.locale}
        />
      ) : null}
      {isTask ? (
        <OutcomesEditor
          outcomes={step.outcomes ?? {}}
          onChange={(outcomes) => set({ outcomes })}
          targets={targets}
          withTargets={step.kind === "userTask"}
          locale={props.locale}
        />
      ) : null}
      <FlowProperties
        step={step}
        scope={scope}
        targets={targets}
        set={set}
        addBranch={(branch) =>
          props.dispatch({ type: "addStep", kind: "userTask", place: { parallel: id, branch } })
        }
        locale={props.locale}
      />
    </section>
  );
}
