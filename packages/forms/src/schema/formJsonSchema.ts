import { z } from "zod";
import type { FieldJson, FormJson } from "./formJson";

// Strict objects everywhere: a misspelt property ("requird") is an error with its path,
// not a rule that silently never applies.

const localText = z.strictObject({ zh: z.string().min(1), en: z.string().optional() });
const expr = z.string().min(1, "expected an expression");
const key = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "a key is letters, digits and _ and does not start with a digit");
const jsonValue: z.ZodType<unknown> = z.json();
const bound = <T extends z.ZodType>(t: T) => z.union([t, z.strictObject({ expr })]);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T.*)?$/, "expected an ISO date (YYYY-MM-DD)");

const rule = z.strictObject({
  check: expr,
  message: localText,
  id: z.string().optional(),
  path: z.string().optional(),
});

const common = {
  key: key.optional(),
  label: localText.optional(),
  help: localText.optional(),
  span: z.int().min(1).max(12).optional(),
  visible: expr.optional(),
};

const valueCommon = {
  ...common,
  key,
  placeholder: localText.optional(),
  required: z.union([z.boolean(), expr]).optional(),
  readonly: z.union([z.boolean(), expr]).optional(),
  disabled: z.union([z.boolean(), expr]).optional(),
  default: jsonValue.optional(),
  defaultExpr: expr.optional(),
  calc: expr.optional(),
  rules: z.array(rule).optional(),
  messages: z.record(z.string(), localText).optional(),
};

const option = z.strictObject({
  value: z.union([z.string(), z.number()]),
  label: localText,
  visible: expr.optional(),
});

const pattern = z.string().refine((p) => {
  try {
    new RegExp(p, "u");
    return true;
  } catch {
    return false;
  }
}, "not a valid regular expression");

const count = z.int().min(0);

/** Every field type with its own properties; built lazily because groups and sections nest. */
const fieldSchema: z.ZodType<FieldJson> = z.lazy(() =>
  z.discriminatedUnion("type", [
    z.strictObject({
      ...valueCommon,
      type: z.enum(["text", "textarea"]),
      minLength: count.optional(),
      maxLength: count.optional(),
      pattern: pattern.optional(),
      rows: z.int().min(1).max(50).optional(),
    }),
    z.strictObject({
      ...valueCommon,
      type: z.enum(["number", "money"]),
      min: bound(z.number()).optional(),
      max: bound(z.number()).optional(),
      scale: z.int().min(0).max(12).optional(),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/)
        .optional(),
    }),
    z.strictObject({
      ...valueCommon,
      type: z.enum(["date", "datetime"]),
      min: bound(isoDate).optional(),
      max: bound(isoDate).optional(),
    }),
    z.strictObject({ ...valueCommon, type: z.enum(["select", "radio"]), options: z.array(option).min(1) }),
    z.strictObject({
      ...valueCommon,
      type: z.literal("multiSelect"),
      options: z.array(option).min(1),
      minItems: count.optional(),
      maxItems: count.optional(),
    }),
    z.strictObject({ ...valueCommon, type: z.enum(["checkbox", "switch"]) }),
    z.strictObject({ ...valueCommon, type: z.enum(["idCard", "mobile"]) }),
    z.strictObject({
      ...valueCommon,
      type: z.enum(["personPicker", "orgPicker"]),
      multiple: z.boolean().optional(),
      role: z.string().optional(),
      level: z.enum(["city", "county", "township", "village"]).optional(),
    }),
    z.strictObject({
      ...valueCommon,
      type: z.literal("file"),
      accept: z.array(z.string().min(1)).optional(),
      maxSize: z.int().min(1).optional(),
      maxFiles: z.int().min(1).optional(),
    }),
    z.strictObject({ ...valueCommon, type: z.literal("signature") }),
    z.strictObject({
      ...valueCommon,
      type: z.enum(["group", "table"]),
      fields: z.array(fieldSchema).min(1),
      minRows: count.optional(),
      maxRows: count.optional(),
      totals: z.array(key).optional(),
    }),
    z.strictObject({ ...common, type: z.literal("section"), fields: z.array(fieldSchema) }),
    z.strictObject({
      ...common,
      type: z.literal("tabs"),
      tabs: z.array(z.strictObject({ title: localText, fields: z.array(fieldSchema) })).min(1),
    }),
    z.strictObject({
      ...common,
      type: z.literal("wizard"),
      pages: z.array(z.strictObject({ title: localText, fields: z.array(fieldSchema) })).min(1),
    }),
    z.strictObject({ ...common, type: z.literal("static"), text: localText }),
  ]),
) as z.ZodType<FieldJson>;

/** The zod schema of a form definition's JSON (structure only; expressions are checked by compileForm). */
export const formJsonSchema: z.ZodType<FormJson> = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "a form id is kebab-case, e.g. fs-application"),
  version: z.int().min(1),
  title: localText,
  description: localText.optional(),
  fields: z.array(fieldSchema),
  rules: z.array(rule).optional(),
}) as z.ZodType<FormJson>;

/** Every field type name, for did-you-mean hints. */
export const FIELD_TYPES = [
  "text",
  "textarea",
  "number",
  "money",
  "date",
  "datetime",
  "select",
  "multiSelect",
  "radio",
  "checkbox",
  "switch",
  "idCard",
  "mobile",
  "personPicker",
  "orgPicker",
  "file",
  "signature",
  "group",
  "table",
  "section",
  "tabs",
  "wizard",
  "static",
] as const;

/**
 * The JSON Schema (draft 2020-12) of form definitions, for editors and other tools; published as
 * `packages/forms/form.schema.json`. Structure only: expressions are checked by compileForm.
 */
export function formJsonSchemaDocument(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(formJsonSchema, { unrepresentable: "any" }),
    $id: "https://wf.local/schemas/form.schema.json",
    title: "Form definition (@wf/forms)",
  };
}
