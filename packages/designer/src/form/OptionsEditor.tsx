import { uiText } from "../ui/uiText.ts";
import type { DesignerLocale, LocalText } from "./formTypes.ts";
import { TextInput } from "./propertyInputs.tsx";

/** One choice as the form language writes it. */
export interface DesignOption {
  value: string | number;
  label: LocalText;
  [property: string]: unknown;
}

/** Props of {@link OptionsEditor}. */
export interface OptionsEditorProps {
  options: DesignOption[];
  onChange: (options: DesignOption[]) => void;
  locale: DesignerLocale;
}

/** The choices of a select, radio or multi-select: value and both labels, add and remove. */
export function OptionsEditor(props: OptionsEditorProps) {
  const t = uiText(props.locale);
  const set = (i: number, change: Partial<DesignOption>) =>
    props.onChange(props.options.map((o, j) => (j === i ? { ...o, ...change } : o)));
  const nextValue = () => {
    const taken = new Set(props.options.map((o) => String(o.value)));
    let n = props.options.length + 1;
    while (taken.has(`option${n}`)) n++;
    return `option${n}`;
  };
  return (
    <fieldset className="wf-prop wf-options">
      <legend>{t.options}</legend>
      <ol>
        {props.options.map((option, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: an option is its position while its value is edited
          <li key={i}>
            <TextInput
              label={`${t.optionValue} ${i + 1}`}
              value={String(option.value)}
              onCommit={(v) =>
                set(i, {
                  value:
                    typeof option.value === "number" && v !== undefined && Number.isFinite(Number(v))
                      ? Number(v)
                      : (v ?? ""),
                })
              }
            />
            <TextInput
              label={`${t.labelZh} ${i + 1}`}
              value={option.label?.zh}
              onCommit={(v) => set(i, { label: { ...option.label, zh: v ?? "" } })}
            />
            <TextInput
              label={`${t.labelEn} ${i + 1}`}
              value={option.label?.en}
              onCommit={(v) =>
                set(i, { label: { zh: option.label?.zh ?? "", ...(v === undefined ? {} : { en: v }) } })
              }
            />
            <button type="button" onClick={() => props.onChange(props.options.filter((_, j) => j !== i))}>
              {`${t.remove} ${i + 1}`}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        onClick={() => {
          const n = props.options.length + 1;
          props.onChange([
            ...props.options,
            { value: nextValue(), label: { zh: `选项${n}`, en: `Option ${n}` } },
          ]);
        }}
      >
        {t.addOption}
      </button>
    </fieldset>
  );
}
