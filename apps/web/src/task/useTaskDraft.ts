import { useCallback, useEffect, useRef, useState } from "react";
import { dropMirror, mirrorDraft } from "../drafts/draftMirror.ts";
import { registerDraftFlusher } from "../drafts/draftRegistry.ts";
import { useEngine } from "../engine/EngineProvider.tsx";
import type { TaskDraft } from "./loadTask.ts";

const opinionDelayMs = 400;

/**
 * Keeps the clerk's draft (form values and opinion) in IndexedDB as they type. The form renderer
 * already debounces its values; the opinion is debounced here. Pending writes are flushed on
 * demand (before an app update reloads the page) and when the page unmounts.
 */
export function useTaskDraft(taskId: string, personId: string, initial: TaskDraft | undefined) {
  const { services } = useEngine();
  const current = useRef<{ form?: Record<string, unknown>; opinion?: string }>({
    ...(initial?.form ? { form: initial.form } : {}),
    ...(initial?.opinion !== undefined ? { opinion: initial.opinion } : {}),
  });
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [savedAt, setSavedAt] = useState<string | undefined>(initial?.savedAt);
  const [saveError, setSaveError] = useState<unknown>();

  const write = useCallback(async () => {
    clearTimeout(timer.current);
    if (!dirty.current) return;
    dirty.current = false;
    try {
      await services.store.saveDraft(taskId, personId, { ...current.current });
      setSavedAt(services.clock());
      setSaveError(undefined);
    } catch (error) {
      dirty.current = true;
      setSaveError(error);
    }
  }, [services, taskId, personId]);

  useEffect(() => {
    const unregister = registerDraftFlusher(write);
    return () => {
      unregister();
      void write();
    };
  }, [write]);

  const mirror = useCallback(() => {
    mirrorDraft(taskId, personId, { ...current.current, savedAt: services.clock() });
  }, [services, taskId, personId]);

  const setForm = useCallback(
    (form: Record<string, unknown>) => {
      current.current.form = form;
      dirty.current = true;
      mirror();
      void write();
    },
    [write, mirror],
  );

  const setOpinion = useCallback(
    (opinion: string) => {
      current.current.opinion = opinion;
      dirty.current = true;
      mirror();
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void write(), opinionDelayMs);
    },
    [write, mirror],
  );

  /**
   * Forget the draft once the decision is committed — unless the stored draft is not the one this
   * page wrote: another tab of the same person was typing on the same task, and what it typed
   * must survive this tab's success.
   */
  const discard = useCallback(async () => {
    clearTimeout(timer.current);
    dirty.current = false;
    const stored = await services.store.loadDraft(taskId, personId);
    if (stored && JSON.stringify(stored.values) !== JSON.stringify(current.current)) return;
    dropMirror(taskId, personId);
    await services.store.deleteDraft(taskId, personId);
  }, [services, taskId, personId]);

  return { savedAt, saveError, setForm, setOpinion, flush: write, discard, current };
}
