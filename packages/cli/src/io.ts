import { readFile } from "node:fs/promises";
import { resolve } from "node:path";

/** What a CLI command may touch: injected so tests run commands without a process or a real terminal. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readText(path: string): Promise<string>;
  cwd: string;
}

/** The real process: stdout, stderr and the file system. */
export function processIo(): CliIo {
  // `pnpm wf …` runs the script inside packages/cli; INIT_CWD is where the user typed the command,
  // so file arguments resolve the way they expect.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  return {
    out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
    readText: (path) => readFile(resolve(cwd, path), "utf8"),
    cwd,
  };
}

/** A usage mistake on the command line: printed with the usage text, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Splits argv into positional arguments and `--name value` / `--flag` options. */
export function parseArgs(
  argv: readonly string[],
  valued: readonly string[],
): { positional: string[]; options: Map<string, string | true> } {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith("--")) {
      const [name, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
      if (valued.includes(name)) {
        const value = inline ?? argv[++i];
        if (value === undefined) throw new UsageError(`--${name} needs a value`);
        options.set(name, value);
      } else {
        options.set(name, true);
      }
    } else {
      positional.push(arg);
    }
  }
  return { positional, options };
}
