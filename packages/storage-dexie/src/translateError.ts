import { Dexie } from "dexie";
import { StorageFullError, StoreClosedError } from "./errors";

// Quota errors reach us in several wrappings: a DOMException named QuotaExceededError from the
// request, Dexie's QuotaExceededError, or an AbortError / BulkError whose inner error is the quota
// error (Firefox names it NS_ERROR_DOM_QUOTA_REACHED). Walk the chain instead of guessing one shape.
const quotaNames = new Set(["QuotaExceededError", "NS_ERROR_DOM_QUOTA_REACHED"]);

function causes(error: unknown): unknown[] {
  const found: unknown[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && found.length < 20) {
    const next = queue.shift();
    if (next === null || typeof next !== "object" || found.includes(next)) continue;
    found.push(next);
    const e = next as { inner?: unknown; cause?: unknown; failures?: unknown };
    queue.push(e.inner, e.cause);
    if (Array.isArray(e.failures)) queue.push(...e.failures);
  }
  return found;
}

/** True when `error` is, or wraps, the browser's out-of-quota error. */
export function isQuotaError(error: unknown): boolean {
  return causes(error).some((e) => quotaNames.has((e as { name?: unknown }).name as string));
}

/**
 * The typed error the app shows for a storage failure: StorageFullError for a full disk,
 * StoreClosedError once another tab's upgrade closed us; anything else passes through unchanged.
 */
export function translateError(error: unknown, closedByUpgrade: boolean): unknown {
  if (isQuotaError(error)) return new StorageFullError({ cause: error });
  if (closedByUpgrade && error instanceof Dexie.DatabaseClosedError)
    return new StoreClosedError({ cause: error });
  return error;
}
