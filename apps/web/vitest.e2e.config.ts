import { defineConfig } from "vitest/config";

// Browser tests: build the app, serve it, drive Debian's Chromium with playwright-core. Run by
// `pnpm --filter @wf/web e2e` (root: `pnpm test:e2e`), never by the unit run.
export default defineConfig({
  test: {
    name: "web-e2e",
    environment: "node",
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["e2e/globalSetup.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
