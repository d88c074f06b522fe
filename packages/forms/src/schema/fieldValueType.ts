import type { TypeDesc } from "@wf/expr";
import type { FieldJson, ValueFieldJson } from "./formJson";

/** Whether a field holds a value (as opposed to a layout item or static text). */
export function isValueField(f: FieldJson): f is ValueFieldJson {
  return f.type !== "section" && f.type !== "tabs" && f.type !== "wizard" && f.type !== "static";
}

/**
 * The expression type of a field's value, as expressions see it (`number` for number and money,
 * a list of row objects for groups and tables, …).
 */
export function fieldValueType(f: FieldJson): TypeDesc {
  switch (f.type) {
    case "number":
    case "money":
      return { kind: "number" };
    case "date":
      return { kind: "date" };
    case "datetime":
      return { kind: "datetime" };
    case "checkbox":
    case "switch":
      return { kind: "boolean" };
    case "select":
    case "radio":
      return f.options.every((o) => typeof o.value === "number") ? { kind: "number" } : { kind: "string" };
    case "multiSelect":
      return {
        kind: "list",
        of: f.options.every((o) => typeof o.value === "number") ? { kind: "number" } : { kind: "string" },
      };
    case "personPicker":
    case "orgPicker":
      return f.multiple ? { kind: "list", of: { kind: "string" } } : { kind: "string" };
    case "file":
      return { kind: "list", of: { kind: "object", fields: {}, open: true } };
    case "signature":
      // A data URL (string) or, with the host's file storage, a file reference (object).
      return { kind: "any" };
    case "group":
    case "table":
      return { kind: "list", of: { kind: "object", fields: rowFieldTypes(f.fields) } };
    default:
      return { kind: "string" };
  }
}

/** The types of a group's columns, the fields of `row`. */
export function rowFieldTypes(fields: FieldJson[]): Record<string, TypeDesc> {
  const out: Record<string, TypeDesc> = {};
  for (const f of fields) if (f.key !== undefined && isValueField(f)) out[f.key] = fieldValueType(f);
  return out;
}
