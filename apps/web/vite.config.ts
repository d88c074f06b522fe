import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";

/**
 * The Content-Security-Policy of the built app: scripts only from our own origin (no inline
 * scripts, no eval), styles only from our stylesheets. React sets `style` through the CSSOM,
 * which style-src does not restrict, so no 'unsafe-inline' is needed.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

/**
 * Puts the policy in a meta tag of the built page only (the dev server's hot reload needs an
 * inline preamble). It goes right after the charset, before any script or stylesheet it governs.
 */
function cspMeta(): Plugin {
  return {
    name: "wf-csp-meta",
    apply: "build",
    transformIndexHtml: (html) => {
      const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}" />`;
      const charset = /<meta charset="UTF-8" \/>/;
      if (!charset.test(html))
        throw new Error('index.html must start its head with <meta charset="UTF-8" />');
      return html.replace(charset, (tag) => `${tag}\n    ${meta}`);
    },
  };
}

const seedWorkerEntry = fileURLToPath(new URL("./src/engine/seedWorker.ts", import.meta.url));
const seedWorkerUrlId = "virtual:wf-seed-worker-url";

/**
 * Builds the seeding worker (src/engine/seedWorker.ts) as a chunk of the app's own build rather
 * than as a bundle of its own (what `new Worker(new URL(...))` gives): its engine, zod, Dexie and
 * shipped JSON are then the very files the page loads, fetched once and cached once, instead of
 * a second 150 kB copy on the first visit. `virtual:wf-seed-worker-url` exports its URL.
 */
function seedWorkerChunk(): Plugin {
  let building = false;
  let ref: string | undefined;
  return {
    name: "wf-seed-worker-chunk",
    configResolved(config) {
      building = config.command === "build";
    },
    buildStart() {
      if (building) ref = this.emitFile({ type: "chunk", id: seedWorkerEntry, name: "seedWorker" });
    },
    resolveId: (id) => (id === seedWorkerUrlId ? `\0${seedWorkerUrlId}` : undefined),
    load(id) {
      if (id !== `\0${seedWorkerUrlId}`) return undefined;
      // The dev server serves the source as a module; a build points at the emitted chunk.
      return ref === undefined
        ? `export default new URL(${JSON.stringify(`/@fs${seedWorkerEntry}`)}, import.meta.url).href;`
        : `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}

/**
 * main.tsx loads the app after the first paint in steps, one dynamic import per step, so their
 * modules are evaluated in separate tasks. Each step on its own would fetch only its own files,
 * one round trip after the other; this makes the entry's dynamic imports preload every file of
 * Root.tsx's graph at once, so the download is one parallel batch and only evaluation is staged.
 */
function stagedPreload(): {
  plugin: Plugin;
  resolveDependencies: (file: string, deps: string[], ctx: { hostId: string }) => string[];
} {
  let bundle: Record<
    string,
    { type: string; isEntry?: boolean; facadeModuleId?: string | null; imports?: string[] }
  > = {};
  const rootGraph = (): string[] => {
    const root = Object.entries(bundle).find(
      ([, c]) => c.type === "chunk" && c.facadeModuleId?.endsWith("/src/Root.tsx"),
    );
    if (!root) return [];
    const seen = new Set<string>();
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const dep of bundle[file]?.imports ?? []) walk(dep);
    };
    walk(root[0]);
    // The entry is already loaded: it is what imports these.
    return [...seen].filter((file) => !bundle[file]?.isEntry);
  };
  return {
    plugin: {
      name: "wf-staged-preload",
      apply: "build",
      enforce: "pre",
      generateBundle(_, output) {
        bundle = output as typeof bundle;
      },
    },
    resolveDependencies: (_file, deps, { hostId }) =>
      bundle[hostId]?.isEntry ? [...new Set([...deps, ...rootGraph()])] : deps,
  };
}
const staged = stagedPreload();

/** Headers `vite preview` (the `pnpm start` server) sends; frame-ancestors only works as a header. */
const previewHeaders = {
  "Content-Security-Policy": `${contentSecurityPolicy}; frame-ancestors 'none'`,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
};

export default defineConfig({
  plugins: [
    react(),
    cspMeta(),
    seedWorkerChunk(),
    staged.plugin,
    VitePWA({
      // Never reload on our own: the clerk is asked, after drafts are written (UpdatePrompt).
      registerType: "prompt",
      // Registration is imported from virtual:pwa-register/react; no injected inline script.
      injectRegister: false,
      includeAssets: ["icon.svg", "apple-touch-icon.png"],
      manifest: {
        id: "/",
        name: "村级党务工作流",
        short_name: "党务工作流",
        description: "选派第一书记、召回、村“两委”候选人六级评估联审 — 离线可用",
        lang: "zh-CN",
        start_url: "/#/inbox",
        scope: "/",
        display: "standalone",
        background_color: "#f3f5f8",
        theme_color: "#b3151c",
        icons: [
          { src: "icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "icon-512.png", sizes: "512x512", type: "image/png" },
          { src: "icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
          { src: "icon.svg", sizes: "any", type: "image/svg+xml" },
        ],
      },
      workbox: {
        globPatterns: ["**/*.{js,css,html,svg,png,webmanifest}"],
        // Hash routes all load index.html; any other navigation offline falls back to it too.
        navigateFallback: "index.html",
        cleanupOutdatedCaches: true,
        // The org catalog and procedures are bundled; the lazily loaded Excel chunk is large.
        maximumFileSizeToCacheInBytes: 6 * 1024 * 1024,
      },
    }),
  ],
  build: {
    target: "es2022",
    sourcemap: true,
    modulePreload: { resolveDependencies: staged.resolveDependencies },
  },
  // Which build is running, shown on the "who am I" page (support asks; the update test checks).
  define: { __APP_BUILD__: JSON.stringify(process.env.WF_BUILD_ID ?? new Date().toISOString()) },
  preview: { headers: previewHeaders },
  server: { headers: { "X-Content-Type-Options": "nosniff" } },
});
