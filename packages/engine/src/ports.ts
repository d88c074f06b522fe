/**
 * The ports the engine is given: the org catalog and the form validator. (The Store port is in
 * `store/Store.ts`.) Synchronous on purpose: both are small catalogs held in memory, and
 * assignments are resolved inside pure machine transitions.
 */
import type { LocalizedText } from "./store/Store";

/** An org unit of the catalog. */
export interface OrgUnit {
  id: string;
  name: LocalizedText;
  level?: "city" | "county" | "township" | "village";
  /** `org-dept`, `discipline`, `police`, `village`, `party-committee`, `unit` … */
  type: string;
  parent?: string;
  attrs?: Record<string, unknown>;
}

/** A person of the catalog and the roles they hold at units. */
export interface Person {
  id: string;
  name: { zh: string; en?: string };
  memberships: { unit: string; role: string }[];
  attrs: Record<string, unknown>;
}

/** The org catalog, usable offline. */
export interface OrgDirectory {
  unit(id: string): OrgUnit | undefined;
  person(id: string): Person | undefined;
  parent(id: string): OrgUnit | undefined;
  children(id: string): OrgUnit[];
  /** People holding `role` at `unitId`. */
  holders(role: string, unitId: string): Person[];
}

/** Permission of one form field at one step. */
export type FieldPermission = "hidden" | "readonly" | "editable" | "required";

/** Field permissions of a step: per field key, and the default for the rest. */
export interface FieldPermissions {
  fields: Record<string, FieldPermission>;
  default: FieldPermission;
}

/** One form problem, as `@wf/forms` `validateForm` reports it. */
export interface FieldIssue {
  path: string;
  message: LocalizedText;
}

/** A form by id and, when known, the exact version (`version` absent: the latest). */
export interface FormRef {
  ref: string;
  version?: number;
}

/**
 * Validates submitted form values against a form definition (implemented with `@wf/forms`).
 * The engine passes `{ ref, version }` for a case whose form versions were pinned at its start,
 * and the plain ref (latest version) otherwise, so a string-only validator keeps working.
 */
export interface FormValidator {
  validate(form: string | FormRef, values: unknown, permissions?: FieldPermissions): FieldIssue[];
  /**
   * The version a new case pins for a form ref (its latest), or undefined when unknown.
   * Optional: without it cases are not pinned and always use the latest version.
   */
  versionOf?(ref: string): number | undefined;
}
