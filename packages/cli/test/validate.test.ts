import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { type CliIo, runCli } from "../src/index";
import { listJsonFiles } from "../src/io";

const root = resolve(import.meta.dirname, "../../..");

/** An in-memory CLI: files from a map first, then from the repository. */
function fakeIo(files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readText: async (path) => files[path] ?? readFile(resolve(root, path), "utf8"),
    listJsonFiles: async (path) => (path in files ? undefined : listJsonFiles(root, path)),
    cwd: root,
  };
  return { io, out, err, text: () => [...out, ...err].join("\n") };
}

const selection = "workflows/definitions/first-secretary-selection.json";

describe("wf validate", () => {
  it("rejects a truncated file with its line and column and says it may be cut off", async () => {
    const { io, err } = fakeIo({ "cut.json": '{\n  "id": "x",\n  "steps": {\n    "a": { "kind": "end"' });
    expect(await runCli(["validate", "cut.json"], io)).toBe(1);
    const text = err.join("\n");
    expect(text).toMatch(/cut\.json:4:\d+: .*cut off/);
    expect(text).toContain("not valid JSON");
  });

  it("rejects {} saying what a known file needs", async () => {
    const { io, err } = fakeIo({ "empty.json": "{}" });
    expect(await runCli(["validate", "empty.json"], io)).toBe(1);
    expect(err.join("\n")).toMatch(
      /empty\.json:1:1: \(root\): not a file wf knows — a workflow definition needs "steps"/,
    );
  });

  it("rejects an empty file", async () => {
    const { io, err } = fakeIo({ "blank.json": "  \n" });
    expect(await runCli(["validate", "blank.json"], io)).toBe(1);
    expect(err.join("\n")).toContain("the file is empty");
  });

  it("rejects a definition with {steps: {}} listing every problem with its path", async () => {
    const { io, err } = fakeIo({ "bare.json": '{ "steps": {} }' });
    expect(await runCli(["validate", "bare.json"], io)).toBe(1);
    const text = err.join("\n");
    expect(text).toContain("invalid workflow definition");
    expect(text).toMatch(/bare\.json:1:1: \(root\)|bare\.json:\d+:\d+: id/);
    expect(text).toMatch(/\bid\b/);
  });

  it("reports a misspelt step target with its line and a did-you-mean", async () => {
    const source = await readFile(resolve(root, selection), "utf8");
    const def = JSON.parse(source) as {
      steps: Record<string, { outcomes?: Record<string, { to: string }> }>;
    };
    const [stepId, step] = Object.entries(def.steps).find(([, s]) => s.outcomes !== undefined)!;
    const [outcomeId, outcome] = Object.entries(step.outcomes!)[0]!;
    const target = outcome.to;
    outcome.to = `${target}x`;
    const broken = JSON.stringify(def, null, 2);
    const { io, err } = fakeIo({ "broken.json": broken });
    expect(await runCli(["validate", "broken.json"], io)).toBe(1);
    const line = broken.split("\n").findIndex((l) => l.includes(`"${target}x"`)) + 1;
    const text = err.join("\n");
    expect(text).toContain(`steps.${stepId}.outcomes.${outcomeId}.to`);
    expect(text).toContain(`did you mean "${target}"`);
    expect(text).toMatch(new RegExp(`broken\\.json:${line}:\\d+:`));
  });

  it("accepts the shipped definitions, forms, org catalog and calendar together", async () => {
    const { readdir } = await import("node:fs/promises");
    const files: string[] = [];
    for (const dir of ["workflows/definitions", "workflows/forms", "workflows/org", "workflows/calendars"]) {
      for (const f of await readdir(resolve(root, dir))) if (f.endsWith(".json")) files.push(`${dir}/${f}`);
    }
    const { io, text } = fakeIo();
    const code = await runCli(["validate", ...files], io);
    expect(text()).toContain(`${files.length} of ${files.length} files valid`);
    expect(code).toBe(0);
  });

  it("takes a folder as every JSON data file below it, skipping package.json, tsconfig and node_modules", async () => {
    const { io, out } = fakeIo();
    expect(await runCli(["validate", "workflows"], io)).toBe(0);
    const text = out.join("\n");
    expect(text).toContain("workflows/org/people.json: valid people catalog");
    expect(text).toContain("workflows/scenarios/fs-happy-path.json: valid simulation script");
    expect(text).not.toMatch(/package\.json|tsconfig|node_modules/);
  });

  it("checks sub-process references against the definitions given together, not against one file alone", async () => {
    const recall = "workflows/definitions/first-secretary-recall.json";
    const alone = fakeIo();
    expect(await runCli(["validate", recall], alone.io)).toBe(0);
    const text = (await readFile(resolve(root, recall), "utf8")).replace(
      '"definition": "first-secretary-selection"',
      '"definition": "first-secretary-selectio"',
    );
    const both = fakeIo({ "recall.json": text });
    expect(await runCli(["validate", "recall.json", selection], both.io)).toBe(1);
    expect(both.err.join("\n")).toMatch(
      /unknown definition "first-secretary-selectio".*did you mean "first-secretary-selection"/,
    );
  });

  it("checks catalog references across files", async () => {
    const { io, err } = fakeIo({
      "units.json": JSON.stringify([
        { id: "c", name: { zh: "县", en: "County" }, type: "county", level: "county" },
      ]),
      "roles.json": JSON.stringify([{ id: "clerk", name: { zh: "经办人", en: "Clerk" } }]),
      "people.json": JSON.stringify([
        { id: "p", name: { zh: "张三" }, memberships: [{ unit: "x", role: "clerk" }] },
      ]),
    });
    expect(await runCli(["validate", "units.json", "roles.json", "people.json"], io)).toBe(1);
    expect(err.join("\n")).toMatch(
      /people\.json:\d+:\d+: \[0\]\.memberships\[0\]\.unit: unknown org unit "x"/,
    );
  });

  it("exits 2 with the usage text when no file is given", async () => {
    const { io, err } = fakeIo();
    expect(await runCli(["validate"], io)).toBe(2);
    expect(err.join("\n")).toContain("usage:");
  });
});
