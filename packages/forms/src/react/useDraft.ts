import { useCallback, useEffect, useRef } from "react";
import type { FormValues } from "../schema/types";

/**
 * Debounces autosaving of what is typed: `schedule(values)` saves after `delay` ms of quiet, and
 * whatever is pending is saved at once when the page is hidden or the form unmounts, so nothing
 * typed is lost on reload.
 * @example const schedule = useDraft((v) => drafts.put({ taskId, values: v }), 500);
 */
export function useDraft(save: ((values: FormValues) => void) | undefined, delay = 500) {
  const pending = useRef<FormValues | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveRef = useRef(save);
  saveRef.current = save;
  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const v = pending.current;
    pending.current = undefined;
    if (v !== undefined) saveRef.current?.(v);
  }, []);
  useEffect(() => {
    const onHide = () => flush();
    globalThis.addEventListener?.("pagehide", onHide);
    return () => {
      globalThis.removeEventListener?.("pagehide", onHide);
      flush();
    };
  }, [flush]);
  return useCallback(
    (values: FormValues) => {
      if (!saveRef.current) return;
      pending.current = values;
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, delay);
    },
    [delay, flush],
  );
}
