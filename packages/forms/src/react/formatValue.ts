import { formatMoney } from "../schema/decimal";
import type { FileRef, ValueFieldJson } from "../schema/formJson";
import { localize } from "../schema/messages";
import type { Locale } from "../schema/types";
import type { FormHost } from "./FormHost";
import { uiText } from "./uiText";

function optionLabel(field: ValueFieldJson, v: unknown, locale: Locale): string {
  const o = "options" in field ? field.options.find((x) => x.value === v) : undefined;
  return o ? localize(o.label, locale) : String(v);
}

/**
 * A value as read-only text (read-only fields, the print view). Never throws: saved data of the
 * wrong type is shown as it is, so a bad record can still be read.
 */
export function formatValue(
  field: ValueFieldJson,
  value: unknown,
  locale: Locale,
  host: FormHost = {},
): string {
  const t = uiText(locale);
  if (value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0))
    return t.empty;
  switch (field.type) {
    case "money":
      return typeof value === "number" ? `${field.currency ?? "CNY"} ${formatMoney(value)}` : String(value);
    case "checkbox":
    case "switch":
      return value === true ? t.yes : value === false ? t.no : String(value);
    case "select":
    case "radio":
      return optionLabel(field, value, locale);
    case "multiSelect":
      return Array.isArray(value)
        ? value.map((v) => optionLabel(field, v, locale)).join("、")
        : String(value);
    case "personPicker":
    case "orgPicker": {
      const ids = Array.isArray(value) ? value : [value];
      return ids
        .map((id) => {
          const found =
            field.type === "personPicker"
              ? host.directory?.person(String(id))
              : host.directory?.unit(String(id));
          return found ? localize(found.name, locale) : String(id);
        })
        .join("、");
    }
    case "file":
      return Array.isArray(value)
        ? value.map((f) => (f && typeof f === "object" ? (f as FileRef).name : String(f))).join("、")
        : String(value);
    case "signature":
      return (typeof value === "string" && value.startsWith("data:image/")) ||
        (value !== null && typeof value === "object" && typeof (value as FileRef).id === "string")
        ? t.signed
        : String(value);
    case "datetime":
      return typeof value === "string"
        ? value.replace("T", " ").replace(/:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/, "")
        : String(value);
    default:
      return typeof value === "object" ? JSON.stringify(value) : String(value);
  }
}
