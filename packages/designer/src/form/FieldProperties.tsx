import type { FunctionRegistry } from "@wf/expr";
import { formFunctions } from "@wf/forms";
import type { Dispatch } from "react";
import { uiText } from "../ui/uiText.ts";
import { paletteItem } from "./fieldPalette.ts";
import { type FieldPath, fieldAt, LAYOUT_TYPES, ROW_TYPES } from "./fieldPaths.ts";
import type { FormDesignerAction } from "./formDesignerReducer.ts";
import { formScope } from "./formScope.ts";
import { type DesignerLocale, type DesignForm, type LocalText, localText } from "./formTypes.ts";
import { type DesignOption, OptionsEditor } from "./OptionsEditor.tsx";
import { CheckInput, ExpressionInput, NumberInput, TextInput } from "./propertyInputs.tsx";
import { type DesignRule, RulesEditor } from "./RulesEditor.tsx";

/** Props of {@link FieldProperties}. */
export interface FieldPropertiesProps {
  form: DesignForm;
  path: FieldPath | null;
  locale: DesignerLocale;
  dispatch: Dispatch<FormDesignerAction>;
  /** Host functions the form's expressions may call. */
  functions?: FunctionRegistry | undefined;
  /** Values for the live evaluation of conditions and calculations. */
  testData?: Record<string, unknown> | undefined;
}

const CHOICE_TYPES = new Set(["select", "radio", "multiSelect"]);

/**
 * The property panel of the selected field: key, labels in both languages, width, conditions and
 * calculations in the expression editor, and what the field's type adds (length and pattern,
 * bounds, options, tab and page titles, static text).
 */
