import type { JsonPath } from "../history/jsonPatch.ts";
import type { FormExpression } from "./expressionSites.ts";

/** A circle of calculated fields: each one's `calc` reads the next, and the last reads the first. */
export interface CalcCycle {
  keys: string[];
  /** Path of the first field's `calc`, where the issue is shown. */
  path: JsonPath;
}

/** The node a path read by a calc stands for: `row.x` inside group `g` is `g.x`, `a.b` is `a`. */
function nodeRead(read: string, computes: string): string {
  const [root, second] = read.split(/[.[]/, 2);
  const dot = computes.lastIndexOf(".");
  if (root === "row" && dot > 0 && second) return `${computes.slice(0, dot)}.${second}`;
  return root ?? read;
}

/**
 * Circles among calculated fields, each reported once, found by depth-first search over the
 * graph "calc field → fields its expression reads". A syntax error in a calc is not a circle;
 * the expression check reports it, so such a calc is skipped here.
 */
export function findCalcCycles(
  expressions: readonly FormExpression[],
  reads: (source: string) => string[],
): CalcCycle[] {
  const edges = new Map<string, string[]>();
  const where = new Map<string, JsonPath>();
  for (const expr of expressions) {
    if (expr.computes === undefined) continue;
    let read: string[];
    try {
      read = reads(expr.source);
    } catch {
      continue;
    }
    edges.set(expr.computes, [...new Set(read.map((r) => nodeRead(r, expr.computes!)))]);
    where.set(expr.computes, expr.path);
  }
  const cycles: CalcCycle[] = [];
  const done = new Set<string>();
  const reported = new Set<string>();
  const stack: string[] = [];
  const visit = (node: string) => {
    const at = stack.indexOf(node);
    if (at >= 0) {
      const keys = stack.slice(at);
      const id = [...keys].sort().join("|");
      if (!reported.has(id)) {
        reported.add(id);
        cycles.push({ keys, path: where.get(keys[0]!) ?? [] });
      }
      return;
    }
    if (done.has(node) || !edges.has(node)) return;
    stack.push(node);
    for (const next of edges.get(node) ?? []) visit(next);
    stack.pop();
    done.add(node);
  };
  for (const node of edges.keys()) visit(node);
  return cycles;
}
