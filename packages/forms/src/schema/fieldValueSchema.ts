import { parseResidentId } from "@wf/expr";
import { z } from "zod";
import { decimalPlaces, formatMoney } from "./decimal";
import type { FileRef, OptionJson, ValueFieldJson } from "./formJson";
import { kinds, messages, toMessage } from "./messages";
import type { Message } from "./types";

/** What the schema needs to know about a field at validation time, beyond its JSON. */
export interface FieldContext {
  /** Bounds after evaluating `{ expr }` forms. */
  min?: number | string | undefined;
  max?: number | string | undefined;
  /** Options offered right now (after option filtering). */
  options?: readonly OptionJson[] | undefined;
  /** Checks that picked ids exist, when the host supplies its directory. */
  exists?: ((kind: "person" | "unit", id: string) => boolean) | undefined;
  /** Today (YYYY-MM-DD): a resident ID's birth date may not be later. */
  today?: string | undefined;
}

/** The issue params every issue of a form schema carries, so both languages survive zod. */
export interface IssueParams {
  rule: string;
  zh: string;
  en: string;
}

type Ctx = z.core.$RefinementCtx<unknown>;

/** The message of an issue: the field's custom message for that rule when it has one. */
export function issueMessage(
  field: Pick<ValueFieldJson, "messages"> | undefined,
  rule: string,
  message: Message,
): Message {
  const custom = field?.messages?.[rule];
  return custom ? toMessage(custom) : message;
}

/** Adds a bilingual issue, replaced by the field's custom message for that rule when it has one. */
export function addIssue(
  ctx: Ctx,
  field: Pick<ValueFieldJson, "messages"> | undefined,
  rule: string,
  message: Message,
  path: PropertyKey[] = [],
): void {
  const msg = issueMessage(field, rule, message);
  const params: IssueParams = { rule, zh: msg.zh, en: msg.en };
  ctx.addIssue({ code: "custom", message: msg.en, path, params });
}

const fileRef: z.ZodType<FileRef> = z.object({
  id: z.string().min(1),
  name: z.string(),
  size: z.number().int().min(0),
  type: z.string(),
});

const isoDate = z.iso.date();
// Date-times carry their offset (contract §1), so an instant is never ambiguous.
const isoDateTime = z.iso.datetime({ offset: true });
const MOBILE = /^1[3-9]\d{9}$/;
const SIGNATURE = /^data:image\/(png|svg\+xml|jpeg);base64,[A-Za-z0-9+/]+=*$/;

/** A field's value type: the test a non-empty value must pass, and its name for the message. */
export interface ValueType {
  test: (value: unknown) => boolean;
  kind: Message;
}

// Plain tests where zod's would be exactly this test (zod 4's number is finite, its array walks
// every index, holes included): they run for every field of every submission, and skip building
// a zod result per value. Structured values (dates, files, rows) keep their zod schemas.
const isText = (v: unknown): boolean => typeof v === "string";
const isNumber = (v: unknown): boolean => typeof v === "number" && Number.isFinite(v);
const isBoolean = (v: unknown): boolean => typeof v === "boolean";
const isId = (v: unknown): boolean => typeof v === "string" && v.length > 0;
const isChoice = (v: unknown): boolean => isText(v) || isNumber(v);
const listOf =
  (item: (v: unknown) => boolean) =>
  (v: unknown): boolean => {
    if (!Array.isArray(v)) return false;
    for (let i = 0; i < v.length; i++) if (!item(v[i])) return false;
    return true;
  };
const matches =
  (schema: z.ZodType) =>
  (v: unknown): boolean =>
    schema.safeParse(v).success;
/**
 * zod's test for an ISO date or date-time string is its format's pattern: tested directly, with
 * no zod result made per value (dates are in most forms). zod's schema when it has no pattern.
 */
const matchesFormat = (schema: z.ZodStringFormat): ((v: unknown) => boolean) => {
  const pattern = schema._zod.def.pattern;
  if (pattern === undefined || pattern.global || pattern.sticky) return matches(schema);
  return (v) => typeof v === "string" && pattern.test(v);
};
const isIsoDate = matchesFormat(isoDate);
const isIsoDateTime = matchesFormat(isoDateTime);

function typeOf(field: ValueFieldJson): ValueType {
  switch (field.type) {
    case "number":
    case "money":
      return { test: isNumber, kind: kinds.number };
    case "date":
      return { test: isIsoDate, kind: kinds.date };
    case "datetime":
      return { test: isIsoDateTime, kind: kinds.datetime };
    case "checkbox":
    case "switch":
      return { test: isBoolean, kind: kinds.boolean };
    case "multiSelect":
      return { test: listOf(isChoice), kind: kinds.list };
    case "personPicker":
    case "orgPicker":
      return field.multiple ? { test: listOf(isId), kind: kinds.list } : { test: isId, kind: kinds.id };
    case "file":
      return { test: matches(z.array(fileRef)), kind: kinds.files };
    case "signature":
      // A data URL when the host has no file storage; the stored image's reference when it has.
      return { test: matches(z.union([z.string(), fileRef])), kind: kinds.signature };
    case "select":
    case "radio":
      return { test: isChoice, kind: kinds.text };
    case "group":
    case "table":
      return { test: matches(z.array(z.record(z.string(), z.unknown()))), kind: kinds.rows };
    default:
      return { test: isText, kind: kinds.text };
  }
}

