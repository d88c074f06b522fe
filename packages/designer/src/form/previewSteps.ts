import type { FieldPermission, FieldPermissions } from "@wf/forms";
import { listSteps } from "../workflow/stepIndex.ts";
import type { DesignDefinition } from "../workflow/workflowTypes.ts";
import { type DesignerLocale, localText } from "./formTypes.ts";

/** A step that shows a form, as the preview offers it: who acts there and what they may edit. */
export interface PreviewStep {
  id: string;
  /** "procedure / step (role)" in the chosen language. */
  label: string;
  role: string | undefined;
  permissions: FieldPermissions;
}

/**
 * The steps of the given definitions that show form `formId`, with the field permissions their
 * `form` blocks give: what the preview offers as "a chosen role at a chosen step".
 */
export function previewStepsFor(
  formId: string,
  definitions: readonly DesignDefinition[],
  locale: DesignerLocale,
): PreviewStep[] {
  const out: PreviewStep[] = [];
  for (const def of definitions) {
    for (const { id, step } of listSteps(def)) {
      const block = step.form as
        | { ref?: string; fields?: Record<string, FieldPermission>; default?: FieldPermission }
        | undefined;
      if (block?.ref !== formId) continue;
      const role = step.assignee?.role;
      const title = localText(step.title, locale) || id;
      out.push({
        id: `${def.id}/${id}`,
        label: `${localText(def.title, locale) || def.id} / ${title}${role ? ` (${role})` : ""}`,
        role,
        permissions: {
          ...(block.fields ? { fields: block.fields } : {}),
          ...(block.default ? { default: block.default } : {}),
        },
      });
    }
  }
  return out;
}
