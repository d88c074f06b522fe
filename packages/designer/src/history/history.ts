import { applyPatch, diffJson, type PatchOp } from "./jsonPatch.ts";

/** One undoable change: the patches that redo it and the patches that undo it. */
export interface HistoryEntry {
  /** What the change was, for the undo/redo buttons' tooltips ("add field", "rename step"). */
  label: string;
  forward: PatchOp[];
  backward: PatchOp[];
}

/** A document with its undo and redo stacks. Immutable: every operation returns a new value. */
export interface History<T> {
  present: T;
  /** Oldest first; the last entry is the one `undo` reverts. */
  past: HistoryEntry[];
  /** Most recently undone last; the last entry is the one `redo` re-applies. */
  future: HistoryEntry[];
}

/** How many changes `undo` can go back; older entries are dropped so long sessions stay small. */
export const HISTORY_LIMIT = 200;

/** A history holding `doc` with nothing to undo. */
export function createHistory<T>(doc: T): History<T> {
  return { present: doc, past: [], future: [] };
}

/**
 * Record `next` as the new document. A change that alters nothing is not recorded, so pressing
 * undo never appears to do nothing. Recording clears the redo stack, as every editor does.
 */
export function recordChange<T>(history: History<T>, label: string, next: T): History<T> {
  const forward = diffJson(history.present, next);
  if (forward.length === 0) return history;
  const backward = diffJson(next, history.present);
  const past = [...history.past, { label, forward, backward }].slice(-HISTORY_LIMIT);
  return { present: next, past, future: [] };
}

/** Revert the last change; unchanged when there is nothing to undo. */
export function undo<T>(history: History<T>): History<T> {
  const entry = history.past.at(-1);
  if (!entry) return history;
  return {
    present: applyPatch(history.present, entry.backward),
    past: history.past.slice(0, -1),
    future: [...history.future, entry],
  };
}

/** Re-apply the last undone change; unchanged when there is nothing to redo. */
export function redo<T>(history: History<T>): History<T> {
  const entry = history.future.at(-1);
  if (!entry) return history;
  return {
    present: applyPatch(history.present, entry.forward),
    past: [...history.past, entry],
    future: history.future.slice(0, -1),
  };
}
