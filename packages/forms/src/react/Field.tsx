import { type ReactNode, useEffect } from "react";
import { useFormContext } from "react-hook-form";
import type { CompiledField } from "../schema/compileForm";
import type { FieldState } from "../schema/formState";
import { localize } from "../schema/messages";
import {
  CheckboxControl,
  MultiSelectControl,
  RadioControl,
  SelectControl,
  SwitchControl,
} from "./ChoiceControls";
import type { ControlProps } from "./controlProps";
import { errorText, packMessage } from "./errorText";
import { FileControl } from "./FileControl";
import { useFormHost } from "./FormHost";
import { formatValue } from "./formatValue";
import { fieldId, useFieldError, useFieldState, useFieldValue, useRuntime } from "./formRuntime";
import { GroupField } from "./GroupField";
import { itemStyle } from "./itemStyle";
import { PickerControl } from "./PickerControl";
import { SignatureControl } from "./SignatureControl";
import { DateControl, NumberControl, OWN_TEXT_TYPES, TextControl } from "./TextControls";
import { uiText } from "./uiText";

// Controls labelled by a <label for>; the others (groups of inputs, canvas) by aria-labelledby.
const LABELLED_BY_FOR = new Set([
  "text",
  "textarea",
  "number",
  "money",
  "date",
  "datetime",
  "select",
  "idCard",
  "mobile",
  "checkbox",
]);

/**
 * One field of the form, by react-hook-form name (`rank`, `items.2.amount`). It subscribes to its
 * own value and its own state only, so typing elsewhere does not re-render it.
 */
export function Field(props: { field: CompiledField; name: string; cell?: boolean }) {
  const state = useFieldState(props.name);
  const { clearErrors } = useFormContext();
  const { errors } = useRuntime();
  const group = props.field.columns.length > 0;
  // A field that disappears takes its error with it (the schema no longer checks it). Only when
  // it has one: clearing notifies the whole form, too costly for every hidden field at mount.
  useEffect(() => {
    if (!state.visible && (group || errors.get(props.name) !== undefined)) clearErrors(props.name);
  }, [state.visible, props.name, clearErrors, errors, group]);
  if (!state.visible) return null;
  if (group) return <GroupField field={props.field} name={props.name} state={state} Cell={Field} />;
  return <FieldBody {...props} state={state} />;
}

const noop = () => {};

function FieldBody({
  field,
  name,
  state,
  cell,
}: {
  field: CompiledField;
  name: string;
  state: FieldState;
  cell?: boolean | undefined;
}) {
  const rt = useRuntime();
  const host = useFormHost();
  const { setError } = useFormContext();
  const json = field.json;
  // Our own per-name subscriptions instead of useController: a keystroke notifies one field,
  // not every registered controller; a text input keeps its own text (see TextControl).
  const value = useFieldValue(name, state.readonly || !OWN_TEXT_TYPES.has(json.type));
  const error = useFieldError(name);
  const id = fieldId(rt.idPrefix, name);
  const labelId = `${id}-label`;
  const helpId = `${id}-help`;
  const errId = `${id}-error`;
  const own = localize(json.label, rt.locale) || json.key;
  // In a table the column header shows the label; screen readers also need the row.
  const label = cell ? uiText(rt.locale).cell(own, Number(name.split(".")[1]) + 1) : own;
  const describedBy = [json.help ? helpId : "", error ? errId : ""].filter(Boolean).join(" ") || undefined;
  const required = state.required && !state.readonly;
  const labelText = (
    <>
      {label}
      {required && (
        <span className="wf-required" aria-hidden="true">
          *
        </span>
      )}
    </>
  );
  const labelClass = cell ? "wf-sr-only" : undefined;
  const wrap = (labelEl: ReactNode, control: ReactNode, after?: boolean) => (
    <div className="wf-item" style={cell ? undefined : itemStyle(json.span)} data-field={name}>
      {!after && labelEl}
      {after ? (
        <span>
          {control} {labelEl}
        </span>
      ) : (
        control
      )}
      {json.help && (
        <span id={helpId} className="wf-help">
          {localize(json.help, rt.locale)}
        </span>
      )}
      {error && (
        <span id={errId} className="wf-error">
          {errorText(error, rt.locale)}
        </span>
      )}
    </div>
  );

  if (state.readonly) {
    // Read-only values are text, still named by their label for screen readers.
    return wrap(
      <span id={labelId} className={labelClass}>
        {label}
      </span>,
      <output id={id} aria-labelledby={labelId} aria-describedby={describedBy} className="wf-readonly">
        {formatValue(json, value, rt.locale, host)}
      </output>,
    );
  }

  const p: ControlProps = {
    field,
    name,
    state,
    locale: rt.locale,
    id,
    labelId,
    describedBy,
    invalid: error !== undefined,
    value,
    onChange: (v) => rt.setValue(name, v),
    onBlur: noop,
    setError: (m) => setError(name, { type: "client", message: packMessage(m) }, { shouldFocus: false }),
  };
  const labelEl = LABELLED_BY_FOR.has(json.type) ? (
    <label id={labelId} htmlFor={id} className={labelClass}>
      {labelText}
    </label>
  ) : (
    <span id={labelId} className={labelClass}>
      {labelText}
    </span>
  );
  return wrap(labelEl, renderControl(p, rt.timeZone), json.type === "checkbox");
}

function renderControl(p: ControlProps, timeZone: string): ReactNode {
  switch (p.field.json.type) {
    case "number":
    case "money":
      return <NumberControl {...p} />;
    case "date":
    case "datetime":
      return <DateControl {...p} timeZone={timeZone} />;
    case "select":
      return <SelectControl {...p} />;
    case "radio":
      return <RadioControl {...p} />;
    case "multiSelect":
      return <MultiSelectControl {...p} />;
    case "checkbox":
      return <CheckboxControl {...p} />;
    case "switch":
      return <SwitchControl {...p} />;
    case "personPicker":
    case "orgPicker":
      return <PickerControl {...p} />;
    case "file":
      return <FileControl {...p} />;
    case "signature":
      return <SignatureControl {...p} />;
    default:
      return <TextControl {...p} />;
  }
}
