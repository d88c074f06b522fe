/**
 * Real-Chromium plumbing for the browser benchmarks: bundle a page entry with Vite, serve it from
 * 127.0.0.1 (IndexedDB and Lighthouse need a real http origin), and drive Debian's Chromium with
 * playwright-core (its own browser downloads do not work here).
 */
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium } from "playwright-core";
import { build } from "vite";

export const CHROMIUM = process.env.CHROME_PATH ?? "/usr/bin/chromium";

/** Flags that work as root with no network (see /work/shared/TOOLCHAIN.md). */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function chromiumMissing(): string | undefined {
  return existsSync(CHROMIUM) ? undefined : `no Chromium at ${CHROMIUM} (apt-get install chromium)`;
}

const benchDir = fileURLToPath(new URL("..", import.meta.url));

/**
 * Bundle `entry` (relative to bench/) as one production ES module in bench/.out/<name>/page.js.
 * Production mode matters: React's development build is several times slower.
 */
export async function bundle(entry: string, name: string): Promise<string> {
  const outDir = join(benchDir, ".out", name);
  await build({
    configFile: false,
    root: benchDir,
    logLevel: "error",
    mode: "production",
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    build: {
      outDir,
      emptyOutDir: true,
      // BENCH_NO_MINIFY=1 keeps function names readable in a profile.
      minify: !process.env.BENCH_NO_MINIFY,
      lib: { entry: join(benchDir, entry), formats: ["es"], fileName: () => "page.js" },
    },
  });
  return outDir;
}

const TYPES: Record<string, string> = {
  ".js": "text/javascript",
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".webmanifest": "application/manifest+json",
};

/**
 * Serve `dir` on a free port. `/` is a bare page loading page.js unless the directory has its own
 * index.html (the built app). Unknown paths fall back to index.html, as a PWA host does.
 */
export async function serve(dir: string, port = 0): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? "/").split("?")[0]!);
    let file = join(dir, path === "/" ? "index.html" : path);
    if (!file.startsWith(dir) || !existsSync(file) || extname(file) === "") file = join(dir, "index.html");
    if (!existsSync(file)) {
      res.writeHead(200, { "content-type": TYPES[".html"] });
      res.end(
        '<!doctype html><meta charset="utf-8"><title>bench</title><div id="root"></div><script type="module" src="/page.js"></script>',
      );
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const addr = server.address();
  const bound = typeof addr === "object" && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${bound}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
}

/**
 * A browser whose profile (and so its IndexedDB data) outlives the run, in bench/.out/<name>.
 * IndexedDB data belongs to an origin, so pair it with a fixed `serve` port.
 */
export async function launchPersistent(name: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(join(benchDir, ".out", name), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
}
