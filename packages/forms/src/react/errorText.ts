import type { Locale, Message } from "../schema/types";

// react-hook-form keeps one string per error; we keep both languages in it (as JSON) so that
// switching the locale re-labels errors without validating again.

/** Packs a bilingual message into a react-hook-form error message. */
export function packMessage(m: Message): string {
  return JSON.stringify(m);
}

/** The text of a packed message for a locale; plain strings pass through. */
export function errorText(message: string | undefined, locale: Locale): string {
  if (message === undefined) return "";
  try {
    const m = JSON.parse(message) as Partial<Message>;
    if (typeof m === "object" && m !== null && typeof m.zh === "string")
      return locale === "en" ? (m.en ?? m.zh) : m.zh;
  } catch {
    // not packed: a message set by the host
  }
  return message;
}
