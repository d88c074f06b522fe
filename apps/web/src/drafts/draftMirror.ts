/**
 * A synchronous copy of the latest draft in localStorage. IndexedDB writes are asynchronous, and
 * one started as the page unloads (a reload a moment after typing) may never finish; a
 * localStorage write finishes before the page goes. On opening a task the newer of the two wins.
 */
export interface MirroredDraft {
  form?: Record<string, unknown>;
  opinion?: string;
  savedAt: string;
}

const key = (taskId: string, personId: string) => `wf.draft.${personId}.${taskId}`;

/** Keeps the latest draft; a full or refused localStorage just leaves IndexedDB as the only copy. */
export function mirrorDraft(taskId: string, personId: string, draft: MirroredDraft): void {
  try {
    localStorage.setItem(key(taskId, personId), JSON.stringify(draft));
  } catch {
    // IndexedDB still gets the draft; the mirror only covers the last moments before unload.
  }
}

/** The mirrored draft, if any and readable. */
export function readMirror(taskId: string, personId: string): MirroredDraft | undefined {
  try {
    const raw = localStorage.getItem(key(taskId, personId));
    if (!raw) return undefined;
    const value = JSON.parse(raw) as MirroredDraft;
    return typeof value.savedAt === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Forgets the mirror (after the decision is committed). */
export function dropMirror(taskId: string, personId: string): void {
  try {
    localStorage.removeItem(key(taskId, personId));
  } catch {
    // Nothing to do: a mirror that cannot be removed is older than the next draft anyway.
  }
}
