import {
  type CompiledForm,
  compileForm,
  type FormRef,
  type FormRegistry,
  type FormValidatorOptions,
  validateForm,
} from "@wf/forms";

/**
 * A form registry like `createFormValidator`, but each form is compiled on first use and kept
 * per `id@version`: the start-up of the app reads the stored documents and compiles nothing, so
 * the first screen is not held up by 19 forms' expressions. A bad stored form throws when used.
 */
export function lazyFormRegistry(
  documents: readonly unknown[],
  options: FormValidatorOptions = {},
): FormRegistry {
  const docs = new Map<string, unknown>();
  const latest = new Map<string, number>();
  for (const doc of documents) {
    const { id, version } = doc as { id: string; version: number };
    docs.set(`${id}@${version}`, doc);
    if ((latest.get(id) ?? Number.NEGATIVE_INFINITY) < version) latest.set(id, version);
  }
  const compiled = new Map<string, CompiledForm>();
  const form = (given: string | FormRef): CompiledForm => {
    const text = typeof given === "string" ? given : given.ref;
    const [id = "", pinned] = text.split("@");
    const version =
      typeof given !== "string" && given.version !== undefined
        ? given.version
        : pinned !== undefined
          ? Number(pinned)
          : latest.get(id);
    const key = `${id}@${version}`;
    const cached = compiled.get(key);
    if (cached) return cached;
    const doc = docs.get(key);
    if (doc === undefined) throw new Error(`unknown form "${version === undefined ? id : key}"`);
    const made = compileForm(doc, options);
    compiled.set(key, made);
    return made;
  };
  return {
    form,
    versionOf: (ref) => latest.get(ref),
    validate: (ref, values, permissions) =>
      validateForm(form(ref), values, permissions, options.context?.() ?? {}),
  };
}
