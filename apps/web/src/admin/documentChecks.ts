import { canonicalJson, parseDefinitionJson, type StoredDefinition, validateDefinition } from "@wf/engine";
import { tryCompileForm } from "@wf/forms";
import type { FormDocument } from "@wf/storage-dexie";

/** What an admin document is: a workflow definition (has `steps`) or a form (has `fields`). */
type DocumentKind = "definition" | "form";

/** A problem in a document, at a JSON path (`steps.review.outcomes.pass.to`). */
export interface DocumentIssue {
  path: string;
  message: string;
  hint?: string | undefined;
}

/**
 * A checked document: ready to publish (`value` is the validated document, with the defaults the
 * schema fills in), already published as is, or refused with its issues.
 */
export type CheckedDocument =
  | { status: "new"; kind: DocumentKind; id: string; version: number; value: unknown }
  | { status: "published"; kind: DocumentKind; id: string; version: number }
  | { status: "invalid"; kind?: DocumentKind; id?: string; version?: number; issues: DocumentIssue[] };

/** What is already stored, and the catalogs references are checked against. */
export interface CheckContext {
  definitions: readonly StoredDefinition[];
  forms: readonly FormDocument[];
  roles: readonly string[];
  calendars: readonly string[];
  /** Ids published together with this document (a bundle): its references to them are fine. */
  alsoDefinitions?: readonly string[];
  alsoForms?: readonly string[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Reads JSON text; a syntax error becomes one issue naming the line and column. */
export function readJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; issues: DocumentIssue[] } {
  return parseDefinitionJson(text);
}

/** Tells a definition from a form by their required members. */
function kindOf(value: unknown): DocumentKind | undefined {
  if (!isObject(value)) return undefined;
  if ("steps" in value) return "definition";
  if ("fields" in value) return "form";
  return undefined;
}

/**
 * Checks one definition or form before it is published: the engine's `validateDefinition` (shape,
 * graph, references, every expression) or the form compiler (shape, expressions, calculation
 * cycles), then the version rule — a published (id, version) is never changed, so a new version
 * must be above the latest one. Identical content already stored is reported as "published".
 */
export function checkDocument(value: unknown, ctx: CheckContext): CheckedDocument {
  const kind = kindOf(value);
  if (!kind || !isObject(value))
    return {
      status: "invalid",
      issues: [
        {
          path: "",
          message: 'neither a workflow definition (it has no "steps") nor a form (it has no "fields")',
        },
      ],
    };
  const id = typeof value.id === "string" ? value.id : undefined;
  const version = typeof value.version === "number" ? value.version : undefined;
  const known = { kind, ...(id ? { id } : {}), ...(version !== undefined ? { version } : {}) };

  let normalized: unknown;
  if (kind === "definition") {
    const formIds = new Set([...ctx.forms.map((f) => f.id), ...(ctx.alsoForms ?? [])]);
    const definitionIds = new Set([
      ...ctx.definitions.map((d) => d.id),
      ...(ctx.alsoDefinitions ?? []),
      ...(id ? [id] : []),
    ]);
    const result = validateDefinition(value, {
      forms: formIds,
      definitions: definitionIds,
      roles: ctx.roles,
    });
    if (!result.ok) return { status: "invalid", ...known, issues: result.issues };
    if (result.definition.calendar !== undefined && !ctx.calendars.includes(result.definition.calendar))
      return {
        status: "invalid",
        ...known,
        issues: [
          {
            path: "calendar",
            message: `unknown holiday calendar "${result.definition.calendar}"`,
            hint: `known: ${ctx.calendars.join(", ")}`,
          },
        ],
      };
    normalized = result.definition;
  } else {
    const result = tryCompileForm(value);
    if (result.issues.length > 0) return { status: "invalid", ...known, issues: result.issues };
    normalized = value;
  }
  // Both checks above guarantee an id and a positive integer version.
  const docId = id as string;
  const docVersion = version as number;
  const stored =
    kind === "definition"
      ? ctx.definitions
          .filter((d) => d.id === docId)
          .map((d) => ({ version: d.version, content: d.definition }))
      : ctx.forms.filter((f) => f.id === docId).map((f) => ({ version: f.version, content: f as unknown }));
  const same = stored.find((s) => s.version === docVersion);
  if (same) {
    if (canonicalJson(same.content) === canonicalJson(normalized))
      return { status: "published", kind, id: docId, version: docVersion };
    const next = Math.max(...stored.map((s) => s.version)) + 1;
    return {
      status: "invalid",
      ...known,
      issues: [
        {
          path: "version",
          message: `version ${docVersion} of "${docId}" is already published with other content and cannot change`,
          hint: `publish it as version ${next}`,
        },
      ],
    };
  }
  const latest = Math.max(0, ...stored.map((s) => s.version));
  if (docVersion < latest)
    return {
      status: "invalid",
      ...known,
      issues: [
        {
          path: "version",
          message: `version ${docVersion} is below the latest published version ${latest}`,
          hint: `publish it as version ${latest + 1}`,
        },
      ],
    };
  return { status: "new", kind, id: docId, version: docVersion, value: normalized };
}

/** A file of definitions and forms as the admin screen exports it. */
export interface DefinitionBundle {
  format: "wf-definitions";
  exportedAt: string;
  definitions: unknown[];
  forms: unknown[];
}

/** The marker of an exported bundle. */
export const bundleFormat = "wf-definitions";

/**
 * The documents in an imported file with the JSON path of each: a bundle
 * (`{ format: "wf-definitions", definitions, forms }`), a list, or one definition or form.
 */
export function documentsOf(
  value: unknown,
): { docs: { path: string; value: unknown }[] } | { issues: DocumentIssue[] } {
  let docs: { path: string; value: unknown }[];
  if (Array.isArray(value)) docs = value.map((v, i) => ({ path: `[${i}]`, value: v }));
  else if (isObject(value) && value.format === bundleFormat) {
    const issues: DocumentIssue[] = [];
    for (const key of ["definitions", "forms"] as const)
      if (!Array.isArray(value[key])) issues.push({ path: key, message: "expected an array" });
    if (issues.length > 0) return { issues };
    docs = [
      ...(value.forms as unknown[]).map((v, i) => ({ path: `forms[${i}]`, value: v })),
      ...(value.definitions as unknown[]).map((v, i) => ({ path: `definitions[${i}]`, value: v })),
    ];
  } else if (isObject(value)) docs = [{ path: "", value }];
  else
    return {
      issues: [{ path: "", message: "expected a definition, a form, a list of them, or an exported bundle" }],
    };
  if (docs.length === 0) return { issues: [{ path: "", message: "the file holds no definitions or forms" }] };
  return { docs };
}

/** Joins a document's path in its file with an issue's path inside the document. */
export function joinPath(base: string, inner: string): string {
  if (!base) return inner;
  if (!inner) return base;
  return inner.startsWith("[") ? `${base}${inner}` : `${base}.${inner}`;
}

/**
 * Checks every document of an imported file, each against the stored ones and the others in the
 * file (a definition may use a form the same file brings). Nothing is written here.
 */
export function checkDocuments(
  docs: readonly { path: string; value: unknown }[],
  ctx: CheckContext,
): { path: string; result: CheckedDocument }[] {
  const ids = (kind: DocumentKind) =>
    docs
      .filter((d) => kindOf(d.value) === kind && isObject(d.value) && typeof d.value.id === "string")
      .map((d) => (d.value as { id: string }).id);
  const withBundle = { ...ctx, alsoDefinitions: ids("definition"), alsoForms: ids("form") };
  const seen = new Map<string, string>();
  return docs.map(({ path, value }) => {
    const result = checkDocument(value, withBundle);
    if (result.status !== "invalid" || result.id) {
      const key = `${result.kind}:${result.id}@${result.version}`;
      const first = seen.get(key);
      if (first !== undefined)
        return {
          path,
          result: {
            status: "invalid" as const,
            issues: [{ path: "version", message: `the same id and version as ${first || "the file"}` }],
          },
        };
      seen.set(key, path);
    }
    return { path, result };
  });
}
