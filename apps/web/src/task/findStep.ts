import type { Definition, Step } from "@wf/engine";

/** A step of a definition by id, looking inside parallel branches too. */
export function findStep(definition: Definition | undefined, id: string): Step | undefined {
  if (!definition) return undefined;
  const search = (steps: Record<string, Step>): Step | undefined => {
    const own = steps[id];
    if (own) return own;
    for (const step of Object.values(steps)) {
      if (step.kind !== "parallel") continue;
      for (const branch of Object.values(step.branches)) {
        const found = search(branch.steps as Record<string, Step>);
        if (found) return found;
      }
    }
    return undefined;
  };
  return search(definition.steps as Record<string, Step>);
}
