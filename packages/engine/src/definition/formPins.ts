import type { FormValidator } from "../ports";
import type { StepIndex } from "./stepIndex";

/** The form refs a definition's steps name, each once, in step order. */
function formRefs(index: StepIndex): string[] {
  const refs = new Set<string>();
  for (const e of index.byId.values()) {
    const s = e.step;
    if ((s.kind === "userTask" || s.kind === "multiTask") && s.form) refs.add(s.form.ref);
  }
  return [...refs];
}

/**
 * The form versions a case starting now pins (ref → version), so that publishing a new form
 * version never changes what a running case validates against or shows. Undefined when the
 * validator does not report versions (or knows none of the forms): the case then uses the latest.
 */
export function pinFormVersions(
  index: StepIndex,
  forms: FormValidator | undefined,
): Record<string, number> | undefined {
  if (!forms?.versionOf) return undefined;
  let out: Record<string, number> | undefined;
  for (const ref of formRefs(index)) {
    const v = forms.versionOf(ref);
    if (typeof v === "number" && Number.isInteger(v)) {
      out ??= {};
      out[ref] = v;
    }
  }
  return out;
}
