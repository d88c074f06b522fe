import { processIo, runCli } from "./index";

// The `wf` executable: exit codes 0 (ok), 1 (invalid input), 2 (usage error).
process.exitCode = await runCli(process.argv.slice(2), processIo());
