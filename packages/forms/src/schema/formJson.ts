import type { JsonValue, LocalText } from "./types";

/** An expression in the shared language (@wf/expr), e.g. `rank == '副科'`. */
export type Expr = string;

/** A fixed date/number bound, or `{ expr }` computed at validation time (e.g. `today()`). */
export type Bound<T> = T | { expr: Expr };

/** A cross-field or custom check: `check` must be true, else `message` is shown. */
export interface RuleJson {
  /** Expression that must hold; `value` is this field's value (inside rows, `row` is the row). */
  check: Expr;
  message: LocalText;
  /** Stable id reported as the issue's rule; defaults to `rule<index>`. */
  id?: string | undefined;
  /** Form-level rules only: the field key the issue is reported on ("" = the whole form). */
  path?: string | undefined;
}

/** Properties every field and layout item accepts. */
export interface FieldCommon {
  /** Unique key; value fields are stored under it. Optional for layout items and static text. */
  key?: string | undefined;
  label?: LocalText | undefined;
  help?: LocalText | undefined;
  /** Width in a 12-column grid (default 12); every item takes the full width on a phone. */
  span?: number | undefined;
  /** Shown only while this expression is true. Hidden fields are not validated nor submitted. */
  visible?: Expr | undefined;
}

/** Properties of fields that hold a value. */
export interface ValueFieldCommon extends FieldCommon {
  key: string;
  placeholder?: LocalText | undefined;
  required?: boolean | Expr | undefined;
  readonly?: boolean | Expr | undefined;
  disabled?: boolean | Expr | undefined;
  /** Initial value of a new form. */
  default?: JsonValue | undefined;
  /** Initial value computed once when the form opens (e.g. `today()`). */
  defaultExpr?: Expr | undefined;
  /** Value always computed from other fields (recomputed when its inputs change). */
  calc?: Expr | undefined;
  rules?: RuleJson[] | undefined;
  /** Custom messages that replace the built-in ones, by rule name (`required`, `min`, `pattern` …). */
  messages?: Record<string, LocalText> | undefined;
}

/** One choice of a select, radio or multi-select. */
export interface OptionJson {
  value: string | number;
  label: LocalText;
  /** Offered only while this expression is true (option filtering). */
  visible?: Expr | undefined;
}

/** `text` and `textarea`: a string with optional length and pattern limits. */
export interface TextFieldJson extends ValueFieldCommon {
  type: "text" | "textarea";
  minLength?: number | undefined;
  maxLength?: number | undefined;
  /** A regular expression the whole value must match. */
  pattern?: string | undefined;
  rows?: number | undefined;
}
/** `number` and `money`: a JSON number with bounds and decimal places. */
export interface NumberFieldJson extends ValueFieldCommon {
  type: "number" | "money";
  min?: Bound<number> | undefined;
  max?: Bound<number> | undefined;
  /** Decimal places allowed (number: default 6; money: always 2). */
  scale?: number | undefined;
  /** Money only: ISO currency code shown beside the amount (default CNY). */
  currency?: string | undefined;
}
/** `date` (`YYYY-MM-DD`) and `datetime` (ISO with offset), with fixed or computed bounds. */
export interface DateFieldJson extends ValueFieldCommon {
  type: "date" | "datetime";
  min?: Bound<string> | undefined;
  max?: Bound<string> | undefined;
}
/** `select` and `radio`: one option value. */
export interface ChoiceFieldJson extends ValueFieldCommon {
  type: "select" | "radio";
  options: OptionJson[];
}
/** `multiSelect`: a list of option values, in option order. */
export interface MultiSelectFieldJson extends ValueFieldCommon {
  type: "multiSelect";
  options: OptionJson[];
  minItems?: number | undefined;
  maxItems?: number | undefined;
}
/** `checkbox` (must be ticked when required) and `switch`. */
export interface BooleanFieldJson extends ValueFieldCommon {
  type: "checkbox" | "switch";
}
/** `idCard` (18-digit resident ID with check digit) and `mobile` (mainland mobile number). */
export interface IdCardFieldJson extends ValueFieldCommon {
  type: "idCard" | "mobile";
}
/** `personPicker` and `orgPicker`: ids from the host's directory. */
export interface PickerFieldJson extends ValueFieldCommon {
  type: "personPicker" | "orgPicker";
  multiple?: boolean | undefined;
  /** personPicker: only holders of this role. */
  role?: string | undefined;
  /** orgPicker: only units of this level (`city`, `county`, `township`, `village`). */
  level?: string | undefined;
}
/** `file`: references to files kept by the host's storage. */
export interface FileFieldJson extends ValueFieldCommon {
  type: "file";
  /** MIME types (`application/pdf`, `image/*`) or extensions (`.docx`). */
  accept?: string[] | undefined;
  /** Largest file in bytes. */
  maxSize?: number | undefined;
  maxFiles?: number | undefined;
}
/**
 * `signature`: the drawn image, kept through the host's file storage as a {@link FileRef}
 * (`image/png`), or as a PNG data URL when the host has no storage.
 */
export interface SignatureFieldJson extends ValueFieldCommon {
  type: "signature";
}
/** `group` and `table`: a list of rows, each an object of the column fields. */
export interface GroupFieldJson extends ValueFieldCommon {
  type: "group" | "table";
  /** The columns of each row: value fields (no nested groups, tables or layout). */
  fields: FieldJson[];
  minRows?: number | undefined;
  maxRows?: number | undefined;
  /** table: keys of number/money columns totalled in the footer. */
  totals?: string[] | undefined;
}
/** A titled box of fields; its condition hides all of them. */
export interface SectionJson extends FieldCommon {
  type: "section";
  fields: FieldJson[];
}
/** Tabs, each a list of fields. */
export interface TabsJson extends FieldCommon {
  type: "tabs";
  tabs: { title: LocalText; fields: FieldJson[] }[];
}
/** Wizard pages; only as the form's single top-level item. */
export interface WizardJson extends FieldCommon {
  type: "wizard";
  pages: { title: LocalText; fields: FieldJson[] }[];
}
/** Text from the form, shown as text. */
export interface StaticJson extends FieldCommon {
  type: "static";
  text: LocalText;
}

/** Fields that hold a value. */
export type ValueFieldJson =
  | TextFieldJson
  | NumberFieldJson
  | DateFieldJson
  | ChoiceFieldJson
  | MultiSelectFieldJson
  | BooleanFieldJson
  | IdCardFieldJson
  | PickerFieldJson
  | FileFieldJson
  | SignatureFieldJson
  | GroupFieldJson;

/** Layout items: they arrange other fields and hold no value. */
export type LayoutJson = SectionJson | TabsJson | WizardJson | StaticJson;

/** Any item of a form's `fields` list. */
export type FieldJson = ValueFieldJson | LayoutJson;

/** Every field type name. */
export type FieldType = FieldJson["type"];

/** A form definition (contract §5). */
export interface FormJson {
  id: string;
  version: number;
  title: LocalText;
  description?: LocalText | undefined;
  fields: FieldJson[];
  /** Cross-field rules checked after every field's own rules. */
  rules?: RuleJson[] | undefined;
}

/** A file kept by the host's storage; what file fields hold. */
export interface FileRef {
  id: string;
  name: string;
  size: number;
  type: string;
}
