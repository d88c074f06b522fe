import type { Ast } from "./ast";
import { childrenOf } from "./parser";

/**
 * The dotted paths an expression reads from its scope, in order of first appearance, e.g.
 * `["data.candidate.birthDate"]`. A chain stops at a computed index (`items[0].name` reads `items`);
 * a literal key extends it (`a["b"]` reads `a.b`). Lambda parameters are not scope reads.
 */
export function pathsRead(ast: Ast): string[] {
  const out = new Set<string>();
  visit(ast, undefined, out);
  return [...out];
}

interface Bound {
  name: string;
  parent: Bound | undefined;
}

function bound(b: Bound | undefined, name: string): boolean {
  for (let x = b; x !== undefined; x = x.parent) if (x.name === name) return true;
  return false;
}

function pathOf(n: Ast, b: Bound | undefined): string | undefined {
  switch (n.type) {
    case "Ident":
      return bound(b, n.name) ? undefined : n.name;
    case "Member": {
      const p = pathOf(n.object, b);
      return p === undefined ? undefined : `${p}.${n.property}`;
    }
    case "Index": {
      if (n.index.type !== "Literal" || typeof n.index.value !== "string") return undefined;
      const p = pathOf(n.object, b);
      return p === undefined ? undefined : `${p}.${n.index.value}`;
    }
    default:
      return undefined;
  }
}

function visit(n: Ast, b: Bound | undefined, out: Set<string>): void {
  const p = pathOf(n, b);
  if (p !== undefined) {
    out.add(p);
    return;
  }
  if (n.type === "Lambda") {
    visit(n.body, { name: n.param, parent: b }, out);
    return;
  }
  for (const c of childrenOf(n)) visit(c, b, out);
}
