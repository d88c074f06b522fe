import type { Definition } from "@wf/engine";
import type { LocalizedText } from "../i18n/I18nProvider.tsx";
import { findStep } from "../task/findStep.ts";

/** A step's title, or its id where the step has none (auto steps, timers). */
export function stepTitle(definition: Definition | undefined, stepId: string): LocalizedText {
  const step = findStep(definition, stepId);
  const title = step && "title" in step ? (step.title as LocalizedText | undefined) : undefined;
  return title ?? { zh: stepId, en: stepId };
}

/** An outcome's label at a step, or the outcome id. */
export function outcomeLabel(
  definition: Definition | undefined,
  stepId: string,
  outcome: string,
): LocalizedText {
  const step = findStep(definition, stepId);
  const outcomes =
    step && "outcomes" in step ? (step.outcomes as Record<string, { label?: LocalizedText }>) : {};
  return outcomes[outcome]?.label ?? { zh: outcome, en: outcome };
}
