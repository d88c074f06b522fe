import type { JSONPath } from "jsonc-parser";
import type { JsonValueHints } from "../json/jsonCompletions.ts";
import { listSteps } from "./stepIndex.ts";
import type { DesignDefinition } from "./workflowTypes.ts";

const STEP_KEYS = new Set(["to", "otherwise", "initial", "actorOf"]);

/**
 * Values the definition schema cannot list but the document itself does: step ids where a step
 * is named (`to`, `otherwise`, `initial`, separation-of-duties steps), role ids where a role is.
 */
export const definitionHints: JsonValueHints = (path: JSONPath, doc: unknown) => {
  if (typeof doc !== "object" || doc === null || typeof (doc as DesignDefinition).steps !== "object")
    return [];
  const def = doc as DesignDefinition;
  const last = path.at(-1);
  const parent = path.at(-2);
  const stepIds = () => listSteps(def).map((s) => s.id);
  if (typeof last === "string" && STEP_KEYS.has(last)) {
    const inBranch = path.includes("branches") && last === "to";
    return inBranch ? [...stepIds(), "@branchEnd"] : stepIds();
  }
  if (path[0] === "separationOfDuties" && parent === "steps") return stepIds();
  if (last === "role" || (typeof last === "number" && parent === "roles" && path.length > 2)) {
    return Array.isArray(def.roles) ? def.roles : [];
  }
  return [];
};
