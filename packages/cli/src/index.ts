/**
 * @wf/cli — `wf validate | simulate | diagram` over workflow definitions, forms and the org catalog.
 * `runCli` takes its I/O as an argument so tests drive it without a process.
 */
import { diagramCommand } from "./commands/diagram";
import { simulateCommand } from "./commands/simulate";
import { validateCommand } from "./commands/validate";
import { type CliIo, parseArgs, UsageError } from "./io";

export { type CliIo, processIo, UsageError } from "./io";
export { type JsonDocument, JsonSyntaxError, parseJsonDocument } from "./readJsonFile";
export { loadBundle, type WorkflowBundle } from "./simulate/bundle";
export { matches, runScenario, ScenarioFailure, type ScenarioRun } from "./simulate/runScenario";
export { type ExpectedError, type Scenario, type ScenarioAction, ScenarioSchema } from "./simulate/scenario";
export { actorOf, makeWorld, type World } from "./simulate/world";

/** The usage text printed by `wf help` and after a usage mistake. */
export const usage = `usage:
  wf validate <files…>                               check definitions, forms, calendars, org catalog, scripts
  wf simulate <definition.json> --script <actions.json> [--workflows <dir>]
                                                     run a scripted case; prints final state, open tasks, event log
  wf diagram <definition.json> [--lang zh|en]        print the definition as a Mermaid state diagram`;

/** Runs one CLI command; resolves to the process exit code (0 ok, 1 invalid input, 2 usage error). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "validate": {
        const { positional } = parseArgs(rest, []);
        if (positional.length === 0) throw new UsageError("wf validate needs at least one file");
        return await validateCommand(positional, io);
      }
      case "simulate": {
        const { positional, options } = parseArgs(rest, ["script", "workflows"]);
        if (positional.length !== 1) throw new UsageError("wf simulate needs one definition file");
        return await simulateCommand(positional[0]!, options, io);
      }
      case "diagram": {
        const { positional, options } = parseArgs(rest, ["lang"]);
        if (positional.length !== 1) throw new UsageError("wf diagram needs one definition file");
        return await diagramCommand(positional[0]!, options, io);
      }
      case undefined:
      case "help":
      case "--help":
        io.out(usage);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`wf: ${e.message}\n${usage}`);
      return 2;
    }
    throw e;
  }
}
