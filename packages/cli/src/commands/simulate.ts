import { basename, dirname, resolve } from "node:path";
import type { Instance } from "@wf/engine";
import type { CliIo } from "../io";
import { UsageError } from "../io";
import { JsonSyntaxError, parseJsonDocument } from "../readJsonFile";
import { loadBundle } from "../simulate/bundle";
import { runScenario, ScenarioFailure, type ScenarioRun } from "../simulate/runScenario";
import { ScenarioSchema } from "../simulate/scenario";
import { validateCommand } from "./validate";

function summary(inst: Instance) {
  return {
    id: inst.id,
    definition: `${inst.definitionId}@${inst.definitionVersion}`,
    version: inst.version,
    status: inst.status,
    steps: inst.steps,
    ...(inst.outcome !== undefined ? { outcome: inst.outcome } : {}),
    ...(inst.reason !== undefined ? { reason: inst.reason } : {}),
    ...(inst.parent ? { parent: inst.parent } : {}),
    children: inst.children,
    data: inst.data,
  };
}

async function report(run: ScenarioRun) {
  const { engine } = run.world;
  const cases = await Promise.all(
    run.family.map(async (inst) => ({
      ...summary(inst),
      openTasks: inst.tasks
        .filter((t) => t.status === "open")
        .map((t) => ({ id: t.id, step: t.step, assignee: t.assignee, ...(t.due ? { due: t.due } : {}) })),
      audit: await engine.verify(inst.id),
      events: await engine.history(inst.id),
    })),
  );
  return { final: summary(run.main), cases };
}

/**
 * `wf simulate <definition> --script <actions.json> [--workflows <dir>]`: runs a scripted case in
 * memory and prints the final state, open tasks and event log of every case it touched, as JSON.
 * Forms, the org catalog and calendars come from the workflows folder (by default the folder
 * holding the definition's `definitions/` folder). Exit 1 when an expectation of the script fails.
 */
export async function simulateCommand(
  definitionFile: string,
  options: Map<string, string | true>,
  io: CliIo,
): Promise<number> {
  const scriptFile = options.get("script");
  if (typeof scriptFile !== "string") throw new UsageError("wf simulate needs --script <actions.json>");
  const defDir = dirname(resolve(io.cwd, definitionFile));
  const workflows = options.get("workflows");
  const dir =
    typeof workflows === "string"
      ? resolve(io.cwd, workflows)
      : basename(defDir) === "definitions"
        ? dirname(defDir)
        : defDir;
  const bundle = await loadBundle(dir);
  const ids = (list: unknown[]) => list.map((x) => (x as { id: string }).id);
  // Refuse a broken definition or script with the same messages as `wf validate`, checking
  // references against the forms, definitions and catalog of the workflows folder.
  const known = {
    forms: new Set(ids(bundle.forms)),
    definitions: new Set(ids(bundle.definitions)),
    roles: new Set(ids(bundle.roles)),
    units: new Set(ids(bundle.units)),
    unitTypes: new Set(bundle.units.map((u) => u.type)),
  };
  if ((await validateCommand([definitionFile, scriptFile], { ...io, out: () => {} }, known)) !== 0) return 1;

  let definition: { id: string };
  let raw: unknown;
  try {
    definition = parseJsonDocument(definitionFile, await io.readText(definitionFile)).value as { id: string };
    raw = parseJsonDocument(scriptFile, await io.readText(scriptFile)).value;
  } catch (e) {
    if (e instanceof JsonSyntaxError) io.err(e.message);
    else throw e;
    return 1;
  }
  const parsed = ScenarioSchema.safeParse({ definition: definition.id, ...(raw as object) });
  if (!parsed.success) {
    io.err(
      `${scriptFile}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
    return 1;
  }
  const script = parsed.data;
  bundle.definitions = [
    ...bundle.definitions.filter((d) => (d as { id?: string }).id !== definition.id),
    definition,
  ];
  try {
    const run = await runScenario(script, bundle);
    io.out(JSON.stringify({ scenario: script.id, ok: true, ...(await report(run)) }, null, 2));
    return 0;
  } catch (e) {
    if (!(e instanceof ScenarioFailure)) {
      io.err(`${scriptFile}: the case could not run: ${e instanceof Error ? e.message : String(e)}`);
      return 1;
    }
    io.err(`${scriptFile}: ${e.message}`);
    return 1;
  }
}
