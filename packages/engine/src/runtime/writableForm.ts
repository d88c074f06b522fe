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
  const drop = droppedNames(binding);
  // A step whose default lets values through and that names no field to drop (most steps):
  // nothing to look up per key. (Each lookup of a submitted key in `fields` cost about 50 ns,
  // 1 us for an 18-field form, on every submission and again in the transition.)
  if (drop !== undefined && drop.size === 0) return values;
  const keys = Object.keys(values);
  // Nothing to drop: the values themselves, shared with the audit event's payload rather than
  // copied (stored records are never mutated).
  let all = true;
  for (let i = 0; i < keys.length && all; i++) all = writableKey(drop, fields, fallback, keys[i]!);
  if (all) return values;
  const out: Record<string, unknown> = {};
  for (const key of keys)
    if (writableKey(drop, fields, fallback, key)) put(out, key, (values as Record<string, unknown>)[key]);
  return out;
}

/** What droppedNames worked out for one binding, with what it was worked out from. */
interface Dropped {
  fields: FormBinding["fields"];
  fallback: FormBinding["default"];
  /** The names the binding's own entries make hidden or read-only; undefined when its default does. */
  names: ReadonlySet<string> | undefined;
}

// Per binding (a step's `form`, fixed once its definition is compiled), checked against the
// binding's `fields` and `default` so a binding given other ones is worked out again.
const dropped = new WeakMap<FormBinding, Dropped>();

/**
 * The names a binding drops when its default lets every other name through: its own `fields`
 * entries that are hidden or read-only. Undefined when the default is itself hidden or read-only,
 * so every key is looked up as it comes.
 */
function droppedNames(binding: FormBinding): ReadonlySet<string> | undefined {
  let d = dropped.get(binding);
  if (d === undefined || d.fields !== binding.fields || d.fallback !== binding.default) {
    const fields = binding.fields ?? {};
    const fallback = binding.default ?? "editable";
    let names: Set<string> | undefined;
    if (blocks(fallback)) names = undefined;
    else {
      names = new Set();
      for (const k of Object.keys(fields)) if (!writable(fields, fallback, k)) names.add(k);
    }
    d = { fields: binding.fields, fallback: binding.default, names };
    dropped.set(binding, d);
  }
  return d.names;
}

/**
 * Whether the step writes `key`. With a writable default only the binding's own hidden and
 * read-only entries are dropped: a key that is no own entry finds the default (or, like
 * `toString`, a value of Object.prototype that is neither "hidden" nor "readonly"), as the
 * lookup in `writable` would.
 */
function writableKey(
  drop: ReadonlySet<string> | undefined,
  fields: Record<string, string>,
  fallback: string,
  key: string,
): boolean {
  return drop === undefined ? writable(fields, fallback, key) : !drop.has(key);
}

// A module function rather than a closure per call: nothing to allocate (or, under tsx, to name).
function writable(fields: Record<string, string>, fallback: string, key: string): boolean {
  return !blocks(fields[key] ?? fallback);
}

function blocks(permission: string): boolean {
  return permission === "hidden" || permission === "readonly";
}
