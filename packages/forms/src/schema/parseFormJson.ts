import type { z } from "zod";
import { didYouMeanText } from "./didYouMean";
import type { FormJson } from "./formJson";
import { FIELD_TYPES, formJsonSchema } from "./formJsonSchema";
import { jsonPath } from "./jsonPath";
import type { FormJsonIssue } from "./types";

/** Thrown when a form definition is malformed; `issues` names the JSON path of every problem. */
export class FormDefinitionError extends Error {
  override readonly name = "FormDefinitionError";
  readonly issues: readonly FormJsonIssue[];

  constructor(formId: string, issues: readonly FormJsonIssue[]) {
    super(
      `form ${formId} is invalid:\n${issues.map((i) => `  ${i.path || "(root)"}: ${i.message}${i.hint ? ` — ${i.hint}` : ""}`).join("\n")}`,
    );
    this.issues = issues;
  }
}

// Every property any field accepts: the did-you-mean candidates for an unknown key.
const KNOWN_PROPERTIES = [
  "key",
  "type",
  "label",
  "help",
  "span",
  "visible",
  "placeholder",
  "required",
  "readonly",
  "disabled",
  "default",
  "defaultExpr",
  "calc",
  "rules",
  "messages",
  "minLength",
  "maxLength",
  "pattern",
  "rows",
  "min",
  "max",
  "scale",
  "currency",
  "options",
  "minItems",
  "maxItems",
  "multiple",
  "role",
  "level",
  "accept",
  "maxSize",
  "maxFiles",
  "fields",
  "minRows",
  "maxRows",
  "totals",
  "tabs",
  "pages",
  "text",
  "title",
  "description",
  "value",
  "check",
  "id",
  "version",
  "zh",
  "en",
  "expr",
];

function describe(issue: z.core.$ZodIssue, source: unknown): FormJsonIssue[] {
  const path = jsonPath(issue.path);
  switch (issue.code) {
    case "invalid_union": {
      if ("discriminator" in issue && issue.discriminator === "type") {
        const given = valueAt(source, issue.path);
        if (given === undefined)
          return [{ path, message: 'missing "type"', hint: `one of ${FIELD_TYPES.join(", ")}` }];
        const text = typeof given === "string" ? given : JSON.stringify(given);
        return [
          {
            path,
            message: `unknown field type ${JSON.stringify(text ?? null)}${typeof given === "string" ? didYouMeanText(given, FIELD_TYPES) : ""}`,
            hint: `one of ${FIELD_TYPES.join(", ")}`,
          },
        ];
      }
      // A value matching none of the alternatives: say what each would have needed.
      const expected = issue.errors
        .flatMap((branch) => branch.filter((b) => b.path.length === 0).map((b) => b.message))
        .map((m) => m.replace(/^Invalid input: /, ""));
      return [{ path, message: expected.length > 0 ? expected.join(", or ") : issue.message }];
    }
    case "unrecognized_keys":
      return issue.keys.map((k) => ({
        path: jsonPath([...issue.path, k]),
        message: `unknown property "${k}"${didYouMeanText(k, KNOWN_PROPERTIES)}`,
      }));
    default:
      return [{ path, message: issue.message.replace(/^Invalid input: /, "") }];
  }
}

function valueAt(source: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = source;
  for (const p of path) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Record<PropertyKey, unknown>)[p];
  }
  return at;
}

/**
 * Checks a form definition's structure. Returns the typed form, or the issues with JSON paths
 * (`fields[3].options[0].value: expected string, or expected number`).
 */
export function checkFormJson(json: unknown): { form: FormJson; issues: [] } | { issues: FormJsonIssue[] } {
  const result = formJsonSchema.safeParse(json);
  if (result.success) return { form: result.data, issues: [] };
  return { issues: result.error.issues.flatMap((i) => describe(i, json)) };
}
