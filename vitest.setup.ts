import { afterEach, beforeEach, vi } from "vitest";

// Tests fail on stray console output: a warning nobody reads is a bug nobody fixes.
// A test that expects output spies on console itself (vi.spyOn(console, "warn").mockImplementation(...)).
const methods = ["log", "info", "warn", "error", "debug"] as const;
let calls: string[] = [];

beforeEach(() => {
  calls = [];
  for (const m of methods) {
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
      calls.push(`console.${m}: ${args.map(String).join(" ")}`);
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
  if (calls.length > 0) {
    const text = calls.join("\n");
    calls = [];
    throw new Error(`unexpected console output during the test:\n${text}`);
  }
});
