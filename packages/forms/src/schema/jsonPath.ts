/**
 * Formats a path as people read JSON: `fields[3].options[0].value`.
 * @example jsonPath(["fields", 3, "label"]) // "fields[3].label"
 */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}
