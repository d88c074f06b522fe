/// <reference types="node" />
// Regenerates packages/engine/definition.schema.json from the zod schema.
// Run: pnpm --filter @wf/engine schema   (a test fails while the file is out of date)
import { writeFileSync } from "node:fs";
import { definitionJsonSchemaText } from "../src/definition/definitionJsonSchema";

writeFileSync(new URL("../definition.schema.json", import.meta.url), definitionJsonSchemaText());
