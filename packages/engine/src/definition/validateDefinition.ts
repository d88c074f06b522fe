import type { DefinitionIssue } from "../errors";
import { checkExpressions } from "./checkExpressions";
import { checkGraph } from "./checkGraph";
import { checkReferences, type ValidationContext } from "./checkReferences";
import { parseDefinitionJson } from "./parseDefinitionJson";
import { DefinitionSchema } from "./schema";
import { indexSteps } from "./stepIndex";
import type { Definition } from "./types";
import { zodIssues } from "./zodIssues";

/** The outcome of {@link validateDefinition}: the typed definition, or every issue found. */
export type ValidationResult =
  | { ok: true; definition: Definition }
  | { ok: false; issues: DefinitionIssue[] };

/**
 * Validate a workflow definition: JSON syntax (when given text), shape (zod), then the static
 * checks — unknown targets with a did-you-mean, unreachable steps, dead ends, joins that can
 * never complete, undeclared roles, unknown rules/forms/definitions, and every expression
 * type-checked against the declared data. All issues are returned, each with its JSON path.
 *
 * @example
 * const r = validateDefinition(fileText, { forms: ["fs-application"] });
 * if (!r.ok) for (const i of r.issues) console.log(formatIssue(i));
 */
export function validateDefinition(input: unknown, ctx: ValidationContext = {}): ValidationResult {
  let value = input;
  if (typeof input === "string") {
    const read = parseDefinitionJson(input);
    if (!read.ok) return read;
    value = read.value;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { ok: false, issues: [{ path: "", message: "a workflow definition must be a JSON object" }] };
  }
  // Parsing would drop such a key without a word (assigned to an object it sets the prototype).
  const reserved = protoKeys(value, "");
  if (reserved.length > 0) return { ok: false, issues: reserved };
  const parsed = DefinitionSchema.safeParse(value);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error, value) };
  const def = parsed.data;
  const index = indexSteps(def);
  const issues = [
    ...checkGraph(def, index),
    ...checkReferences(def, index, ctx),
    ...checkExpressions(def, index),
  ];
  return issues.length > 0 ? { ok: false, issues } : { ok: true, definition: def };
}

/** Every own `"__proto__"` key in a parsed JSON value, as an issue at its path. */
function protoKeys(value: unknown, path: string): DefinitionIssue[] {
  if (value === null || typeof value !== "object") return [];
  const out: DefinitionIssue[] = [];
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push(...protoKeys(v, `${path}[${i}]`));
    });
    return out;
  }
  for (const k of Object.keys(value)) {
    const at = path === "" ? k : `${path}.${k}`;
    if (k === "__proto__")
      out.push({
        path: at,
        message: `the key "__proto__" is reserved in JavaScript and would be lost; rename it`,
      });
    else out.push(...protoKeys((value as Record<string, unknown>)[k], at));
  }
  return out;
}
