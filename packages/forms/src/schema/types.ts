/** A text shown to people, in Simplified Chinese and English. Forms render `zh` unless the locale is `en`. */
export interface LocalText {
  zh: string;
  en?: string | undefined;
}

/** A text that is always available in both languages: what validation messages carry. */
export interface Message {
  zh: string;
  en: string;
}

/** The languages the renderer and the messages speak. */
export type Locale = "zh-CN" | "en";

/** A JSON value as stored in form values and case data. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Form values by field key; groups and tables hold arrays of row objects. */
export type FormValues = Record<string, unknown>;

/** What a workflow step allows for one field (contract §5). */
export type FieldPermission = "hidden" | "readonly" | "editable" | "required";

/**
 * Per-step field permissions, shaped like a step's `form` block in a workflow definition:
 * `fields` by key (a group key covers its rows' fields; `group.field` targets one column) and a
 * `default` for the rest (editable when absent).
 */
export interface FieldPermissions {
  fields?: Readonly<Record<string, FieldPermission>> | undefined;
  default?: FieldPermission | undefined;
}

/** One validation problem, at a dotted/indexed path such as `items[2].amount` ("" for the form). */
export interface FieldIssue {
  path: string;
  message: Message;
  /** The rule that failed (`required`, `min`, `pattern`, `type`, a cross-field rule's id …). */
  rule: string;
}

/** One problem in a form definition, at the JSON path of the offending property. */
export interface FormJsonIssue {
  path: string;
  message: string;
  hint?: string | undefined;
}
