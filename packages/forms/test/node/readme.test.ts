import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { FIELD_TYPES, tryCompileForm } from "../../src/index";

const readme = readFileSync(fileURLToPath(new URL("../../README.md", import.meta.url)), "utf8");

test("the README documents every field type", () => {
  const missing = FIELD_TYPES.filter((t) => !new RegExp(`^\\| \`${t}\` +\\|`, "m").test(readme));
  expect(missing).toEqual([]);
});

test("the README's sample definition errors are what the language says", () => {
  const issues = tryCompileForm({
    id: "fs-x",
    version: 1,
    title: { zh: "x" },
    fields: [
      { key: "a", type: "txt" },
      { key: "b", type: "text" },
      { key: "c", type: "text", requird: true },
    ],
  }).issues.map((i) => `${i.path}: ${i.message}`);
  expect(issues).toHaveLength(2);
  for (const line of issues) expect(readme).toContain(line);
});