function fileMatches(file: FileRef, accept: readonly string[]): boolean {
  const name = file.name.toLowerCase();
  return accept.some((a) => {
    const rule = a.toLowerCase();
    if (rule.startsWith(".")) return name.endsWith(rule);
    if (rule.endsWith("/*")) return file.type.toLowerCase().startsWith(rule.slice(0, -1));
    return file.type.toLowerCase() === rule;
  });
}

function bytes(n: number): string {
  return n >= 1024 * 1024 ? `${+(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** Characters as people count them (`[...s].length`, without making the array). */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

// A field's pattern compiled once, not per value; a form has a handful, so a small bound is plenty.
const MAX_PATTERNS = 256;
const patterns = new Map<string, RegExp>();

function patternOf(source: string): RegExp {
  let re = patterns.get(source);
  if (!re) {
    // Anchored, whole value; no `g`/`y` flag, so `test` keeps no state between values.
    re = new RegExp(`^(?:${source})$`, "u");
    if (patterns.size >= MAX_PATTERNS) patterns.clear();
    patterns.set(source, re);
  }
  return re;
}

function showNumber(n: number, money: boolean): string {
  return money ? formatMoney(n) : String(n);
}

/**
 * A date or date-time value against a bound: a bound given as a day compares with the value's day
 * (as written, in its own offset); two date-times compare as instants, so different offsets do
 * not mislead. (Module-level rather than a closure: this runs for every date of every submission.)
 */
function compareDate(value: string, bound: string, day: boolean): number {
  return day || bound.length <= 10
    ? value.slice(0, 10).localeCompare(bound.slice(0, 10))
    : Math.sign(Date.parse(value) - Date.parse(bound));
}

/** Whether checkValue reads a field's `min`/`max` (numbers, money, dates and date-times do). */
export function hasBounds(field: ValueFieldJson): boolean {
  const t = field.type;
  return t === "number" || t === "money" || t === "date" || t === "datetime";
}

function checkValue(field: ValueFieldJson, fc: FieldContext, value: unknown, out: IssueSink): void {
  switch (field.type) {
    case "text":
    case "textarea": {
      const s = value as string;
      if (field.minLength !== undefined || field.maxLength !== undefined) {
        const length = codePoints(s);
        if (field.minLength !== undefined && length < field.minLength)
          out.add("minLength", messages.minLength(field.minLength));
        if (field.maxLength !== undefined && length > field.maxLength)
          out.add("maxLength", messages.maxLength(field.maxLength));
      }
      if (field.pattern !== undefined && !patternOf(field.pattern).test(s))
        out.add("pattern", messages.pattern());
      return;
    }
    case "number":
    case "money": {
      const n = value as number;
      const money = field.type === "money";
      const scale = money ? 2 : (field.scale ?? 6);
      if (decimalPlaces(n) > scale) out.add("scale", messages.scale(scale));
      if (typeof fc.min === "number" && n < fc.min) out.add("min", messages.min(showNumber(fc.min, money)));
      if (typeof fc.max === "number" && n > fc.max) out.add("max", messages.max(showNumber(fc.max, money)));
      return;
    }
    case "date":
    case "datetime": {
      const s = value as string;
      const day = field.type === "date";
      if (typeof fc.min === "string" && compareDate(s, fc.min, day) < 0)
        out.add("min", messages.dateMin(day ? fc.min.slice(0, 10) : fc.min));
      if (typeof fc.max === "string" && compareDate(s, fc.max, day) > 0)
        out.add("max", messages.dateMax(day ? fc.max.slice(0, 10) : fc.max));
      return;
    }
    case "select":
    case "radio":
      if (fc.options && !offers(fc.options, value)) out.add("option", messages.option());
      return;
    case "multiSelect": {
      const list = value as (string | number)[];
      checkChoices(list, fc.options, out);
      if (field.minItems !== undefined && list.length < field.minItems)
        out.add("minItems", messages.minItems(field.minItems));
      if (field.maxItems !== undefined && list.length > field.maxItems)
        out.add("maxItems", messages.maxItems(field.maxItems));
      return;
    }
    case "idCard": {
      // The expression language owns the ID rules; its reason (format, birth date, check digit) is the message.
      const r = parseResidentId(value, fc.today);
      if (!r.ok) out.add("idCard", r.message);
      return;
    }
    case "mobile":
      if (!MOBILE.test(value as string)) out.add("mobile", messages.mobile());
      return;
    case "personPicker":
    case "orgPicker": {
      const exists = fc.exists;
      if (!exists) return;
      const kind = field.type === "personPicker" ? "person" : "unit";
      // One id (most pickers) without a list made around it.
      if (!Array.isArray(value)) {
        if (!exists(kind, value as string)) out.add("exists", unknownId(kind, value as string), []);
        return;
      }
      const ids = value as string[];
      for (let i = 0; i < ids.length; i++)
        if (!exists(kind, ids[i]!)) out.add("exists", unknownId(kind, ids[i]!), [i]);
      return;
    }
    case "file": {
      const files = value as FileRef[];
      if (field.maxFiles !== undefined && files.length > field.maxFiles)
        out.add("maxFiles", messages.maxFiles(field.maxFiles));
      checkFiles(field, files, out);
      return;
    }
    case "signature":
      if (typeof value === "string" ? !SIGNATURE.test(value) : !/^image\//i.test((value as FileRef).type))
        out.add("signature", messages.signature());
      return;
    case "group":
    case "table": {
      const rows = value as unknown[];
      if (field.minRows !== undefined && rows.length < field.minRows)
        out.add("minRows", messages.minRows(field.minRows));
      if (field.maxRows !== undefined && rows.length > field.maxRows)
        out.add("maxRows", messages.maxRows(field.maxRows));
      return;
    }
    default:
      return;
  }
}

// The callbacks over lists live in functions of their own: a closure in checkValue that captured
// its parameters made V8 allocate a context on every call, for every field of every submission.

/** Each picked choice of a multi-select is one of the options. */
function checkChoices(
  list: (string | number)[],
  options: readonly OptionJson[] | undefined,
  out: IssueSink,
): void {
  list.forEach((v, i) => {
    if (options && !offers(options, v)) out.add("option", messages.option(), [i]);
  });
}

/** Each file is within the field's size limit and of a type it accepts. */
function checkFiles(
  field: Extract<ValueFieldJson, { type: "file" }>,
  files: FileRef[],
  out: IssueSink,
): void {
  files.forEach((f, i) => {
    if (field.maxSize !== undefined && f.size > field.maxSize)
      out.add("maxSize", messages.fileSize(f.name, bytes(field.maxSize)), [i]);
    if (field.accept && !fileMatches(f, field.accept)) out.add("accept", messages.fileType(f.name), [i]);
  });
}

/** Whether a choice is among the options (a loop: no closure per value checked). */
function offers(options: readonly OptionJson[], value: unknown): boolean {
  for (let i = 0; i < options.length; i++) if (options[i]!.value === value) return true;
  return false;
}

function unknownId(kind: "person" | "unit", id: string): Message {
  return kind === "person" ? messages.unknownPerson(id) : messages.unknownUnit(id);
}

/** Receives one problem of a value: rule, message, and the path inside the value (`[2]`). */
export type Report = (rule: string, message: Message, path?: PropertyKey[]) => void;

/**
 * A Report as a method, for a caller that checks many values: one object whose method reads the
 * caller's state, instead of a new closure for every value.
 */
export interface IssueSink {
  add: Report;
}

// Value types depend only on the field's JSON: made once per field, not per validation.
const valueTypes = new WeakMap<ValueFieldJson, ValueType>();

/**
 * Checks one field's non-empty value — its type, then its own rules (length, range, pattern,
 * options, checksum, file limits, row counts) — reporting each problem. The form schema calls it
 * for every visible editable field; `fieldValueSchema` wraps it as a zod schema.
 */
export function checkFieldValue(
  field: ValueFieldJson,
  fc: FieldContext,
  value: unknown,
  report: Report,
): void {
  checkFieldValueInto(field, fc, value, { add: report });
}

/** {@link checkFieldValue} reporting to a sink. */
export function checkFieldValueInto(
  field: ValueFieldJson,
  fc: FieldContext,
  value: unknown,
  out: IssueSink,
  t: ValueType = valueTypeOf(field),
): void {
  if (!t.test(value)) out.add("type", messages.type(t.kind));
  else checkValue(field, fc, value, out);
}

/** A field's value type, made once per field (a form plan keeps it, so validation does not look it up). */
export function valueTypeOf(field: ValueFieldJson): ValueType {
  let t = valueTypes.get(field);
  if (!t) {
    t = typeOf(field);
    valueTypes.set(field, t);
  }
  return t;
}

/**
 * The zod schema of one field's non-empty value (see checkFieldValue). Emptiness and `required`
 * are decided by the form schema, which knows the field's conditions and the step's permissions.
 */
export function fieldValueSchema(field: ValueFieldJson, fc: FieldContext = {}): z.ZodType<unknown> {
  return z.unknown().superRefine((value, ctx) => {
    checkFieldValue(field, fc, value, (rule, message, path = []) =>
      addIssue(ctx, field, rule, message, path),
    );
  });
}

/** Whether a value counts as "not filled in" for `required` (a checkbox must be ticked). */
export function isEmptyValue(field: ValueFieldJson, value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  if (field.type === "checkbox") return value === false;
  return false;
}
