import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { formStyles } from "../../src/react/stylesheet";

test("@wf/forms/styles.css is the stylesheet FormStyles applies", () => {
  const file = fileURLToPath(new URL("../../styles.css", import.meta.url));
  expect(readFileSync(file, "utf8"), "copy styles.css into formStyles (or back)").toBe(formStyles);
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL("../../package.json", import.meta.url)), "utf8"));
  expect(pkg.exports["./styles.css"]).toBe("./styles.css");
});
