import { defineConfig } from "vitest/config";

// One vitest run over every package; each package keeps its tests in its own test/ folder
// and its own vitest.config.ts (built with `packageTestConfig` from vitest.shared.ts).
export default defineConfig({
  test: {
    projects: ["packages/*/vitest.config.ts", "apps/*/vitest.config.ts", "workflows/vitest.config.ts"],
  },
});
