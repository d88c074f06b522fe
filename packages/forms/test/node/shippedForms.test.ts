import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { createFormValidator, tryCompileForm } from "../../src/index";

// The procedures' forms live in workflows/forms (data only); a change to the language must keep
// them loading. Read straight from disk so this package needs no dependency on @wf/workflows.
const dir = fileURLToPath(new URL("../../../../workflows/forms/", import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
const read = (file: string): unknown => JSON.parse(readFileSync(`${dir}${file}`, "utf8"));

describe("the shipped forms", () => {
  test.each(files)("%s compiles", (file) => {
    expect(tryCompileForm(read(file)).issues).toEqual([]);
  });

  test("validating an empty submission never throws, and every issue names a field of the form", () => {
    const forms = files.map((f) => read(f) as { id: string });
    const validator = createFormValidator(forms, {
      context: () => ({ env: { now: "2026-03-15T09:00:00+08:00" } }),
    });
    for (const f of forms) {
      const fields = validator.form(f.id).fields;
      for (const issue of validator.validate(f.id, {})) {
        const path = issue.path.replace(/\[\d+\]/g, "");
        expect(path === "" || fields.has(path), `${f.id}: ${issue.path}`).toBe(true);
      }
    }
  });
});
