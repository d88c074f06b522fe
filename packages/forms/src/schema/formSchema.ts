import { z } from "zod";
import { checkForm, storedValues } from "./checkForm";
import type { CompiledForm } from "./compileForm";
import { addIssue } from "./fieldValueSchema";
import { createFormPlan } from "./formPlan";
import type { FormContext } from "./formState";
import type { FieldPermissions, FormValues } from "./types";

/** Options of createFormSchema: the step's permissions plus clock, case data and directory. */
export interface FormSchemaOptions extends FormContext {
  permissions?: FieldPermissions | undefined;
}

/**
 * The one zod schema of a form for a step: parses form values, applies calculations, validates
 * every visible field the step may edit (type, required, its rules, rows of groups), then the
 * form's cross-field rules; the output is the values to store (see `effectiveValues`). Every
 * issue carries `params: { rule, zh, en }`.
 *
 * Why one refinement rather than a static `z.object` of field schemas: which fields are checked
 * at all depends on the values (a hidden field's stale or wrong-typed value must not block), so
 * the per-field checks run inside the refinement once visibility is known.
 *
 * The clock, case data and directory are fixed into the schema, so it is made for one moment;
 * `parseFormValues` and `validateForm` instead reuse one plan per form and permission set and
 * take those per call, which is what repeated validation (the engine, the live form) should use.
 * @example createFormSchema(form, { permissions: { default: "editable" } }).safeParse(values)
 */
export function createFormSchema(form: CompiledForm, opts: FormSchemaOptions = {}): z.ZodType<FormValues> {
  const plan = createFormPlan(form, opts.permissions);
  // The refinement's effective values, handed to the transform of the same parse (which runs
  // only when the refinement found nothing), so they are not computed twice.
  const effective = new WeakMap<object, FormValues>();
  return z
    .unknown()
    .superRefine((raw, ctx) => {
      const values = checkForm(plan, raw, opts, (field, rule, message, path) =>
        addIssue(ctx, field, rule, message, path),
      );
      if (values) effective.set(raw as object, values);
    })
    .transform((raw) => {
      const values = effective.get(raw as object);
      if (!values) throw new Error("unreachable: the refinement checked these values");
      effective.delete(raw as object);
      return storedValues(plan, values);
    });
}
