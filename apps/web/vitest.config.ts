import react from "@vitejs/plugin-react";
import { mergeConfig } from "vitest/config";
import { packageTestConfig } from "../../vitest.shared.ts";

// Component tests run in jsdom over fake-indexeddb; the browser tests in e2e/ have their own config.
export default mergeConfig(packageTestConfig("web", "jsdom"), {
  plugins: [react()],
  test: { setupFiles: ["./test/setup.ts"] },
});
