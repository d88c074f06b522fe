import { z } from "zod";
import { DefinitionSchema } from "./schema";

/**
 * The JSON Schema of the definition language, generated from the zod schema so the two never
 * disagree. Published as `packages/engine/definition.schema.json` for editor autocompletion.
 */
export function definitionJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(DefinitionSchema, { target: "draft-2020-12", io: "input" }) as Record<
    string,
    unknown
  >;
  return {
    ...schema,
    $id: "https://wf.local/schemas/definition.schema.json",
    title: "Workflow definition",
  };
}

/** The file text of `definition.schema.json` (stable, two-space JSON with a final newline). */
export function definitionJsonSchemaText(): string {
  return `${JSON.stringify(definitionJsonSchema(), null, 2)}\n`;
}
