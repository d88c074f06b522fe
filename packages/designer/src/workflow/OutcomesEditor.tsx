import type { DesignerLocale } from "../form/formTypes.ts";
import { SelectInput, TextInput } from "../form/propertyInputs.tsx";
import { uiText } from "../ui/uiText.ts";
import type { DesignOutcome } from "./workflowTypes.ts";

/** Props of {@link OutcomesEditor}. */
export interface OutcomesEditorProps {
  outcomes: Record<string, DesignOutcome>;
  onChange: (outcomes: Record<string, DesignOutcome>) => void;
  /** Steps an outcome may lead to, as [id, caption]. */
  targets: readonly (readonly [string, string])[];
  /** Whether outcomes lead anywhere themselves (a multi-signer step's votes do not). */
  withTargets: boolean;
  locale: DesignerLocale;
}

/**
 * The outcomes (buttons) of a task: key, labels, where each leads, whether an opinion is asked.
 * Choosing a target here draws the arrow, the keyboard way of connecting steps.
 */
export function OutcomesEditor(props: OutcomesEditorProps) {
  const t = uiText(props.locale);
  const entries = Object.entries(props.outcomes);
  const replace = (key: string, nextKey: string, outcome: DesignOutcome | undefined) => {
    const next: Record<string, DesignOutcome> = {};
    for (const [k, v] of entries) {
      if (k !== key) next[k] = v;
      else if (outcome) next[nextKey] = outcome;
    }
    props.onChange(next);
  };
  const drop = (o: DesignOutcome, prop: string, value: unknown): DesignOutcome => {
    const next = { ...o, [prop]: value };
    if (value === undefined) delete next[prop];
    return next;
  };
  return (
    <fieldset className="wf-prop">
      <legend>{t.outcomes}</legend>
      {entries.map(([key, outcome]) => (
        <fieldset key={key} className="wf-prop" aria-label={key}>
          <TextInput
            label={`${t.key} (${key})`}
            value={key}
            onCommit={(v) => v && !props.outcomes[v] && replace(key, v, outcome)}
          />
          <TextInput
            label={`${t.labelZh} (${key})`}
            value={outcome.label?.zh}
            onCommit={(v) => replace(key, key, { ...outcome, label: { ...outcome.label, zh: v ?? "" } })}
          />
          <TextInput
            label={`${t.labelEn} (${key})`}
            value={outcome.label?.en}
            onCommit={(v) =>
              replace(key, key, {
                ...outcome,
                label: { zh: outcome.label?.zh ?? "", ...(v === undefined ? {} : { en: v }) },
              })
            }
          />
          {props.withTargets ? (
            <SelectInput
              label={`${t.target} (${key})`}
              value={outcome.to}
              options={props.targets}
              empty={t.none}
              onCommit={(v) => replace(key, key, drop(outcome, "to", v))}
            />
          ) : null}
          <SelectInput
            label={`${t.opinion} (${key})`}
            value={typeof outcome.opinion === "string" ? outcome.opinion : undefined}
            options={[
              ["optional", "optional"],
              ["required", "required"],
            ]}
            empty={t.none}
            onCommit={(v) => replace(key, key, drop(outcome, "opinion", v))}
          />
          <button type="button" onClick={() => replace(key, key, undefined)}>{`${t.remove} ${key}`}</button>
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() => {
          let n = entries.length + 1;
          while (props.outcomes[`outcome${n}`]) n++;
          props.onChange({
            ...props.outcomes,
            [`outcome${n}`]: { label: { zh: `结果${n}`, en: `Outcome ${n}` } },
          });
        }}
      >
        {t.addOutcome}
      </button>
    </fieldset>
  );
}
