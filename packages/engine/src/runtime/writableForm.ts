import type { z } from "zod";
import type { FormBindingSchema } from "../definition/schema";

type FormBinding = z.infer<typeof FormBindingSchema>;

/**
 * The part of submitted form values a step may write into case data: fields that are `hidden`
 * or `readonly` at this step (by name, or by the step's default) are dropped, so a client
 * cannot change what the step only shows, whatever it sends.
 */
export function writableForm(binding: FormBinding, values: unknown): unknown {
  if (values === null || typeof values !== "object" || Array.isArray(values)) return values;
  const fields = binding.fields ?? {};
  const fallback = binding.default ?? "editable";
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const permission = fields[key] ?? fallback;
    if (permission !== "hidden" && permission !== "readonly") out[key] = value;
  }
  return out;
}
