import type { FunctionRegistry } from "@wf/expr";
import { type FormValues, tryCompileForm } from "@wf/forms";
import { FormRenderer } from "@wf/forms/react";
import { useId, useMemo, useRef, useState } from "react";
import { readJson } from "../json/locateJsonPath.ts";
import { uiText } from "../ui/uiText.ts";
import type { DesignerLocale, DesignForm } from "./formTypes.ts";
import type { PreviewStep } from "./previewSteps.ts";

/** Props of {@link FormPreview}. */
export interface FormPreviewProps {
  form: DesignForm;
  locale: DesignerLocale;
  /** Steps that show this form (see `previewStepsFor`); the author picks one to preview as. */
  steps: readonly PreviewStep[];
  functions?: FunctionRegistry | undefined;
  /** Case data, seen by the form's expressions as `data`. */
  caseData?: unknown;
}

/**
 * The form as a person acting at a chosen step sees it, filled with test values: the real
 * renderer of `@wf/forms/react`, so conditions, calculations, permissions and validation behave
 * exactly as they will in the app. Submitting shows the values that would be stored.
 */
export function FormPreview(props: FormPreviewProps) {
  const t = uiText(props.locale);
  const stepId = useId();
  const dataId = useId();
  const [step, setStep] = useState("");
  const [dataText, setDataText] = useState("{}");
  const [submitted, setSubmitted] = useState<FormValues | null>(null);
  const compiled = useMemo(
    () => tryCompileForm(props.form, props.functions ? { functions: props.functions } : {}),
    [props.form, props.functions],
  );
  const values = useMemo(() => readJson(dataText), [dataText]);
  // The renderer opens once per form; a new generation remounts it when anything it opened with changes.
  const generation = useRef(0);
  const lastInputs = useRef<unknown[]>([]);
  const inputs = [compiled, step, dataText];
  if (inputs.some((x, i) => x !== lastInputs.current[i])) {
    lastInputs.current = inputs;
    generation.current++;
  }
  const chosen = props.steps.find((s) => s.id === step);
  return (
    <section className="wf-fd-preview" aria-label={t.preview}>
      <label htmlFor={stepId}>{t.asStep}</label>
      <select id={stepId} value={step} onChange={(e) => setStep(e.target.value)}>
        <option value="">{t.noStep}</option>
        {props.steps.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>
      <label htmlFor={dataId}>{t.testData}</label>
      <textarea id={dataId} value={dataText} rows={3} onChange={(e) => setDataText(e.target.value)} />
      {!values.ok ? <p role="alert">{`${t.invalidJson}: ${values.message}`}</p> : null}
      {compiled.form ? (
        <FormRenderer
          key={generation.current}
          form={compiled.form}
          locale={props.locale}
          values={
            values.ok && typeof values.value === "object" && values.value !== null
              ? (values.value as FormValues)
              : {}
          }
          permissions={chosen?.permissions}
          context={{ data: props.caseData ?? {} }}
          onSubmit={(v) => setSubmitted(v)}
        />
      ) : (
        <ul aria-label={t.issues}>
          {compiled.issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              <code>{issue.path}</code> {issue.message}
            </li>
          ))}
        </ul>
      )}
      {submitted ? (
        <output aria-label={t.result}>
          <pre>{JSON.stringify(submitted, null, 2)}</pre>
        </output>
      ) : null}
    </section>
  );
}
