import type { z } from "zod";
import type { FormBindingSchema } from "../definition/schema";
import { put } from "./shapes";

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
  const keys = Object.keys(values);
  // Nothing to drop: the values themselves, shared with the audit event's payload rather than
  // copied (stored records are never mutated).
  let all = true;
  for (let i = 0; i < keys.length && all; i++) all = writable(fields, fallback, keys[i]!);
  if (all) return values;
  const out: Record<string, unknown> = {};
  for (const key of keys)
    if (writable(fields, fallback, key)) put(out, key, (values as Record<string, unknown>)[key]);
  return out;
}

// A module function rather than a closure per call: nothing to allocate (or, under tsx, to name).
function writable(fields: Record<string, string>, fallback: string, key: string): boolean {
  const permission = fields[key] ?? fallback;
  return permission !== "hidden" && permission !== "readonly";
}
