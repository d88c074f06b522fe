import type { FunctionRegistry, ScopeTypes } from "@wf/expr";
import { uiText } from "../ui/uiText.ts";
import type { DesignerLocale, LocalText } from "./formTypes.ts";
import { ExpressionInput, TextInput } from "./propertyInputs.tsx";

/** A validation rule as the form language writes it: an expression that must hold, and a message. */
export interface DesignRule {
  check: string;
  message: LocalText;
  [property: string]: unknown;
}

/** Props of {@link RulesEditor}. */
export interface RulesEditorProps {
  rules: DesignRule[];
  onChange: (rules: DesignRule[] | undefined) => void;
  /** What the rule's expression may read (the field's own value is `value`). */
  scope: ScopeTypes;
  functions?: FunctionRegistry | undefined;
  testData?: Record<string, unknown> | undefined;
  locale: DesignerLocale;
}

/**
 * A field's own validation rules: each an expression written in the expression editor (with the
 * field's value as `value`) and the message shown when it fails, in both languages.
 */
export function RulesEditor(props: RulesEditorProps) {
  const t = uiText(props.locale);
  const set = (i: number, change: Partial<DesignRule>) =>
    props.onChange(props.rules.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <fieldset className="wf-prop">
      <legend>{t.rules}</legend>
      {props.rules.map((rule, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a rule is its position while it is edited
        <div key={i}>
          <ExpressionInput
            label={`${t.ruleCheck} ${i + 1}`}
            value={rule.check}
            onCommit={(check) => set(i, { check: check ?? "" })}
            scope={props.scope}
            functions={props.functions}
            testData={props.testData}
            locale={props.locale}
          />
          <TextInput
            label={`${t.ruleMessage} ${i + 1} (zh)`}
            value={rule.message?.zh}
            onCommit={(zh) => set(i, { message: { ...rule.message, zh: zh ?? "" } })}
          />
          <TextInput
            label={`${t.ruleMessage} ${i + 1} (en)`}
            value={rule.message?.en}
            onCommit={(en) =>
              set(i, { message: { zh: rule.message?.zh ?? "", ...(en === undefined ? {} : { en }) } })
            }
          />
          <button type="button" onClick={() => props.onChange(props.rules.filter((_, j) => j !== i))}>
            {`${t.remove} ${t.rules} ${i + 1}`}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() =>
          props.onChange([...props.rules, { check: "", message: { zh: "填写有误", en: "Invalid value" } }])
        }
      >
        {t.addRule}
      </button>
    </fieldset>
  );
}
