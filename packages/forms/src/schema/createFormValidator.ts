import { type CompiledForm, type CompileFormOptions, compileForm } from "./compileForm";
import { didYouMeanText } from "./didYouMean";
import type { FormContext } from "./formState";
import type { FieldIssue, FieldPermissions } from "./types";
import { validateForm } from "./validateForm";

/** A form by id and, when known, its exact version (absent: the latest). */
export interface FormRef {
  ref: string;
  version?: number | undefined;
}

/**
 * The engine's port (contract §4): validates a step's submitted form by reference — a ref
 * string, or `{ ref, version }` for the version a running case pinned when it started.
 */
export interface FormValidator {
  validate(ref: string | FormRef, values: unknown, permissions?: FieldPermissions): FieldIssue[];
  /** The latest version of a form (what a new case pins), or undefined for an unknown form. */
  versionOf(ref: string): number | undefined;
}

/** Options of createFormValidator. */
export interface FormValidatorOptions extends CompileFormOptions {
  /** Clock, case data and directory for each validation (the engine passes its injected clock). */
  context?: (() => FormContext) | undefined;
}

/** A FormValidator that also hands out its compiled forms. */
export interface FormRegistry extends FormValidator {
  /**
   * The compiled form for `id` (latest version), `id@version`, or `{ ref, version }` — pass the
   * task's `form` (`{ ref, version }`) to render the version its case pinned; throws on an unknown ref.
   */
  form(ref: string | FormRef): CompiledForm;
}

/**
 * Compiles every form once (throwing FormDefinitionError on the first bad one) and validates by
 * ref: `"fs-application"` is the latest version, `"fs-application@2"` an exact one.
 * @example createEngine({ forms: createFormValidator(forms, { context: () => ({ env: { now: clock() } }) }), … })
 */
export function createFormValidator(
  forms: readonly unknown[],
  options: FormValidatorOptions = {},
): FormRegistry {
  const byRef = new Map<string, CompiledForm>();
  for (const json of forms) {
    const form = compileForm(json, options);
    const ref = `${form.json.id}@${form.json.version}`;
    if (byRef.has(ref)) throw new Error(`form ${ref} is given twice`);
    byRef.set(ref, form);
    const latest = byRef.get(form.json.id);
    if (!latest || latest.json.version < form.json.version) byRef.set(form.json.id, form);
  }
  const lookup = (ref: string): CompiledForm => {
    const f = byRef.get(ref);
    if (f) return f;
    const ids = [...byRef.keys()].filter((k) => !k.includes("@"));
    throw new Error(`unknown form "${ref}"${didYouMeanText(ref, ids)}`);
  };
  // `{ ref, version }` found by the pair, not by a string built for every validation (the forms
  // never change after this point, so a form once found stays the answer).
  const pinned = new Map<string, Map<number, CompiledForm>>();
  const form = (given: string | FormRef): CompiledForm => {
    if (typeof given === "string") return lookup(given);
    if (given.version === undefined) return lookup(given.ref);
    let versions = pinned.get(given.ref);
    let f = versions?.get(given.version);
    if (!f) {
      f = lookup(`${given.ref.split("@")[0]}@${given.version}`);
      if (!versions) {
        versions = new Map();
        pinned.set(given.ref, versions);
      }
      versions.set(given.version, f);
    }
    return f;
  };
  return {
    form,
    versionOf: (ref) => byRef.get(ref)?.json.version,
    validate: (ref, values, permissions) =>
      validateForm(form(ref), values, permissions, options.context?.() ?? {}),
  };
}
