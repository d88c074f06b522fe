import { parseResidentId } from "@wf/expr";
import { useEffect, useState } from "react";
import { parseDecimalInput } from "../schema/decimal";
import { aria, asText, type ControlProps } from "./controlProps";
import { localToIsoDateTime } from "./dateTime";
import { uiText } from "./uiText";

/** text, textarea, mobile and resident ID inputs; empty input stores null. */
export function TextControl(p: ControlProps) {
  const json = p.field.json;
  const value = asText(p.value);
  const change = (v: string) => p.onChange(v === "" ? null : v);
  if (json.type === "textarea")
    return (
      <textarea
        {...aria(p)}
        rows={json.rows ?? 3}
        value={value}
        maxLength={json.maxLength}
        onChange={(e) => change(e.target.value)}
        onBlur={p.onBlur}
      />
    );
  const parsed = json.type === "idCard" && value.length === 18 ? parseResidentId(value) : undefined;
  const info = parsed?.ok ? parsed : undefined;
  return (
    <>
      <input
        {...aria(p)}
        type={json.type === "mobile" ? "tel" : "text"}
        inputMode={json.type === "mobile" ? "numeric" : undefined}
        autoComplete={json.type === "mobile" ? "tel" : "off"}
        maxLength={
          json.type === "idCard"
            ? 18
            : json.type === "mobile"
              ? 11
              : "maxLength" in json
                ? json.maxLength
                : undefined
        }
        value={value}
        onChange={(e) => change(json.type === "idCard" ? e.target.value.toUpperCase() : e.target.value)}
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
