import type { Definition, Engine, Instance } from "@wf/engine";
import type { Actor } from "../profile/profiles.ts";

/** What happened to one row of a batch. */
export type RowResult =
  | { row: number; status: "started"; caseId: string }
  /** `caseId` when the case was started but its first step was refused: it waits in the inbox. */
  | { row: number; status: "failed"; error: unknown; caseId?: string };

/** The first step of a procedure and how the batch completes it, when it can. */
interface FirstStep {
  step: string;
  /** The only outcome of the first step; the batch submits the row's values with it. */
  outcome?: string;
}

/**
 * The first step of a definition. When it is a user task with exactly one outcome (e.g. the
 * vetting's "registration": submit), the batch fills its form from the row and submits it, so
 * each case moves on to its second level; otherwise the case waits in the starter's inbox.
 */
function firstStep(definition: Definition): FirstStep {
  const step = definition.steps[definition.initial] as { kind?: string; outcomes?: Record<string, unknown> };
  const outcomes = step?.kind === "userTask" ? Object.keys(step.outcomes ?? {}) : [];
  const only = outcomes.length === 1 ? outcomes[0] : undefined;
  return only ? { step: definition.initial, outcome: only } : { step: definition.initial };
}

/**
 * Starts one case per row, one after the other, and reports each result as it lands. Action ids
 * are derived from the batch id and the row, so running the same batch again after an
 * interruption (a closed tab, a full disk) never starts a candidate twice: the engine returns the
 * case the first run created. A row that fails does not stop the others.
 */
export async function runBatch(options: {
  engine: Engine;
  definition: Definition;
  actor: Actor;
  batchId: string;
  rows: readonly { row: number; values: Record<string, unknown> }[];
  onResult(result: RowResult, done: number): void;
  /** Checked before each row; true stops the batch (rows already started stay started). */
  stopped?(): boolean;
}): Promise<RowResult[]> {
  const { engine, definition, actor, batchId } = options;
  const first = firstStep(definition);
  const results: RowResult[] = [];
  for (const { row, values } of options.rows) {
    if (options.stopped?.()) break;
    let result: RowResult;
    let caseId: string | undefined;
    try {
      const action = `${batchId}:r${row}`;
      let instance: Instance = await engine.start({
        definitionId: definition.id,
        version: definition.version,
        actor,
        data: {},
        actionId: `${action}:start`,
      });
      caseId = instance.id;
      const task = instance.tasks.find((t) => t.step === first.step && t.status === "open");
      if (first.outcome && task && instance.status === "running") {
        instance = await engine.act({
          taskId: task.id,
          actor,
          outcome: first.outcome,
          formData: values,
          actionId: `${action}:${first.step}`,
          expectedVersion: instance.version,
        });
      }
      result = { row, status: "started", caseId: instance.id };
    } catch (error) {
      result = { row, status: "failed", error, ...(caseId ? { caseId } : {}) };
    }
    results.push(result);
    options.onResult(result, results.length);
  }
  return results;
}
