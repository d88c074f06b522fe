import { describe, expect, it } from "vitest";
import { toMermaid } from "../src/index";
import { selectionDefinition } from "./fixtures";
import { recallDefinition } from "./recallFixtures";

describe("toMermaid", () => {
  it("draws steps, outcomes, timeouts and ends", () => {
    const text = toMermaid(selectionDefinition());
    expect(text.split("\n").slice(0, 4)).toEqual([
      "stateDiagram-v2",
      "  [*] --> apply",
      '  state "Apply" as apply',
      "  apply --> review: Submit",
    ]);
    expect(text).toContain("  notice --> dispatched: after data.noticeDays working days");
    expect(text).toContain("  review --> rejected: Reject");
    expect(text).toContain("  rejected --> [*]");
  });

  it("draws parallel branches as composite states with regions, in either language", () => {
    const text = toMermaid(recallDefinition(), { lang: "zh" });
    expect(text).toContain('  state "both" as both {');
    expect(text).toContain("    --");
    expect(text).toContain("      start_reselection --> [*]: mini-child ended");
    expect(text).toContain("  both --> closed: join all branches");
  });
});
