import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { appDir, buildApp, viteBin } from "./buildApp.ts";

/**
 * Where Debian's `chromium` package puts the browser (test tools cannot download one here);
 * CHROMIUM_PATH points elsewhere, e.g. to check the skip and CI behaviour.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// A build folder of this run only: a `vite build` (or another test run) meanwhile must not
// swap the files under the server while the tests load them. Removed at teardown.
const outDir = fileURLToPath(new URL(`../test-results/e2e-dist-${process.pid}`, import.meta.url));

declare module "vitest" {
  export interface ProvidedContext {
    /** Why the browser tests are skipped, or "" when they run. */
    e2eSkip: string;
    baseURL: string;
    /** The folder the server serves, for a test that rebuilds the app in place. */
    outDir: string;
  }
}

/** A port nobody listens on now: several test runs (other helpers, CI) may overlap on one machine. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, server: ChildProcess, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`vite preview exited with ${server.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer at ${url} within ${ms} ms`);
}

/**
 * Builds the app and serves it with `vite preview` in its own process group, which teardown kills
 * as a whole. Without Chromium the tests are skipped with a message — unless CI is set, where a
 * missing browser is a failure (`.ci/run` installs it).
 */
export default async function setup(project: TestProject) {
  if (!existsSync(chromiumPath)) {
    const missing = `${chromiumPath} not found`;
    if (process.env.CI === "true" || process.env.CI === "1") {
      throw new Error(`${missing}: CI is set, so the browser tests must run (apt-get install chromium)`);
    }
    const reason = `${missing}: browser tests skipped (apt-get install chromium to run them)`;
    process.stdout.write(`\n[web e2e] ${reason}\n\n`);
    project.provide("e2eSkip", reason);
    project.provide("baseURL", "");
    project.provide("outDir", "");
    return;
  }
  buildApp(outDir, "e2e-first");
  const port = await freePort();
  const server = spawn(
    process.execPath,
    [viteBin, "preview", "--strictPort", "--port", String(port), "--host", "127.0.0.1", "--outDir", outDir],
    { cwd: appDir, detached: true, stdio: "ignore" },
  );
  const stop = () => {
    if (server.pid !== undefined && server.exitCode === null) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // Already gone.
      }
    }
    rmSync(outDir, { recursive: true, force: true });
  };
  const baseURL = `http://127.0.0.1:${port}/`;
  try {
    await waitFor(baseURL, server, 30_000);
  } catch (error) {
    stop();
    throw error;
  }
  project.provide("e2eSkip", "");
  project.provide("baseURL", baseURL);
  project.provide("outDir", outDir);
  return stop;
}
