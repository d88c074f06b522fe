import { type CompiledForm, type CompileFormOptions, compileForm } from "./compileForm";
import { didYouMeanText } from "./didYouMean";
import type { FormContext } from "./formState";
import type { FieldIssue, FieldPermissions } from "./types";
import { validateForm } from "./validateForm";

/** The engine's port (contract §4): validates a step's submitted form by reference. */
export interface FormValidator {
  validate(ref: string, values: unknown, permissions?: FieldPermissions): FieldIssue[];
}

/** Options of createFormValidator. */
export interface FormValidatorOptions extends CompileFormOptions {
  /** Clock, case data and directory for each validation (the engine passes its injected clock). */
  context?: (() => FormContext) | undefined;
}

/** A FormValidator that also hands out its compiled forms. */
export interface FormRegistry extends FormValidator {
  /** The compiled form for `id` (latest version) or `id@version`; throws on an unknown ref. */
  form(ref: string): CompiledForm;
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
  const form = (ref: string): CompiledForm => {
    const f = byRef.get(ref);
    if (f) return f;
    const ids = [...byRef.keys()].filter((k) => !k.includes("@"));
    throw new Error(`unknown form "${ref}"${didYouMeanText(ref, ids)}`);
  };
  return {
    form,
    validate: (ref, values, permissions) =>
      validateForm(form(ref), values, permissions, options.context?.() ?? {}),
  };
}
