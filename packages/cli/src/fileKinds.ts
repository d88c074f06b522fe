import { validateDefinition } from "@wf/engine";
import { tryCompileForm } from "@wf/forms";
import { z } from "zod";
import { ScenarioSchema } from "./simulate/scenario";

/** One problem found in a file, at a JSON path (`steps.review.next`) with an optional hint. */
export interface FileIssue {
  path: string;
  message: string;
  hint?: string | undefined;
}

/** What the files given to `wf validate` may be; each kind has its own checks. */
export type FileKind = "definition" | "form" | "calendar" | "roles" | "units" | "people" | "scenario";

/** Everything the checks of one file may consult: the other files of the same run. */
export interface KnownIds {
  forms: Set<string>;
  definitions: Set<string>;
  roles: Set<string>;
  units: Set<string>;
  unitTypes: Set<string>;
}

const text = z.object({ zh: z.string().min(1), en: z.string().min(1) });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");

const calendarSchema = z.object({
  id: z.string().min(1),
  name: text.optional(),
  description: z.string().optional(),
  holidays: z.array(isoDate),
  workdays: z.array(isoDate),
});
const rolesSchema = z.array(
  z.object({ id: z.string().min(1), name: text, description: text.optional() }).loose(),
);
const unitsSchema = z.array(
  z
    .object({
      id: z.string().min(1),
      name: text,
      type: z.string().min(1),
      level: z.enum(["city", "county", "township", "village"]).optional(),
      parent: z.string().optional(),
      attrs: z.record(z.string(), z.unknown()).optional(),
    })
    .loose(),
);
const peopleSchema = z.array(
  z
    .object({
      id: z.string().min(1),
      name: z.object({ zh: z.string().min(1), en: z.string().optional() }),
      memberships: z.array(z.object({ unit: z.string().min(1), role: z.string().min(1) })),
      attrs: z.record(z.string(), z.unknown()).optional(),
    })
    .loose(),
);

/**
 * Tells what a parsed JSON file is from its shape, so `wf validate` takes definitions, forms,
 * calendars, the org catalog and scenario scripts in one call. `undefined` when nothing fits.
 */
export function classify(value: unknown): FileKind | undefined {
  if (Array.isArray(value)) {
    const first: unknown = value[0];
    if (first === null || typeof first !== "object") return undefined;
    if ("memberships" in first) return "people";
    if ("type" in first) return "units";
    if ("name" in first) return "roles";
    return undefined;
  }
  if (value === null || typeof value !== "object") return undefined;
  if ("steps" in value) return "definition";
  if ("fields" in value) return "form";
  if ("holidays" in value || "workdays" in value) return "calendar";
  if ("actions" in value) return "scenario";
  return undefined;
}

function zodIssues(error: z.ZodError): FileIssue[] {
  return error.issues.map((i) => ({
    path: i.path
      .map((p, n) => (typeof p === "number" ? `[${p}]` : n === 0 ? String(p) : `.${String(p)}`))
      .join(""),
    message: i.message.replace(/^Invalid input: /, ""),
  }));
}

/** Collects the ids a file contributes, so cross-file references can be checked. */
export function collectIds(kind: FileKind, value: unknown, known: KnownIds): void {
  const items = Array.isArray(value) ? (value as { id?: unknown; type?: unknown }[]) : [];
  const id = (value as { id?: unknown }).id;
  if (kind === "form" && typeof id === "string") known.forms.add(id);
  if (kind === "definition" && typeof id === "string") known.definitions.add(id);
  for (const item of items) {
    if (typeof item?.id !== "string") continue;
    if (kind === "roles") known.roles.add(item.id);
    if (kind === "units") {
      known.units.add(item.id);
      if (typeof item.type === "string") known.unitTypes.add(item.type);
    }
  }
}

const nonEmpty = <T>(set: Set<T>): Set<T> | undefined => (set.size > 0 ? set : undefined);

/** Validates one file of a known kind; cross-references are checked only against what `known` holds. */
export function checkFile(kind: FileKind, value: unknown, known: KnownIds): FileIssue[] {
  switch (kind) {
    case "definition": {
      const ctx = {
        ...(nonEmpty(known.forms) ? { forms: known.forms } : {}),
        // A definition alone in a run knows only itself: its sub-process references are checked
        // only when other definitions are given with it (e.g. `wf validate workflows`).
        ...(known.definitions.size > 1 ? { definitions: known.definitions } : {}),
        ...(nonEmpty(known.roles) ? { roles: known.roles } : {}),
        ...(nonEmpty(known.unitTypes) ? { unitTypes: known.unitTypes } : {}),
      };
      const result = validateDefinition(value, ctx);
      return result.ok ? [] : result.issues;
    }
    case "form":
      return tryCompileForm(value).issues;
    case "calendar": {
      const r = calendarSchema.safeParse(value);
      return r.success ? [] : zodIssues(r.error);
    }
    case "roles":
    case "units":
    case "people": {
      const schema = kind === "roles" ? rolesSchema : kind === "units" ? unitsSchema : peopleSchema;
      const r = schema.safeParse(value);
      if (!r.success) return zodIssues(r.error);
      return checkCatalogReferences(kind, value as { id: string }[], known);
    }
    case "scenario": {
      const r = ScenarioSchema.safeParse(value);
      return r.success ? [] : zodIssues(r.error);
    }
  }
}

function checkCatalogReferences(
  kind: FileKind,
  items: Record<string, unknown>[],
  known: KnownIds,
): FileIssue[] {
  const issues: FileIssue[] = [];
  const seen = new Set<unknown>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) issues.push({ path: `[${i}].id`, message: `duplicate id "${String(item.id)}"` });
    seen.add(item.id);
    if (
      kind === "units" &&
      typeof item.parent === "string" &&
      known.units.size > 0 &&
      !known.units.has(item.parent)
    )
      issues.push({ path: `[${i}].parent`, message: `unknown parent unit "${item.parent}"` });
    if (kind === "people")
      (item.memberships as { unit: string; role: string }[]).forEach((m, j) => {
        if (known.units.size > 0 && !known.units.has(m.unit))
          issues.push({ path: `[${i}].memberships[${j}].unit`, message: `unknown org unit "${m.unit}"` });
        if (known.roles.size > 0 && !known.roles.has(m.role))
          issues.push({ path: `[${i}].memberships[${j}].role`, message: `unknown role "${m.role}"` });
      });
  });
  return issues;
}
