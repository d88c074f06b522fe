import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const appDir = fileURLToPath(new URL("..", import.meta.url));
export const viteBin = fileURLToPath(new URL("../node_modules/vite/bin/vite.js", import.meta.url));

/**
 * A production build of the app into `outDir` (vitest sets NODE_ENV=test, which would give a
 * development build of React). `buildId` is shown on the "who am I" page, so a test can tell two
 * builds apart.
 */
export function buildApp(outDir: string, buildId = `e2e-${Date.now()}`): void {
  execFileSync(
    process.execPath,
    [viteBin, "build", "--logLevel", "warn", "--emptyOutDir", "--outDir", outDir],
    {
      cwd: appDir,
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production", WF_BUILD_ID: buildId },
    },
  );
}
