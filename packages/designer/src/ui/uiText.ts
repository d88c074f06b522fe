import type { DesignerLocale } from "../form/formTypes.ts";
import { en } from "./uiTextEn.ts";
import { type UiText, zh } from "./uiTextZh.ts";

export type { UiText };

/** The designers' UI text for a locale: Simplified Chinese unless `en`. */
export function uiText(locale: DesignerLocale = "zh-CN"): UiText {
  return locale === "en" ? en : zh;
}

/** Pick the locale's side of a `{ zh, en }` message. */
export function pick(message: { zh: string; en: string }, locale: DesignerLocale): string {
  return locale === "en" ? message.en : message.zh;
}
