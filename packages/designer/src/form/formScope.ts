import type { ScopeTypes, TypeDesc } from "@wf/expr";
import { type FieldPath, fieldAt, LAYOUT_TYPES, ROW_TYPES, walkFields } from "./fieldPaths.ts";
import type { DesignField, DesignForm } from "./formTypes.ts";

const ANY: TypeDesc = { kind: "any" };

function choiceType(field: DesignField): TypeDesc {
  const options = Array.isArray(field.options) ? (field.options as { value?: unknown }[]) : [];
  return options.length > 0 && options.every((o) => typeof o?.value === "number")
    ? { kind: "number" }
    : { kind: "string" };
}

/** The expression type of a field's value, as `@wf/forms` gives it to expressions. */
export function fieldValueType(field: DesignField): TypeDesc {
  switch (field.type) {
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
      return choiceType(field);
    case "multiSelect":
      return { kind: "list", of: choiceType(field) };
    case "personPicker":
    case "orgPicker":
      return field.multiple === true ? { kind: "list", of: { kind: "string" } } : { kind: "string" };
    case "file":
      return { kind: "list", of: { kind: "object", fields: {}, open: true } };
    case "group":
    case "table":
      return { kind: "list", of: { kind: "object", fields: columnTypes(field) } };
    default:
      return { kind: "string" };
  }
}

function columnTypes(group: DesignField): Record<string, TypeDesc> {
  const out: Record<string, TypeDesc> = {};
  for (const column of Array.isArray(group.fields) ? (group.fields as DesignField[]) : []) {
    if (column.key && !LAYOUT_TYPES.has(column.type)) out[column.key] = fieldValueType(column);
  }
  return out;
}

/** Where an expression sits, which decides the extra names it sees. */
export interface ExprSite {
  /** The field the expression belongs to; inside a group's column it also sees `row`. */
  field?: FieldPath;
  /** A field's own validation rule sees the field's value as `value`. */
  rule?: boolean;
}

/**
 * The names an expression of the form may read (contract §5): every top-level value field by
 * key, `data` (the case data, open), and inside a group's columns `row`; rules also see `value`.
 * The expression editor offers exactly these names, and the publish check holds expressions to them.
 */
export function formScope(form: DesignForm, site: ExprSite = {}, data: TypeDesc = ANY): ScopeTypes {
  const scope: ScopeTypes = { data };
  walkFields(form, ({ field, scope: prefix }) => {
    if (prefix === "" && field.key && !LAYOUT_TYPES.has(field.type)) scope[field.key] = fieldValueType(field);
  });
  if (site.field) {
    for (let i = site.field.length - 2; i > 0; i--) {
      const owner = typeof site.field[i] === "number" ? fieldAt(form, site.field.slice(0, i + 1)) : undefined;
      if (owner && ROW_TYPES.has(owner.type)) {
        scope.row = { kind: "object", fields: columnTypes(owner) };
        break;
      }
    }
    const own = fieldAt(form, site.field);
    if (site.rule && own) scope.value = fieldValueType(own);
  }
  return scope;
}
