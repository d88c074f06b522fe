import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, resolve } from "node:path";

/** What a CLI command may touch: injected so tests run commands without a process or a real terminal. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readText(path: string): Promise<string>;
  /** The JSON data files under `path` when it is a folder (see {@link listJsonFiles}), else `undefined`. */
  listJsonFiles?(path: string): Promise<string[] | undefined>;
  cwd: string;
}

// Files in a workflows folder that are tooling, not data.
const notData = /^(package|tsconfig.*|biome|jsconfig)\.json$/;

/**
 * Every `.json` data file below `dir` (relative to `cwd`, sorted), skipping `node_modules`, hidden
 * folders and tooling files (package.json, tsconfig*.json), so `wf validate workflows` checks the data
 * and nothing else. `undefined` when `dir` is not a folder.
 */
export async function listJsonFiles(cwd: string, dir: string): Promise<string[] | undefined> {
  const root = resolve(cwd, dir);
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) return undefined;
  const out: string[] = [];
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const full = join(at, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith(".json") && !notData.test(entry.name)) out.push(relative(cwd, full));
    }
  };
  await walk(root);
  return out.sort();
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
    listJsonFiles: (path) => listJsonFiles(cwd, path),
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
