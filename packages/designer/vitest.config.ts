import { fileURLToPath } from "node:url";
import { mergeConfig } from "vitest/config";
import { packageTestConfig } from "../../vitest.shared.ts";

// jsdom for the React designers; the setup file stubs the browser APIs React Flow and
// CodeMirror measure with (jsdom has no layout engine).
export default mergeConfig(packageTestConfig("designer", "jsdom"), {
  test: { setupFiles: [fileURLToPath(new URL("./test/setup.ts", import.meta.url))] },
});
