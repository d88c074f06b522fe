import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

const failOnConsole = fileURLToPath(new URL("./vitest.setup.ts", import.meta.url));

/** The per-package vitest project: same setup everywhere (stray console output fails a test). */
export function packageTestConfig(name: string, environment: "node" | "jsdom" = "node") {
  return defineProject({
    test: {
      name,
      environment,
      include: ["test/**/*.test.ts", "test/**/*.test.tsx", "src/**/*.test.ts", "src/**/*.test.tsx"],
      setupFiles: [failOnConsole],
    },
  });
}
