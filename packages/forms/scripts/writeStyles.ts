/**
 * Writes styles.css from the one source of the renderer's stylesheet, `formStyles` in
 * src/react/stylesheet.ts: `pnpm --filter @wf/forms styles`. test/node/stylesFile.test.ts fails
 * when the file is stale.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { formStyles } from "../src/react/stylesheet";

export const stylesFile = fileURLToPath(new URL("../styles.css", import.meta.url));

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(stylesFile, formStyles);
  console.log(`wrote ${stylesFile}`);
}