export function FieldProperties(props: FieldPropertiesProps) {
  const t = uiText(props.locale);
  const field = props.path ? fieldAt(props.form, props.path) : undefined;
  if (!props.path || !field) {
    // With no field selected the panel edits the form itself, so a blank form needs no JSON.
    const title = props.form.title ?? { zh: "" };
    const replace = (form: DesignForm) => props.dispatch({ type: "replace", form, label: "edit form" });
    return (
      <section className="wf-fd-props" aria-label={t.formSettings}>
        <h3>{t.formSettings}</h3>
        <p className="wf-fd-hint">{t.noSelection}</p>
        <TextInput
          label={t.formId}
          value={props.form.id}
          onCommit={(id) => id && replace({ ...props.form, id })}
        />
        <TextInput
          label={t.labelZh}
          value={title.zh || undefined}
          onCommit={(zh) => replace({ ...props.form, title: { ...title, zh: zh ?? "" } })}
        />
        <TextInput
          label={t.labelEn}
          value={title.en}
          onCommit={(en) =>
            replace({ ...props.form, title: { zh: title.zh, ...(en === undefined ? {} : { en }) } })
          }
        />
      </section>
    );
  }
  const path = props.path;
  const set = (changes: Record<string, unknown>) => props.dispatch({ type: "update", path, changes });
  const isValue = !LAYOUT_TYPES.has(field.type);
  const label: LocalText = field.label ?? { zh: "" };
  const setLabel = (lang: "zh" | "en", v: string | undefined) => {
    const next: LocalText = { ...label, zh: lang === "zh" ? (v ?? "") : label.zh };
    if (lang === "en") {
      if (v === undefined) delete next.en;
      else next.en = v;
    }
    set({ label: next.zh === "" && next.en === undefined ? undefined : next });
  };
  const functions = { ...formFunctions, ...props.functions };
  const scope = formScope(props.form, { field: path });
  const expr = (prop: string, name: string) => (
    <ExpressionInput
      label={name}
      value={field[prop]}
      onCommit={(v) => set({ [prop]: v })}
      scope={scope}
      functions={functions}
      testData={props.testData}
      locale={props.locale}
    />
  );
  const panelKey = Array.isArray(field.tabs) ? "tabs" : Array.isArray(field.pages) ? "pages" : undefined;
  const panels = panelKey ? (field[panelKey] as { title: LocalText; fields: unknown[] }[]) : [];
  const setPanel = (i: number, title: LocalText) =>
    set({ [panelKey ?? "tabs"]: panels.map((p, j) => (j === i ? { ...p, title } : p)) });
  const type = paletteItem(field.type);
  return (
    <section className="wf-fd-props" aria-label={t.properties}>
      <h3>{type ? localText(type.name, props.locale) : field.type}</h3>
      {isValue || field.key !== undefined ? (
        <TextInput
          label={t.key}
          value={field.key}
          onCommit={(v) =>
            v ? props.dispatch({ type: "renameKey", path, key: v }) : set({ key: undefined })
          }
        />
      ) : null}
      {field.type !== "static" && panelKey === undefined ? (
        <>
          <TextInput label={t.labelZh} value={label.zh || undefined} onCommit={(v) => setLabel("zh", v)} />
          <TextInput label={t.labelEn} value={label.en} onCommit={(v) => setLabel("en", v)} />
        </>
      ) : null}
      {field.type === "static" ? (
        <>
          <TextInput
            label={`${t.text} (zh)`}
            value={(field.text as LocalText | undefined)?.zh}
            onCommit={(v) => set({ text: { ...(field.text as object), zh: v ?? "" } })}
          />
          <TextInput
            label={`${t.text} (en)`}
            value={(field.text as LocalText | undefined)?.en}
            onCommit={(v) => set({ text: { ...(field.text as object), en: v ?? "" } })}
          />
        </>
      ) : null}
      {isValue && !ROW_TYPES.has(field.type) ? (
        <CheckInput label={t.required} value={field.required} onCommit={(v) => set({ required: v })} />
      ) : null}
      <NumberInput
        label={t.span}
        value={field.span}
        onCommit={(v) =>
          set({ span: v === undefined ? undefined : Math.min(Math.max(Math.round(v), 1), 12) })
        }
      />
      {field.type === "text" || field.type === "textarea" ? (
        <>
          <NumberInput label={t.minLength} value={field.minLength} onCommit={(v) => set({ minLength: v })} />
          <NumberInput label={t.maxLength} value={field.maxLength} onCommit={(v) => set({ maxLength: v })} />
          <TextInput
            label={t.pattern}
            value={typeof field.pattern === "string" ? field.pattern : undefined}
            onCommit={(v) => set({ pattern: v })}
          />
        </>
      ) : null}
      {field.type === "number" || field.type === "money" ? (
        <>
          <NumberInput label={t.min} value={field.min} onCommit={(v) => set({ min: v })} />
          <NumberInput label={t.max} value={field.max} onCommit={(v) => set({ max: v })} />
        </>
      ) : null}
      {CHOICE_TYPES.has(field.type) ? (
        <OptionsEditor
          options={(field.options as DesignOption[] | undefined) ?? []}
          onChange={(options) => set({ options })}
          locale={props.locale}
        />
      ) : null}
      {panels.map((panel, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a panel is its position
        <fieldset key={i} className="wf-prop">
          <legend>{`${t.panelTitle} ${i + 1}`}</legend>
          <TextInput
            label={`${t.labelZh} ${i + 1}`}
            value={panel.title?.zh}
            onCommit={(v) => setPanel(i, { ...panel.title, zh: v ?? "" })}
          />
          <TextInput
            label={`${t.labelEn} ${i + 1}`}
            value={panel.title?.en}
            onCommit={(v) => setPanel(i, { ...panel.title, ...(v === undefined ? {} : { en: v }) })}
          />
        </fieldset>
      ))}
      {panelKey ? (
        <button
          type="button"
          onClick={() =>
            set({
              [panelKey]: [
                ...panels,
                { title: { zh: `第${panels.length + 1}页`, en: `Page ${panels.length + 1}` }, fields: [] },
              ],
            })
          }
        >
          {t.addPanel}
        </button>
      ) : null}
      {expr("visible", t.visible)}
      {isValue ? (
        <RulesEditor
          rules={Array.isArray(field.rules) ? (field.rules as DesignRule[]) : []}
          onChange={(rules) => set({ rules: rules && rules.length > 0 ? rules : undefined })}
          scope={formScope(props.form, { field: path, rule: true })}
          functions={functions}
          testData={props.testData}
          locale={props.locale}
        />
      ) : null}
      {isValue && !ROW_TYPES.has(field.type) ? expr("calc", t.calc) : null}
    </section>
  );
}
