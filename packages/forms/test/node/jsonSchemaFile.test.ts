import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { formJsonSchemaDocument } from "../../src/index";

const file = fileURLToPath(new URL("../../form.schema.json", import.meta.url));

test("form.schema.json is the published JSON Schema of the zod definition schema", () => {
  const expected = `${JSON.stringify(formJsonSchemaDocument(), null, 2)}\n`;
  // Regenerate with: WF_WRITE_SCHEMA=1 pnpm vitest run --project forms jsonSchemaFile
  if (process.env.WF_WRITE_SCHEMA === "1") writeFileSync(file, expected);
  expect(readFileSync(file, "utf8"), "form.schema.json is stale; regenerate it (see the test)").toBe(
    expected,
  );
});
