import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { type CliIo, runCli } from "../src/index";

const root = resolve(import.meta.dirname, "../../..");

function fakeIo(files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readText: async (path) => files[path] ?? readFile(resolve(root, path), "utf8"),
    cwd: root,
  };
  return { io, out, err };
}

const selection = "workflows/definitions/first-secretary-selection.json";

describe("wf simulate", () => {
  it("runs a shipped script and prints the final state, open tasks and a verified event log", async () => {
    const { io, out } = fakeIo();
    const code = await runCli(
      ["simulate", selection, "--script", "workflows/scenarios/fs-happy-path.json"],
      io,
    );
    expect(code).toBe(0);
    const result = JSON.parse(out.join("\n")) as {
      ok: boolean;
      final: { status: string; outcome: string };
      cases: { audit: { ok: boolean }; events: { hash: string; prevHash: string }[]; openTasks: unknown[] }[];
    };
    expect(result.ok).toBe(true);
    expect(result.final).toMatchObject({ status: "completed", outcome: "dispatched" });
    const main = result.cases[0]!;
    expect(main.audit.ok).toBe(true);
    expect(main.openTasks).toEqual([]);
    expect(main.events.length).toBeGreaterThan(8);
    for (let i = 1; i < main.events.length; i++)
      expect(main.events[i]!.prevHash).toBe(main.events[i - 1]!.hash);
  });

  it("exits 1 naming the action when an expectation is not met", async () => {
    const script = JSON.parse(
      await readFile(resolve(root, "workflows/scenarios/fs-happy-path.json"), "utf8"),
    ) as {
      actions: { type: string; outcome?: string }[];
    };
    const last = script.actions.findLastIndex((a) => a.type === "expect" && a.outcome !== undefined);
    script.actions[last]!.outcome = "never-this";
    const { io, err } = fakeIo({ "wrong.json": JSON.stringify(script) });
    expect(await runCli(["simulate", selection, "--script", "wrong.json"], io)).toBe(1);
    expect(err.join("\n")).toMatch(
      new RegExp(`wrong\\.json: fs-happy-path action #${last} .*outcome dispatched`),
    );
  });

  it("refuses a malformed script with the path of the problem, running nothing", async () => {
    const { io, out, err } = fakeIo({
      "bad.json": JSON.stringify({ id: "x", clock: "yesterday", actions: [{ type: "act", actor: "p" }] }),
    });
    expect(await runCli(["simulate", selection, "--script", "bad.json"], io)).toBe(1);
    const text = err.join("\n");
    expect(text).toContain("invalid simulation script");
    expect(text).toMatch(/clock/);
    expect(text).toMatch(/actions\[0\]/);
    expect(out.join("")).not.toContain('"ok"');
  });

  it("needs --script", async () => {
    const { io, err } = fakeIo();
    expect(await runCli(["simulate", selection], io)).toBe(2);
    expect(err.join("\n")).toContain("--script");
  });
});

describe("wf diagram", () => {
  it("prints a Mermaid state diagram in the chosen language", async () => {
    const { io, out } = fakeIo();
    expect(await runCli(["diagram", selection, "--lang", "zh"], io)).toBe(0);
    const text = out.join("\n");
    expect(text.startsWith("stateDiagram-v2")).toBe(true);
    expect(text).toContain("个人申请");
    expect(text).toMatch(/review --> apply/);
  });

  it("refuses an invalid definition with its issues", async () => {
    const { io, err } = fakeIo({ "bad.json": '{ "id": "x", "steps": { "a": { "kind": "nope" } } }' });
    expect(await runCli(["diagram", "bad.json"], io)).toBe(1);
    expect(err.join("\n")).toMatch(/bad\.json:\d+:\d+: steps\.a/);
  });
});
