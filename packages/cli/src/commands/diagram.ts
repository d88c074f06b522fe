import { toMermaid, validateDefinition } from "@wf/engine";
import type { CliIo } from "../io";
import { validateCommand } from "./validate";

/** `wf diagram <definition> [--lang zh|en]`: prints the definition as a Mermaid state diagram. */
export async function diagramCommand(
  file: string,
  options: Map<string, string | true>,
  io: CliIo,
): Promise<number> {
  if ((await validateCommand([file], { ...io, out: () => {} })) !== 0) return 1;
  const result = validateDefinition(await io.readText(file));
  if (!result.ok) return 1;
  const lang = options.get("lang") === "zh" ? "zh" : "en";
  io.out(toMermaid(result.definition, { lang }));
  return 0;
}
