import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { stylesFile } from "../../scripts/writeStyles";
import { formStyles } from "../../src/react/stylesheet";

test("@wf/forms/styles.css is the stylesheet FormStyles applies", () => {
  expect(readFileSync(stylesFile, "utf8"), "styles.css is stale: run pnpm --filter @wf/forms styles").toBe(
    formStyles,
  );
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL("../../package.json", import.meta.url)), "utf8"));
  expect(pkg.exports["./styles.css"]).toBe("./styles.css");
});
