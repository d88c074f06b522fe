import type { JsonPath } from "../history/jsonPatch.ts";
import type { DesignField, DesignForm } from "./formTypes.ts";

/**
 * Fields are addressed by their JSON path in the form (`["fields", 2, "tabs", 0, "fields", 1]`),
 * not by key: keys may be duplicated or missing while a form is being designed, and the JSON
 * view reports its errors at the same paths.
 */
export type FieldPath = JsonPath;

/** The path of a list of fields: `["fields"]` or a container's list, e.g. `["fields", 3, "fields"]`. */
export type ListPath = JsonPath;

/** Field types that introduce their own key scope: their rows are objects keyed by the columns. */
export const ROW_TYPES: ReadonlySet<string> = new Set(["group", "table"]);

/** Layout types: they arrange fields and hold no value, so their children share the parent scope. */
export const LAYOUT_TYPES: ReadonlySet<string> = new Set(["section", "tabs", "wizard", "static"]);

/** The value at a JSON path, or undefined when the path leads nowhere. */
export function valueAt(doc: unknown, path: JsonPath): unknown {
  let here: unknown = doc;
  for (const key of path) {
    if (typeof here !== "object" || here === null) return undefined;
    here = (here as Record<string | number, unknown>)[key];
  }
  return here;
}

/** The field at `path`, or undefined when there is none. */
export function fieldAt(form: DesignForm, path: FieldPath): DesignField | undefined {
  const value = valueAt(form, path);
  return typeof value === "object" && value !== null && !Array.isArray(value) && "type" in value
    ? (value as DesignField)
    : undefined;
}

/** Split a field path into the list holding it and its index there. */
export function splitPath(path: FieldPath): { list: ListPath; index: number } {
  const index = path.at(-1);
  if (typeof index !== "number") throw new Error(`not a field path: ${formatPath(path)}`);
  return { list: path.slice(0, -1), index };
}

/** The lists of fields a field holds: one for sections and groups, one per tab or page. */
export function childLists(field: DesignField, path: FieldPath): { path: ListPath; fields: DesignField[] }[] {
  const lists: { path: ListPath; fields: DesignField[] }[] = [];
  if (Array.isArray(field.fields))
    lists.push({ path: [...path, "fields"], fields: field.fields as DesignField[] });
  for (const panelKey of ["tabs", "pages"] as const) {
    const panels = field[panelKey];
    if (!Array.isArray(panels)) continue;
    panels.forEach((panel: { fields?: unknown }, i) => {
      if (Array.isArray(panel?.fields)) {
        lists.push({ path: [...path, panelKey, i, "fields"], fields: panel.fields as DesignField[] });
      }
    });
  }
  return lists;
}

/** What {@link walkFields} tells its visitor about each field. */
export interface FieldVisit {
  field: DesignField;
  path: FieldPath;
  /** Key prefix of the field's scope: "" at the top, "members." inside the group `members`. */
  scope: string;
  /** The row field (group/table) the field is a column of, if any. */
  rowOwner: DesignField | undefined;
}

/** Visit every field depth-first in document order (a container before its children). */
export function walkFields(form: DesignForm, visit: (v: FieldVisit) => void): void {
  const walk = (fields: DesignField[], list: ListPath, scope: string, rowOwner: DesignField | undefined) => {
    fields.forEach((field, i) => {
      const path = [...list, i];
      visit({ field, path, scope, rowOwner });
      const isRow = ROW_TYPES.has(field.type);
      const innerScope = isRow && field.key ? `${scope}${field.key}.` : scope;
      for (const child of childLists(field, path)) {
        walk(child.fields, child.path, innerScope, isRow ? field : rowOwner);
      }
    });
  };
  walk(Array.isArray(form.fields) ? form.fields : [], ["fields"], "", undefined);
}

/** Whether `inner` is `outer` itself or lies inside it. */
export function isWithin(inner: JsonPath, outer: JsonPath): boolean {
  return outer.length <= inner.length && outer.every((key, i) => inner[i] === key);
}

/** A JSON path as text, `fields[2].tabs[0].fields[1]`, the form used in issues and the JSON view. */
export function formatPath(path: JsonPath): string {
  return path.map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? k : `.${k}`)).join("");
}
