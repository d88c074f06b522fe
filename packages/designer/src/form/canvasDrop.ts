import type { JsonPath } from "../history/jsonPatch.ts";
import { type FieldPath, fieldAt, isWithin, type ListPath, splitPath, valueAt } from "./fieldPaths.ts";
import type { FormDesignerAction } from "./formDesignerReducer.ts";
import type { DesignForm } from "./formTypes.ts";

/** Drag-and-drop id of a field on the canvas. */
export const fieldDndId = (path: FieldPath): string => `f:${path.join("/")}`;
/** Drag-and-drop id of a list of fields (a drop zone, so empty containers accept drops). */
export const listDndId = (list: ListPath): string => `l:${list.join("/")}`;
/** Drag-and-drop id of a palette entry. */
export const paletteDndId = (type: string): string => `p:${type}`;

/** What a drag-and-drop id stands for. */
export type DndTarget =
  | { kind: "field"; path: FieldPath }
  | { kind: "list"; path: ListPath }
  | { kind: "palette"; type: string };

function segments(text: string): JsonPath {
  return text === "" ? [] : text.split("/").map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Read an id made by {@link fieldDndId}, {@link listDndId} or {@link paletteDndId}. */
export function parseDndId(id: string | number): DndTarget | undefined {
  const text = String(id);
  const body = text.slice(2);
  if (text.startsWith("f:")) return { kind: "field", path: segments(body) };
  if (text.startsWith("l:")) return { kind: "list", path: segments(body) };
  if (text.startsWith("p:")) return { kind: "palette", type: body };
  return undefined;
}

/**
 * The designer action for a drop: a palette entry or a field dropped on a field lands at that
 * field's place (after it when a field is dragged downwards in its own list, as sortable lists
 * behave); dropped on a list's empty space it lands at the end. Undefined for a drop that
 * changes nothing.
 */
export function dropAction(
  form: DesignForm,
  active: string | number,
  over: string | number | null,
): FormDesignerAction | undefined {
  const from = parseDndId(active);
  const to = over === null ? undefined : parseDndId(over);
  if (!from || !to || to.kind === "palette" || from.kind === "list") return undefined;
  let list: ListPath;
  let index: number;
  if (to.kind === "field") {
    ({ list, index } = splitPath(to.path));
  } else {
    list = to.path;
    const items = valueAt(form, list);
    index = Array.isArray(items) ? items.length : 0;
  }
  if (from.kind === "palette") return { type: "add", fieldType: from.type, list, index };
  if (!fieldAt(form, from.path) || isWithin(list, from.path)) return undefined;
  const source = splitPath(from.path);
  const sameList = source.list.length === list.length && isWithin(list, source.list);
  if (sameList && to.kind === "field") {
    if (source.index === index) return undefined;
    if (source.index < index) index += 1;
  }
  return { type: "move", from: from.path, list, index };
}
