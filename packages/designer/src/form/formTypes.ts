/**
 * The designer's view of the form language (contract §5). It is deliberately structural and open:
 * the designer must round-trip every property, including ones a newer `@wf/forms` adds, so a
 * field is "a `type`, maybe a `key`, and whatever else the JSON holds".
 */

/** A text in Simplified Chinese and English. */
export interface LocalText {
  zh: string;
  en?: string | undefined;
}

/** One item of a form's `fields` list (value field or layout item). */
export interface DesignField {
  type: string;
  key?: string | undefined;
  label?: LocalText | undefined;
  [property: string]: unknown;
}

/** A page of a wizard or a tab of a tab set. */
export interface DesignPanel {
  title: LocalText;
  fields: DesignField[];
  [property: string]: unknown;
}

/** A form definition as the designer edits it. */
export interface DesignForm {
  id: string;
  version: number;
  title: LocalText;
  fields: DesignField[];
  [property: string]: unknown;
}

/** The UI languages of the designers. */
export type DesignerLocale = "zh-CN" | "en";

/** Pick the text for a locale, falling back to Chinese when the English is missing. */
export function localText(text: LocalText | undefined, locale: DesignerLocale): string {
  if (!text) return "";
  return locale === "en" ? text.en || text.zh : text.zh;
}
