import type { FunctionRegistry, ScopeTypes } from "@wf/expr";
import { type FocusEvent, type KeyboardEvent, useId, useState } from "react";
import { ExpressionEditor } from "../expression/ExpressionEditor.tsx";
import type { DesignerLocale } from "./formTypes.ts";

// Property inputs keep what is typed locally and commit on blur or Enter: one undo step per
// edit of a property, not one per keystroke.

/** A text property; an empty text commits `undefined` so the property is removed. */
export function TextInput(props: {
  label: string;
  value: string | undefined;
  onCommit: (value: string | undefined) => void;
}) {
  const id = useId();
  const [text, setText] = useState(props.value ?? "");
  const [seen, setSeen] = useState(props.value);
  if (seen !== props.value) {
    setSeen(props.value);
    setText(props.value ?? "");
  }
  const commit = () => {
    const next = text === "" ? undefined : text;
    if (next !== props.value) props.onCommit(next);
  };
  return (
    <div className="wf-prop">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e: KeyboardEvent) => {
          if (e.key === "Enter") commit();
        }}
      />
    </div>
  );
}

/** A number property; an empty or non-numeric entry removes it. */
export function NumberInput(props: {
  label: string;
  value: unknown;
  onCommit: (value: number | undefined) => void;
}) {
  const current = typeof props.value === "number" ? String(props.value) : undefined;
  return (
    <TextInput
      label={props.label}
      value={current}
      onCommit={(text) => {
        const n = text === undefined ? Number.NaN : Number(text);
        props.onCommit(Number.isFinite(n) ? n : undefined);
      }}
    />
  );
}

/** A yes/no property; unchecking removes it (false is the language's default). */
export function CheckInput(props: {
  label: string;
  value: unknown;
  onCommit: (value: true | undefined) => void;
}) {
  const id = useId();
  return (
    <div className="wf-prop wf-prop-check">
      <input
        id={id}
        type="checkbox"
        checked={props.value === true}
        onChange={(e) => props.onCommit(e.target.checked ? true : undefined)}
      />
      <label htmlFor={id}>{props.label}</label>
    </div>
  );
}

/** An expression property, edited in the expression editor and committed when focus leaves it. */
export function ExpressionInput(props: {
  label: string;
  value: unknown;
  onCommit: (value: string | undefined) => void;
  scope: ScopeTypes;
  functions?: FunctionRegistry | undefined;
  testData?: Record<string, unknown> | undefined;
  locale: DesignerLocale;
}) {
  const value = typeof props.value === "string" ? props.value : "";
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setText(value);
  }
  const onBlur = (event: FocusEvent<HTMLFieldSetElement>) => {
    if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
    const next = text.trim() === "" ? undefined : text;
    if (next !== (value === "" ? undefined : value)) props.onCommit(next);
  };
  return (
    <fieldset className="wf-prop wf-prop-expr" onBlur={onBlur}>
      <legend>{props.label}</legend>
      <ExpressionEditor
        label={props.label}
        value={text}
        onChange={setText}
        scope={props.scope}
        locale={props.locale}
        {...(props.functions ? { functions: props.functions } : {})}
        {...(props.testData ? { testData: props.testData } : {})}
      />
    </fieldset>
  );
}

/** A property chosen from a list; the empty choice removes it. */
export function SelectInput(props: {
  label: string;
  value: string | undefined;
  options: readonly (readonly [value: string, text: string])[];
  onCommit: (value: string | undefined) => void;
  /** Text of the empty choice; without it there is none. */
  empty?: string;
}) {
  const id = useId();
  return (
    <div className="wf-prop">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value ?? ""}
        onChange={(e) => props.onCommit(e.target.value === "" ? undefined : e.target.value)}
      >
        {props.empty !== undefined || props.value === undefined ? (
          <option value="">{props.empty ?? ""}</option>
        ) : null}
        {props.value !== undefined && !props.options.some(([value]) => value === props.value) ? (
          // A value the list does not know (a form not loaded, a role not declared) stays visible
          // and selected rather than silently showing as empty.
          <option value={props.value}>{props.value}</option>
        ) : null}
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
