import { describe, expect, it } from "vitest";
import { definitionGraph, definitionScope, issuesByStep, layoutGraph, stepOfIssue } from "../src/index.ts";
import { sampleDefinition } from "./fixtures.ts";

describe("layoutGraph", () => {
  it("lays the chain out top to bottom, every node placed", async () => {
    const graph = definitionGraph(sampleDefinition());
    const boxes = await layoutGraph(graph);
    expect([...boxes.keys()].sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    const y = (id: string) => boxes.get(id)?.y ?? Number.NaN;
    expect(y("@start")).toBeLessThan(y("apply"));
    expect(y("apply")).toBeLessThan(y("review"));
    expect(y("review")).toBeLessThan(y("inspect"));
    expect(y("decide")).toBeLessThan(y("done"));
    expect(boxes.get("apply")?.width).toBe(200);
  });
});

describe("issues on steps", () => {
  it("finds the step an issue path points into, innermost first", () => {
    expect(stepOfIssue("steps.review.outcomes.pass.to")).toBe("review");
    expect(stepOfIssue("steps.both.branches.left.steps.wait.to")).toBe("wait");
    expect(stepOfIssue("separationOfDuties[0].steps[1]")).toBeUndefined();
    expect(stepOfIssue("initial")).toBeUndefined();
  });

  it("groups issues by step, definition-wide ones under the empty key", () => {
    const grouped = issuesByStep([
      { path: "steps.a.to", message: "x" },
      { path: "roles", message: "y" },
      { path: "steps.a.title", message: "z" },
    ]);
    expect(grouped.get("a")?.map((i) => i.message)).toEqual(["x", "z"]);
    expect(grouped.get("")?.map((i) => i.message)).toEqual(["y"]);
  });
});

describe("definitionScope", () => {
  it("types declared data and adds the run-time names", () => {
    const def = {
      ...sampleDefinition(),
      data: {
        villageId: { type: "orgUnit" },
        candidate: { type: "object", fields: { birthDate: { type: "date" } } },
        n: { type: "number" },
      },
    };
    const scope = definitionScope(def, { item: true });
    expect(scope.data).toEqual({
      kind: "object",
      fields: {
        villageId: { kind: "string" },
        candidate: { kind: "object", fields: { birthDate: { kind: "date" } } },
        n: { kind: "number" },
      },
    });
    expect(Object.keys(scope)).toEqual(["data", "form", "actor", "starter", "case", "item"]);
  });
});
