import { fileURLToPath } from "node:url";
import { mergeConfig } from "vitest/config";
import { packageTestConfig } from "../../vitest.shared.ts";

// jsdom for the React designers; the setup file stubs the browser APIs React Flow and
// CodeMirror measure with (jsdom has no layout engine).
export default mergeConfig(packageTestConfig("designer", "jsdom"), {
  // Component tests mount CodeMirror and React Flow in jsdom; the first one in a worker also pays
  // for loading them, which on a busy two-core CI machine can pass the 5 s default.
  test: { setupFiles: [fileURLToPath(new URL("./test/setup.ts", import.meta.url))], testTimeout: 20_000 },
});
