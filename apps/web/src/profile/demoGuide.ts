import { definitions } from "@wf/workflows";
import selection from "../../../../workflows/scenarios/fs-happy-path.json" with { type: "json" };
import recall from "../../../../workflows/scenarios/rc-incompetent.json" with { type: "json" };
import vetting from "../../../../workflows/scenarios/vt-secretary-qualified.json" with { type: "json" };
import type { LocalizedText } from "../i18n/I18nProvider.tsx";

/** One person to switch to on a demo walk-through, and the steps they act on. */
interface GuideStop {
  personId: string;
  unit?: string | undefined;
  steps: LocalizedText[];
}

/** A procedure walked through end to end, with who acts where. */
export interface Guide {
  title: LocalizedText;
  stops: GuideStop[];
}

interface ScenarioAction {
  type: string;
  actor?: string;
  unit?: string;
  step?: string;
  definition?: string;
}

interface Scenario {
  title: LocalizedText;
  definition: string;
  actions: ScenarioAction[];
}

type StepMap = Record<string, { title?: LocalizedText; branches?: Record<string, { steps: StepMap }> }>;

function stepTitle(definitionId: string, step: string): LocalizedText {
  const def = definitions.find((d) => (d as { id?: string }).id === definitionId) as
    | { steps?: StepMap }
    | undefined;
  const find = (steps: StepMap | undefined): LocalizedText | undefined => {
    if (!steps) return undefined;
    if (steps[step]?.title) return steps[step].title;
    for (const s of Object.values(steps))
      for (const b of Object.values(s.branches ?? {})) {
        const found = find(b.steps);
        if (found) return found;
      }
    return undefined;
  };
  return find(def?.steps) ?? { zh: step, en: step };
}

/**
 * The people of the shipped scenario scripts (the same ones the tests run), in the order they
 * act, so a newcomer can walk a procedure through by switching person at each step.
 */
function guideOf(scenario: Scenario): Guide {
  const stops: GuideStop[] = [];
  for (const a of scenario.actions) {
    if (a.type !== "act" || !a.actor || !a.step) continue;
    const title = stepTitle(a.definition ?? scenario.definition, a.step);
    const last = stops.at(-1);
    if (last && last.personId === a.actor && last.unit === a.unit) last.steps.push(title);
    else stops.push({ personId: a.actor, unit: a.unit, steps: [title] });
  }
  return { title: scenario.title, stops };
}

/** Walk-throughs of the three procedures. */
export const demoGuides: Guide[] = [selection, recall, vetting].map((s) => guideOf(s as Scenario));
