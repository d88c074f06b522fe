import { findNodeAtLocation, type ParseError, parse, parseTree, printParseErrorCode } from "jsonc-parser";

/** Split `fields[2].visible` or `steps.review.to` into JSON path segments. */
export function parseIssuePath(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[1] !== undefined) segments.push(match[1]);
  }
  return segments;
}

/**
 * Where the value at `path` is written in `text`. A path that leads to nothing written (a
 * missing property) falls back to its closest written ancestor, so the problem is still marked
 * where the author has to add something.
 */
export function locateJsonPath(text: string, path: string): { from: number; to: number } {
  const tree = parseTree(text);
  if (!tree) return { from: 0, to: Math.min(text.length, 1) };
  const segments = parseIssuePath(path);
  for (let n = segments.length; n >= 0; n--) {
    const node = findNodeAtLocation(tree, segments.slice(0, n));
    if (!node) continue;
    // Mark the property name rather than a whole multi-line object, which would paint the screen.
    const at = node.parent?.type === "property" && node.type === "object" ? node.parent.children?.[0] : node;
    const target = at ?? node;
    return { from: target.offset, to: target.offset + Math.max(target.length, 1) };
  }
  return { from: 0, to: Math.min(text.length, 1) };
}

/** JSON text read strictly, or the first syntax error with where it is. */
export function readJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; message: string; offset: number } {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  if (first) return { ok: false, message: printParseErrorCode(first.error), offset: first.offset };
  return { ok: true, value };
}
