import type { ScopeTypes } from "@wf/expr";
import type { DesignerLocale, LocalText } from "../form/formTypes.ts";
import { ExpressionInput, SelectInput, TextInput } from "../form/propertyInputs.tsx";
import { uiText } from "../ui/uiText.ts";

/** A named rule of a definition: a condition on the case, its message and how much it matters. */
export interface DesignNamedRule {
  when: string;
  message: LocalText;
  severity?: string;
  [property: string]: unknown;
}

/** Props of {@link NamedRulesEditor}. */
export interface NamedRulesEditorProps {
  rules: Record<string, DesignNamedRule>;
  onChange: (rules: Record<string, DesignNamedRule> | undefined) => void;
  scope: ScopeTypes;
  locale: DesignerLocale;
}

const SEVERITIES = ["block", "warn", "info"] as const;

/**
 * The definition's named rules (eligibility, preferences): each a condition written in the
 * expression editor against the case data, a message in both languages and a severity; steps
 * name the rules they check.
 */
export function NamedRulesEditor(props: NamedRulesEditorProps) {
  const t = uiText(props.locale);
  const set = (name: string, rule: DesignNamedRule | undefined) => {
    const next = { ...props.rules };
    if (rule) next[name] = rule;
    else delete next[name];
    props.onChange(Object.keys(next).length > 0 ? next : undefined);
  };
  return (
    <fieldset className="wf-prop">
      <legend>{t.namedRules}</legend>
      {Object.entries(props.rules).map(([name, rule]) => (
        <fieldset key={name} className="wf-prop">
          <legend>{name}</legend>
          <ExpressionInput
            label={`${name}: ${t.ruleWhen}`}
            value={rule.when}
            onCommit={(when) => set(name, { ...rule, when: when ?? "" })}
            scope={props.scope}
            locale={props.locale}
          />
          <TextInput
            label={`${name}: ${t.ruleMessage} (zh)`}
            value={rule.message?.zh}
            onCommit={(zh) => set(name, { ...rule, message: { ...rule.message, zh: zh ?? "" } })}
          />
          <TextInput
            label={`${name}: ${t.ruleMessage} (en)`}
            value={rule.message?.en}
            onCommit={(en) =>
              set(name, {
                ...rule,
                message: { zh: rule.message?.zh ?? "", ...(en === undefined ? {} : { en }) },
              })
            }
          />
          <SelectInput
            label={`${name}: ${t.severity}`}
            value={rule.severity ?? "block"}
            options={SEVERITIES.map((s) => [s, s] as const)}
            onCommit={(severity) => set(name, { ...rule, severity: severity ?? "block" })}
          />
          <button type="button" onClick={() => set(name, undefined)}>{`${t.remove} ${name}`}</button>
        </fieldset>
      ))}
      <TextInput
        label={t.addNamedRule}
        value={undefined}
        onCommit={(name) =>
          name &&
          !props.rules[name] &&
          set(name, { when: "true", message: { zh: name, en: name }, severity: "block" })
        }
      />
    </fieldset>
  );
}
