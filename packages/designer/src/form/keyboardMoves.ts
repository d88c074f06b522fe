import { childLists, type FieldPath, fieldAt, type ListPath, splitPath, valueAt } from "./fieldPaths.ts";
import { canDrop } from "./formEdits.ts";
import type { DesignForm } from "./formTypes.ts";

/** A place to move a field to, in the terms of `moveField` (index counted before the move). */
export interface MoveTarget {
  list: ListPath;
  index: number;
}

/** The one-step moves open to a field: what the keyboard and the move buttons offer. */
export interface KeyboardMoves {
  up?: MoveTarget;
  down?: MoveTarget;
  /** Into the end of the container just above (its last tab or page). */
  into?: MoveTarget;
  /** Out of its container, right after it. */
  out?: MoveTarget;
}

/** The field that owns a list: `fields.3.fields` → `fields.3`, `fields.3.tabs.1.fields` → `fields.3`. */
export function ownerOfList(list: ListPath): FieldPath | undefined {
  if (list.length < 3) return undefined;
  const panel = list.at(-3);
  if (panel === "tabs" || panel === "pages") return list.slice(0, -3);
  return list.slice(0, -1);
}

/**
 * The moves a field can make one step at a time, so every drag on the canvas has a keyboard
 * equivalent (Alt+arrow keys and the move buttons): up, down, into the container above, out
 * of its container. A move the form language forbids (a section into a table) is not offered.
 */
export function keyboardMoves(form: DesignForm, path: FieldPath): KeyboardMoves {
  const field = fieldAt(form, path);
  if (!field) return {};
  const { list, index } = splitPath(path);
  const siblings = valueAt(form, list) as unknown[];
  const moves: KeyboardMoves = {};
  if (index > 0) moves.up = { list, index: index - 1 };
  if (index < siblings.length - 1) moves.down = { list, index: index + 2 };
  const above = index > 0 ? fieldAt(form, [...list, index - 1]) : undefined;
  const target = above ? childLists(above, [...list, index - 1]).at(-1) : undefined;
  if (target && canDrop(form, field.type, target.path, path)) {
    moves.into = { list: target.path, index: target.fields.length };
  }
  const owner = ownerOfList(list);
  if (owner) {
    const outer = splitPath(owner);
    if (canDrop(form, field.type, outer.list, path)) moves.out = { list: outer.list, index: outer.index + 1 };
  }
  return moves;
}
