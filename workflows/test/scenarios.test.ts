import { describe, expect, it } from "vitest";
import { loadScenarios, runScenario } from "./runScenario.ts";

// Every script under workflows/scenarios/ is a test: the same files `pnpm wf simulate` runs.
describe("scenario scripts", () => {
  const scenarios = loadScenarios();

  it("covers the three procedures", () => {
    const defs = new Set(scenarios.map((s) => s.definition));
    expect([...defs].sort()).toEqual([
      "candidate-vetting",
      "first-secretary-recall",
      "first-secretary-selection",
    ]);
  });

  for (const s of scenarios) {
    it(`${s.id}: ${s.title?.en ?? ""}`, async () => {
      const { main, world } = await runScenario(s);
      // Every case the script touched keeps an intact audit chain.
      for (const id of [main.id, ...main.children.map((c) => c.instanceId)])
        expect(await world.engine.verify(id), id).toEqual({ ok: true });
    });
  }
});
