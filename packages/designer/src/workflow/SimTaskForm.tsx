import type { TaskRecord } from "@wf/engine";
import { type FieldPermissions, type FormValues, tryCompileForm } from "@wf/forms";
import { FormRenderer } from "@wf/forms/react";
import { useId, useMemo, useState } from "react";
import type { DesignerLocale, DesignForm } from "../form/formTypes.ts";
import { uiText } from "../ui/uiText.ts";

/** Props of {@link SimTaskForm}. */
export interface SimTaskFormProps {
  task: TaskRecord;
  forms: readonly DesignForm[];
  locale: DesignerLocale;
  onSubmit: (outcome: string, values: FormValues) => void;
}

/**
 * A simulated task's form, rendered as the person at that step will see it (the step's field
 * permissions applied), so the simulation is fed through the real form and its validation rather
 * than hand-written JSON. Renders nothing for a task without a form or with a form not given.
 */
export function SimTaskForm(props: SimTaskFormProps) {
  const t = uiText(props.locale);
  const id = useId();
  const ref = props.task.form?.ref.split("@")[0];
  const json = props.forms.find((f) => f.id === ref);
  const compiled = useMemo(() => (json ? tryCompileForm(json) : undefined), [json]);
  const [outcome, setOutcome] = useState(props.task.outcomes[0]?.id ?? "");
  if (!props.task.form || !compiled?.form) return null;
  const permissions = {
    fields: props.task.form.permissions,
    default: props.task.form.default,
  } as FieldPermissions;
  const chosen = props.task.outcomes.find((o) => o.id === outcome);
  return (
    <details className="wf-wd-sim-form">
      <summary>{t.fillForm}</summary>
      <label htmlFor={id}>{t.outcome}</label>
      <select id={id} value={outcome} onChange={(e) => setOutcome(e.target.value)}>
        {props.task.outcomes.map((o) => (
          <option key={o.id} value={o.id}>
            {props.locale === "en" ? o.label.en : o.label.zh}
          </option>
        ))}
      </select>
      <FormRenderer
        form={compiled.form}
        locale={props.locale}
        permissions={permissions}
        onSubmit={(values) => props.onSubmit(outcome, values)}
        {...(chosen ? { submitLabel: chosen.label } : {})}
      />
    </details>
  );
}
