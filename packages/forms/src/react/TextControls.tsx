import { parseResidentId } from "@wf/expr";
import { useCallback, useEffect, useState } from "react";
import { parseDecimalInput } from "../schema/decimal";
import { aria, asText, type ControlProps } from "./controlProps";
import { localToIsoDateTime } from "./dateTime";
import { useRuntime } from "./formRuntime";
import { uiText } from "./uiText";

/**
 * Field types whose input keeps its own text (see {@link TextControl}): the field does not read
 * or subscribe to its value, so a keystroke re-renders nothing.
 */
export const OWN_TEXT_TYPES: ReadonlySet<string> = new Set(["text", "textarea", "mobile"]);

/** text, textarea, mobile and resident ID inputs; empty input stores null. */
export function TextControl(p: ControlProps) {
  return p.field.json.type === "idCard" ? <IdCardControl {...p} /> : <OwnTextControl {...p} />;
}

/**
 * The DOM keeps the text (an uncontrolled input): a keystroke only stores the value. A controlled
 * input would have to re-render its field on every keystroke, or React puts the old text back.
 * A value changed from outside (reset, a draft, a calculation) is written into the DOM through the
 * field's value subscription.
 */
function OwnTextControl(p: ControlProps) {
  const json = p.field.json;
  const { values } = useRuntime();
  const name = p.name;
  const sync = useCallback(
    (el: HTMLInputElement | HTMLTextAreaElement | null) => {
      if (!el) return;
      const show = () => {
        const v = asText(values.get(name));
        if (el.value !== v) el.value = v;
      };
      show();
      return values.subscribe(name, show);
    },
    [values, name],
  );
  const change = (v: string) => p.onChange(v === "" ? null : v);
  if (json.type === "textarea")
    return (
      <textarea
        {...aria(p)}
        ref={sync}
        rows={json.rows ?? 3}
        maxLength={json.maxLength}
        onChange={(e) => change(e.target.value)}
        onBlur={p.onBlur}
      />
    );
  return (
    <input
      {...aria(p)}
      ref={sync}
      type={json.type === "mobile" ? "tel" : "text"}
      inputMode={json.type === "mobile" ? "numeric" : undefined}
      autoComplete={json.type === "mobile" ? "tel" : "off"}
      maxLength={json.type === "mobile" ? 11 : "maxLength" in json ? json.maxLength : undefined}
      onChange={(e) => change(e.target.value)}
      onBlur={p.onBlur}
    />
  );
}

/** Resident ID: controlled, as it is upper-cased while typed and shows the birth date it holds. */
function IdCardControl(p: ControlProps) {
  const value = asText(p.value);
  const parsed = value.length === 18 ? parseResidentId(value) : undefined;
  const info = parsed?.ok ? parsed : undefined;
  return (
    <>
      <input
        {...aria(p)}
        type="text"
        autoComplete="off"
        maxLength={18}
        value={value}
        onChange={(e) => {
          const v = e.target.value.toUpperCase();
          p.onChange(v === "" ? null : v);
        }}
        onBlur={p.onBlur}
      />
      {info && <span className="wf-help">{uiText(p.locale).idInfo(info.birthDate, info.sex)}</span>}
    </>
  );
}

// Phone keypads for "decimal"/"numeric" have no minus sign: offer them only when the field
// cannot go below zero.
function keypad(json: ControlProps["field"]["json"], min: unknown): "numeric" | "decimal" | "text" {
  if (json.type === "money" && (min === undefined || (typeof min === "number" && min >= 0))) return "decimal";
  if (typeof min !== "number" || min < 0) return "text";
  return json.type === "number" && json.scale === 0 ? "numeric" : "decimal";
}

function currencySymbol(code: string | undefined): string {
  return (code ?? "CNY") === "CNY" ? "¥" : (code ?? "");
}

/**
 * Number and money: typed as text (so "1,234.50", full-width digits and a half-typed "12." work),
 * stored as a number once it parses; unparsable text is stored as typed, and the schema reports it.
 */
export function NumberControl(p: ControlProps) {
  const json = p.field.json;
  const [text, setText] = useState(asText(p.value));
  // A calculation or reset changes the value from outside: show it unless it is what was typed.
  useEffect(() => {
    setText((t) => (parseDecimalInput(t) === p.value || t === p.value ? t : asText(p.value)));
  }, [p.value]);
  return (
    <span style={{ display: "flex", gap: 4, alignItems: "center" }}>
      {json.type === "money" && <span aria-hidden="true">{currencySymbol(json.currency)}</span>}
      <input
        {...aria(p)}
        type="text"
        inputMode={keypad(json, p.state.min)}
        autoComplete="off"
        value={text}
        onChange={(e) => {
          const t = e.target.value;
          setText(t);
          p.onChange(t.trim() === "" ? null : (parseDecimalInput(t) ?? t));
        }}
        onBlur={p.onBlur}
      />
    </span>
  );
}

/** Date and date-time pickers; date-times are stored as ISO strings with the zone's offset. */
export function DateControl(p: ControlProps & { timeZone: string }) {
  const json = p.field.json;
  const value = asText(p.value);
  if (json.type === "date")
    return (
      <input
        {...aria(p)}
        type="date"
        value={value}
        min={typeof p.state.min === "string" ? p.state.min.slice(0, 10) : undefined}
        max={typeof p.state.max === "string" ? p.state.max.slice(0, 10) : undefined}
        onChange={(e) => p.onChange(e.target.value === "" ? null : e.target.value)}
        onBlur={p.onBlur}
      />
    );
  return (
    <input
      {...aria(p)}
      type="datetime-local"
      value={value.slice(0, 16)}
      onChange={(e) => {
        const v = e.target.value;
        if (v === "") return p.onChange(null);
        p.onChange(localToIsoDateTime(v, p.timeZone));
      }}
      onBlur={p.onBlur}
    />
  );
}
