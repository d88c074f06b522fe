import type { LocalizedText } from "@wf/engine";

/**
 * The device ran out of space for IndexedDB (QuotaExceededError). The transaction was rolled
 * back: nothing of the action, draft or import that hit the limit was written.
 */
export class StorageFullError extends Error {
  override readonly name = "StorageFullError";
  readonly code = "storage-full";
  /** The message in both UI languages, ready to show. */
  readonly text: LocalizedText = {
    zh: "设备存储空间已满,本次操作未保存(已保存的数据不受影响)。请清理浏览器存储空间或导出备份后重试。",
    en: "The device storage is full, so this action was not saved (earlier data is intact). Free up browser storage or export a backup, then try again.",
  };
  constructor(options?: { cause?: unknown }) {
    super("", options);
    this.message = this.text.en;
  }
}

/**
 * The database was closed because another tab opened a newer version of the app (or deleted the
 * database). Every draft saved so far is kept; the page has to be reloaded to continue.
 */
export class StoreClosedError extends Error {
  override readonly name = "StoreClosedError";
  readonly code = "store-closed";
  /** The message in both UI languages, ready to show. */
  readonly text: LocalizedText = {
    zh: "应用已在其他标签页中更新,请刷新本页面后继续。已填写的草稿均已保存。",
    en: "A newer version of the app was opened in another tab. Reload this page to continue; your drafts are saved.",
  };
  constructor(options?: { cause?: unknown }) {
    super("", options);
    this.message = this.text.en;
  }
}

/** One problem found in a backup, with the JSON path of the offending value. */
export interface BackupIssue {
  path: string;
  message: string;
}

/** A backup was refused before anything was written; `issues` lists every problem found. */
export class BackupInvalidError extends Error {
  override readonly name = "BackupInvalidError";
  readonly code = "backup-invalid";
  readonly issues: readonly BackupIssue[];
  constructor(issues: readonly BackupIssue[]) {
    const shown = issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`);
    const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : "";
    super(`backup refused, nothing was written: ${shown.join("; ")}${more}`);
    this.issues = issues;
  }
}
