import type { LocalizedText } from "./I18nProvider.tsx";
import type { MessageKey } from "./messages.ts";

/**
 * A message decided outside React (an error explanation, a refusal reason) and rendered later in
 * the current language: a catalog key plus values that may themselves be bilingual (unit names).
 */
export interface Said {
  key: MessageKey;
  values?: Record<string, string | number | LocalizedText>;
  /** Lines under the message (each validation issue, each rule message). */
  details?: LocalizedText[];
}

/** Shorthand for a `Said`. */
export function said(key: MessageKey, values?: Said["values"], details?: LocalizedText[]): Said {
  return { key, ...(values ? { values } : {}), ...(details ? { details } : {}) };
}
