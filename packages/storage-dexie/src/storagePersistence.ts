/** The part of the browser's `navigator.storage` (StorageManager) this package uses. */
export interface StorageManagerPort {
  persist?: () => Promise<boolean>;
  persisted?: () => Promise<boolean>;
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

/** Whether the browser promised not to evict our data under storage pressure. */
export interface PersistenceResult {
  /** false where the browser has no StorageManager (old browsers, some webviews, tests). */
  supported: boolean;
  persisted: boolean;
}

/** Bytes used and available to this origin, when the browser tells. */
export interface UsageEstimate {
  supported: boolean;
  usage?: number;
  quota?: number;
}

/** `navigator.storage` when the environment has one. */
export function defaultStorageManager(): StorageManagerPort | undefined {
  const nav = (globalThis as { navigator?: { storage?: StorageManagerPort } }).navigator;
  return nav?.storage;
}

/**
 * Asks the browser to keep our data under storage pressure (`navigator.storage.persist()`).
 * Best-effort: browsers may refuse silently or prompt; an unsupported or failing API reports
 * `persisted: false` instead of throwing, because the app works either way.
 */
export async function requestPersistence(
  storage: StorageManagerPort | undefined,
): Promise<PersistenceResult> {
  if (!storage?.persist) return { supported: false, persisted: false };
  try {
    if (storage.persisted && (await storage.persisted())) return { supported: true, persisted: true };
    return { supported: true, persisted: await storage.persist() };
  } catch {
    return { supported: true, persisted: false };
  }
}

/** `navigator.storage.estimate()`, or `{ supported: false }` when the browser cannot say. */
export async function estimateUsage(storage: StorageManagerPort | undefined): Promise<UsageEstimate> {
  if (!storage?.estimate) return { supported: false };
  try {
    const { usage, quota } = await storage.estimate();
    const result: UsageEstimate = { supported: true };
    if (usage !== undefined) result.usage = usage;
    if (quota !== undefined) result.quota = quota;
    return result;
  } catch {
    return { supported: false };
  }
}
