/// <reference types="node" />
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { main } from "../examples/embedding";

describe("README embedding example", () => {
  it("is the file that runs here, verbatim", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const example = readFileSync(new URL("../examples/embedding.ts", import.meta.url), "utf8");
    expect(readme).toContain(example.trim());
  });

  it("runs a case end to end", async () => {
    expect(await main()).toEqual({
      outcome: "accepted",
      events: ["started by wang", "acted by li"],
      verified: { ok: true },
      replayedEqual: true,
    });
  });
});
