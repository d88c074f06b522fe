/**
 * Build apps/web with its own Vite config (PWA plugin, CSP, code splitting) into bench/.out/web,
 * never into apps/web/dist, which the app's own scripts and other tools use concurrently.
 * `--manifest` makes Vite write .vite/manifest.json: which chunk is the entry and what it imports.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const webDir = fileURLToPath(new URL("../../apps/web/", import.meta.url));
export const outDir = fileURLToPath(new URL("../.out/web/", import.meta.url));
const vite = join(webDir, "node_modules/.bin/vite");

export function appMissing(): string | undefined {
  if (!existsSync(join(webDir, "index.html"))) return "apps/web has no index.html yet";
  if (!existsSync(vite)) return "apps/web has no vite installed (pnpm install)";
  return undefined;
}

export function buildApp(): void {
  execFileSync(vite, ["build", "--outDir", outDir, "--emptyOutDir", "--manifest", "--logLevel", "error"], {
    cwd: webDir,
    stdio: ["ignore", "ignore", "inherit"],
  });
}

export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export function manifest(): Record<string, ManifestChunk> {
  return JSON.parse(readFileSync(join(outDir, ".vite/manifest.json"), "utf8"));
}

/**
 * Serve the build with `vite preview` (the app's own server, with its security headers) in its
 * own process group, so stopping it stops everything it started.
 */
export async function preview(port: number): Promise<{ url: string; stop: () => void }> {
  const child = spawn(
    vite,
    ["preview", "--outDir", outDir, "--port", String(port), "--strictPort", "--host", "127.0.0.1"],
    {
      cwd: webDir,
      detached: true,
      stdio: "ignore",
    },
  );
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: () => {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    },
  };
}
