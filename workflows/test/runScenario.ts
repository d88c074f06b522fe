import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  runScenario as run,
  type Scenario,
  type ScenarioRun,
  ScenarioSchema,
  type WorkflowBundle,
} from "@wf/cli";
import {
  calendars,
  catalogDirectory,
  definitions,
  forms,
  orgPeople,
  orgUnits,
  roleCatalog,
} from "../src/index.ts";

export type { Scenario } from "@wf/cli";

/** The shipped catalog as a directory, for tests that look people and units up. */
export const directory = catalogDirectory(orgUnits, orgPeople);

const scenarioDir = fileURLToPath(new URL("../scenarios/", import.meta.url));

/** Every scenario script under workflows/scenarios/, in file name order, checked against the script schema. */
export function loadScenarios(): Scenario[] {
  return readdirSync(scenarioDir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ScenarioSchema.parse(JSON.parse(readFileSync(scenarioDir + f, "utf8"))));
}

/** The shipped workflows folder as the CLI loads it, with `defs` in place of the shipped definitions. */
function bundle(defs: readonly unknown[]): WorkflowBundle {
  return {
    definitions: [...defs],
    forms: [...forms],
    roles: [...roleCatalog],
    units: [...orgUnits],
    people: [...orgPeople],
    calendars: Object.values(calendars),
  };
}

/** Runs a script with the CLI's runner (the one `pnpm wf simulate` uses) over the shipped catalog. */
export function runScenario(s: Scenario, defs: readonly unknown[] = definitions): Promise<ScenarioRun> {
  return run(s, bundle(defs));
}
