/**
 * Autosave is debounced, so at any moment a few keystrokes may not be written yet. Before the
 * app reloads itself (a new version, a backup restore), it asks every open editor to write now.
 */
type Flusher = () => Promise<void>;

const flushers = new Set<Flusher>();

/** Registers an editor's "write your pending draft now"; returns the unregister function. */
export function registerDraftFlusher(flush: Flusher): () => void {
  flushers.add(flush);
  return () => {
    flushers.delete(flush);
  };
}

/** Writes every pending draft; resolves when all are stored (a failed one is rethrown). */
export async function flushDrafts(): Promise<void> {
  await Promise.all([...flushers].map((flush) => flush()));
}
