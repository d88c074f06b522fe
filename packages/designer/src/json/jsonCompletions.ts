import { getLocation, type JSONPath, parse } from "jsonc-parser";

/** A JSON Schema (draft 2020-12) as a plain object, e.g. `definitionJsonSchema()` of `@wf/engine`. */
export type JsonSchema = Record<string, unknown>;

/** One suggestion of the JSON view: `label` is matched against what is typed, `apply` inserted. */
export interface JsonSuggestion {
  label: string;
  apply: string;
  detail?: string;
}

/** Extra values for a place in the document that the schema cannot know (step ids, role ids). */
export type JsonValueHints = (path: JSONPath, doc: unknown) => readonly string[];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function deref(schema: unknown, root: JsonSchema): JsonSchema | undefined {
  let s = schema;
  for (let hops = 0; isObject(s) && typeof s.$ref === "string" && hops < 32; hops++) {
    const ref: string = s.$ref;
    if (!ref.startsWith("#/")) return undefined;
    s = ref
      .slice(2)
      .split("/")
      .reduce<unknown>((here, key) => (isObject(here) ? here[key] : undefined), root);
  }
  return isObject(s) ? s : undefined;
}

/** Whether a branch of a oneOf/anyOf fits what is written: its const or enum keys agree with `value`. */
function fits(branch: JsonSchema, value: unknown): boolean {
  if (!isObject(value) || !isObject(branch.properties)) return true;
  return Object.entries(branch.properties).every(([key, prop]) => {
    if (!isObject(prop) || value[key] === undefined) return true;
    if ("const" in prop) return prop.const === value[key];
    if (Array.isArray(prop.enum)) return prop.enum.includes(value[key]);
    return true;
  });
}

/** The plain schemas a value may satisfy: references followed, unions narrowed by what is written. */
function expand(schema: unknown, root: JsonSchema, value: unknown): JsonSchema[] {
  const s = deref(schema, root);
  if (!s) return [];
  const branches = [...(Array.isArray(s.oneOf) ? s.oneOf : []), ...(Array.isArray(s.anyOf) ? s.anyOf : [])];
  if (branches.length === 0) return [s];
  const all = branches.flatMap((b) => expand(b, root, value));
  const fitting = all.filter((b) => fits(b, value));
  return fitting.length > 0 ? fitting : all;
}

function childSchemas(
  schemas: JsonSchema[],
  key: string | number,
  root: JsonSchema,
  value: unknown,
): JsonSchema[] {
  return schemas.flatMap((s) => {
    if (typeof key === "number") return s.items ? expand(s.items, root, value) : [];
    if (isObject(s.properties) && key in s.properties) return expand(s.properties[key], root, value);
    return isObject(s.additionalProperties) ? expand(s.additionalProperties, root, value) : [];
  });
}

function valueAt(doc: unknown, path: JSONPath): unknown {
  return path.reduce<unknown>(
    (here, key) =>
      isObject(here) || Array.isArray(here) ? (here as Record<string | number, unknown>)[key] : undefined,
    doc,
  );
}

/** The schemas that apply at `path` of `doc`. */
export function schemasAt(root: JsonSchema, path: JSONPath, doc: unknown): JsonSchema[] {
  let schemas = expand(root, root, doc);
  path.forEach((key, i) => {
    schemas = childSchemas(schemas, key, root, valueAt(doc, path.slice(0, i + 1)));
  });
  return schemas;
}

/**
 * Suggestions at offset `pos` of JSON `text` from `schema`: property names not yet written when
 * the cursor is at a key, and allowed values (enum, const, booleans, plus `hints`) at a value.
 * `from`–`to` is the range the chosen suggestion replaces (the string being typed, if any).
 *
 * @example jsonCompletions('{"steps":{"a":{"kind":"us', 25, definitionJsonSchema())
 */
export function jsonCompletions(
  text: string,
  pos: number,
  schema: JsonSchema,
  hints?: JsonValueHints,
): { from: number; to: number; options: JsonSuggestion[] } | undefined {
  const location = getLocation(text, pos);
  const doc: unknown = parse(text);
  const node = location.previousNode;
  const inNode =
    node &&
    (node.type === "string" || node.type === "property") &&
    pos >= node.offset &&
    pos <= node.offset + node.length;
  const from = inNode ? node.offset : pos;
  const to = inNode ? node.offset + node.length : pos;
  if (location.isAtPropertyKey) {
    const objectPath = location.path.slice(0, -1);
    const written = valueAt(doc, objectPath);
    const typing = location.path.at(-1);
    const names = new Set(
      schemasAt(schema, objectPath, doc).flatMap((s) =>
        isObject(s.properties) ? Object.keys(s.properties) : [],
      ),
    );
    const options = [...names]
      .filter((name) => name !== "$schema" && (!isObject(written) || !(name in written) || name === typing))
      .map((name) => ({ label: JSON.stringify(name), apply: `${JSON.stringify(name)}: ` }));
    return { from, to, options };
  }
  const schemas = schemasAt(schema, location.path, doc);
  const values = new Set<string>();
  for (const s of schemas) {
    if ("const" in s) values.add(JSON.stringify(s.const));
    if (Array.isArray(s.enum)) for (const v of s.enum) values.add(JSON.stringify(v));
    if (s.type === "boolean") {
      values.add("true");
      values.add("false");
    }
  }
  for (const hint of hints?.(location.path, doc) ?? []) values.add(JSON.stringify(hint));
  if (values.size === 0) return undefined;
  return { from, to, options: [...values].map((v) => ({ label: v, apply: v })) };
}
