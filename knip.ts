import type { KnipConfig } from "knip";
import { BENCHMARKS } from "./bench/suite.ts";

// knip finds most entry points itself: package.json exports, bin and scripts, the vitest
// configs and their tests, apps/web's index.html. Listed here are the ones it cannot see.
const config: KnipConfig = {
  workspaces: {
    ".": {
      entry: ["vitest.shared.ts", "vitest.setup.ts"],
    },
    "packages/*": {
      project: ["src/**/*.{ts,tsx}", "test/**/*.{ts,tsx}"],
    },
    "packages/engine": {
      entry: ["scripts/*.ts", "examples/*.ts"],
      project: ["src/**/*.ts", "test/**/*.ts", "scripts/**/*.ts", "examples/**/*.ts"],
    },
    "apps/web": {
      entry: ["e2e/**/*.ts", "scripts/*.mjs"],
      project: ["src/**/*.{ts,tsx}", "test/**/*.{ts,tsx}", "e2e/**/*.ts", "scripts/**/*.mjs"],
    },
    workflows: {
      project: ["src/**/*.ts", "org/**/*.mjs", "test/**/*.ts"],
    },
    bench: {
      entry: [
        // Every benchmark the runner starts, read from its own list so a new one is never
        // reported as an unused file.
        ...BENCHMARKS.map((b) => b.file),
        // Bundled for the browser by the Chromium benchmarks.
        "idb/page.ts",
        "forms/page.ts",
        // Tools run by hand (bench/README.md).
        "app/composition.ts",
        "lib/top-frames.mjs",
      ],
      project: ["**/*.{ts,tsx,mjs}"],
    },
  },
};

export default config;
