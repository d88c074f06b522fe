import type { DefinitionIssue } from "../errors";

/** Result of reading definition text: the parsed JSON or the syntax error with its place. */
export type JsonReadResult = { ok: true; value: unknown } | { ok: false; issues: DefinitionIssue[] };

/**
 * Parse JSON text, turning a syntax error (a truncated file, a stray comma) into an issue that
 * names the line and column, which is what a person fixing the file needs.
 */
export function parseDefinitionJson(source: string): JsonReadResult {
  if (source.trim() === "") {
    return { ok: false, issues: [{ path: "", message: "the file is empty; expected a JSON object" }] };
  }
  try {
    return { ok: true, value: JSON.parse(source) as unknown };
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const pos = /position (\d+)/.exec(raw);
    const offset = pos?.[1] !== undefined ? Number(pos[1]) : source.length;
    const before = source.slice(0, offset);
    const line = before.split("\n").length;
    const column = offset - before.lastIndexOf("\n");
    const truncated = offset >= source.trimEnd().length || /end of JSON/i.test(raw);
    const message = truncated
      ? `the JSON ends too early at line ${line}, column ${column}: the file looks truncated (an unclosed { [ or string)`
      : `invalid JSON at line ${line}, column ${column}: ${raw.replace(/^SyntaxError: /, "")}`;
    return { ok: false, issues: [{ path: "", message }] };
  }
}
