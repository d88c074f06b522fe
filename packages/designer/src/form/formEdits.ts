import { applyPatch, type JsonPath } from "../history/jsonPatch.ts";
import { canBeColumn, createField, uniqueKey } from "./fieldPalette.ts";
import {
  type FieldPath,
  fieldAt,
  isWithin,
  type ListPath,
  ROW_TYPES,
  splitPath,
  valueAt,
  walkFields,
} from "./fieldPaths.ts";
import type { DesignField, DesignForm } from "./formTypes.ts";

/** The result of an edit that places a field: the new form and where the field now is. */
export interface Placed {
  form: DesignForm;
  path: FieldPath;
}

function listAt(form: DesignForm, list: ListPath): DesignField[] {
  const value = valueAt(form, list);
  if (!Array.isArray(value)) throw new Error(`no list of fields at ${list.join(".")}`);
  return value as DesignField[];
}

function setList(form: DesignForm, list: ListPath, fields: DesignField[]): DesignForm {
  return applyPatch(form, [{ op: "set", path: list, value: fields }]);
}

/** Key prefix of the scope a list belongs to: "" at the top, "members." in the group `members`. */
function scopeOfList(form: DesignForm, list: ListPath): string {
  let prefix = "";
  for (let i = 1; i < list.length; i++) {
    if (typeof list[i] !== "number") continue;
    const field = fieldAt(form, list.slice(0, i + 1));
    if (field && ROW_TYPES.has(field.type) && i < list.length - 1) prefix += `${field.key ?? ""}.`;
  }
  return prefix;
}

/** The keys already used in the scope of `list` (a field dropped there must not reuse them). */
export function keysInScope(form: DesignForm, list: ListPath): Set<string> {
  const scope = scopeOfList(form, list);
  const keys = new Set<string>();
  walkFields(form, ({ field, scope: s }) => {
    if (s === scope && field.key) keys.add(field.key);
  });
  return keys;
}

/** Whether `list` lies inside a group or table, where only value fields may go. */
function isRowList(form: DesignForm, list: ListPath): boolean {
  return scopeOfList(form, list) !== "";
}

/**
 * Whether a field of `type` may be dropped into `list`: rows of groups and tables take value
 * fields only, and a container cannot be moved into itself (`from` is the moved field's path).
 */
export function canDrop(form: DesignForm, type: string, list: ListPath, from?: FieldPath): boolean {
  if (!Array.isArray(valueAt(form, list))) return false;
  if (from && isWithin(list, from)) return false;
  return !isRowList(form, list) || canBeColumn(type);
}

/** Give `field` (and the fields of a layout item, which share its scope) keys not in `taken`. */
function dedupeKeys(field: DesignField, taken: Set<string>): DesignField {
  const copy: DesignField = structuredClone(field);
  const visit = (f: DesignField) => {
    if (f.key) {
      f.key = uniqueKey(f.key, taken);
      taken.add(f.key);
    }
    // Columns of a group live in the group's own scope, so they keep their keys.
    if (ROW_TYPES.has(f.type)) return;
    const lists = [
      f.fields,
      ...[f.tabs, f.pages].flatMap((p) => (Array.isArray(p) ? p.map((x) => x?.fields) : [])),
    ];
    for (const l of lists) if (Array.isArray(l)) for (const child of l) visit(child as DesignField);
  };
  visit(copy);
  return copy;
}

function assertDrop(form: DesignForm, type: string, list: ListPath, from?: FieldPath): void {
  if (!canDrop(form, type, list, from)) {
    throw new Error(
      `a "${type}" field cannot be placed at ${list.join(".")}: groups and tables take value fields only`,
    );
  }
}

/** Insert a copy of `field` into `list` at `index`, renaming keys that are taken in that scope. */
export function pasteField(form: DesignForm, list: ListPath, index: number, field: DesignField): Placed {
  assertDrop(form, field.type, list, undefined);
  const placed = dedupeKeys(field, keysInScope(form, list));
  const fields = listAt(form, list).slice();
  const at = Math.max(0, Math.min(index, fields.length));
  fields.splice(at, 0, placed);
  return { form: setList(form, list, fields), path: [...list, at] };
}

/** Add a new field of `type` from the palette into `list` at `index`. */
export function addField(form: DesignForm, type: string, list: ListPath, index: number): Placed {
  return pasteField(form, list, index, createField(type, keysInScope(form, list)));
}

/** Remove the field at `path` (with everything inside it). */
export function removeField(form: DesignForm, path: FieldPath): DesignForm {
  const { list, index } = splitPath(path);
  const fields = listAt(form, list).slice();
  if (index < 0 || index >= fields.length) throw new Error(`no field at ${path.join(".")}`);
  fields.splice(index, 1);
  return setList(form, list, fields);
}

/** Where `path` points after the item at `removed` left its list (later siblings shift up). */
function shiftAfterRemoval(path: JsonPath, removed: FieldPath): JsonPath {
  const { list, index } = splitPath(removed);
  if (path.length <= list.length || !isWithin(path, list)) return path;
  const at = path[list.length];
  if (typeof at !== "number" || at <= index) return path;
  return [...path.slice(0, list.length), at - 1, ...path.slice(list.length + 1)];
}

/**
 * Move the field at `from` to `index` of `list`, where `index` counts the target list as it is
 * before the move (the insertion point the user pointed at). Keys stay as they are unless the
 * target scope already uses them.
 */
export function moveField(form: DesignForm, from: FieldPath, list: ListPath, index: number): Placed {
  const field = fieldAt(form, from);
  if (!field) throw new Error(`no field at ${from.join(".")}`);
  assertDrop(form, field.type, list, from);
  const { list: fromList, index: fromIndex } = splitPath(from);
  const sameList = fromList.length === list.length && isWithin(list, fromList);
  const target = shiftAfterRemoval(list, from);
  const removed = removeField(form, from);
  const at = sameList && fromIndex < index ? index - 1 : index;
  if (sameList) {
    const fields = listAt(removed, target).slice();
    const clamped = Math.max(0, Math.min(at, fields.length));
    fields.splice(clamped, 0, field);
    return { form: setList(removed, target, fields), path: [...target, clamped] };
  }
  return pasteField(removed, target, at, field);
}

/** Put a copy of the field at `path` right after it, with fresh keys. */
export function duplicateField(form: DesignForm, path: FieldPath): Placed {
  const field = fieldAt(form, path);
  if (!field) throw new Error(`no field at ${path.join(".")}`);
  const { list, index } = splitPath(path);
  return pasteField(form, list, index + 1, field);
}

/**
 * Change properties of the field at `path`; a property given as `undefined` is removed, so the
 * JSON keeps no empty entries.
 */
export function updateField(
  form: DesignForm,
  path: FieldPath,
  changes: Readonly<Record<string, unknown>>,
): DesignForm {
  if (!fieldAt(form, path)) throw new Error(`no field at ${path.join(".")}`);
  return applyPatch(
    form,
    Object.entries(changes).map(([key, value]) =>
      value === undefined
        ? { op: "remove" as const, path: [...path, key] }
        : { op: "set" as const, path: [...path, key], value },
    ),
  );
}
