import type { Ast } from "./ast";
import { FORBIDDEN_NAMES } from "./ast";
import { ExprEvalError, ExprLimitError } from "./errors";
import { PARSE_DEFAULTS } from "./parser";

const BINARY_OPS = new Set(["+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "in", "not in"]);
const validated = new WeakSet<object>();

function bad(what: string): never {
  throw new ExprEvalError(`Stored expression is damaged (${what}); compile it again from its source`);
}

function isNum(v: unknown): boolean {
  return typeof v === "number";
}

/**
 * Check an AST that came from outside `parse` (e.g. loaded from storage): known node types,
 * well-formed fields, no forbidden names, bounded depth. Walks iteratively; remembers good trees.
 */
export function validateAst(root: unknown): Ast {
  if (typeof root === "object" && root !== null && validated.has(root)) return root as Ast;
  const stack: [unknown, number][] = [[root, 1]];
  let nodes = 0;
  while (stack.length > 0) {
    const [x, depth] = stack.pop()!;
    if (depth > PARSE_DEFAULTS.maxDepth) {
      throw new ExprLimitError(`Expression is nested more than ${PARSE_DEFAULTS.maxDepth} levels deep`);
    }
    if (++nodes > 100_000) throw new ExprLimitError("Expression has more than 100 000 nodes");
    if (typeof x !== "object" || x === null || Array.isArray(x)) bad("a node is not an object");
    const n = x as Record<string, unknown>;
    if (!isNum(n.start) || !isNum(n.end)) bad("a node has no start/end");
    const push = (c: unknown) => stack.push([c, depth + 1]);
    switch (n.type) {
      case "Literal": {
        const v = n.value;
        if (
          !(
            v === null ||
            typeof v === "string" ||
            typeof v === "boolean" ||
            (typeof v === "number" && Number.isFinite(v))
          )
        ) {
          bad("a literal is not a JSON scalar");
        }
        break;
      }
      case "List":
        if (!Array.isArray(n.items)) bad("a list has no items");
        for (const i of n.items as unknown[]) push(i);
        break;
      case "Ident":
        if (typeof n.name !== "string" || FORBIDDEN_NAMES.has(n.name)) bad("bad name");
        break;
      case "Member":
        if (typeof n.property !== "string" || FORBIDDEN_NAMES.has(n.property)) bad("bad member name");
        push(n.object);
        break;
      case "Index":
        push(n.object);
        push(n.index);
        break;
      case "Unary":
        if (n.op !== "not" && n.op !== "-" && n.op !== "+") bad("bad unary operator");
        push(n.arg);
        break;
      case "Binary":
        if (typeof n.op !== "string" || !BINARY_OPS.has(n.op)) bad("bad operator");
        push(n.left);
        push(n.right);
        break;
      case "Logical":
        if (n.op !== "and" && n.op !== "or") bad("bad logical operator");
        push(n.left);
        push(n.right);
        break;
      case "Conditional":
        push(n.test);
        push(n.then);
        push(n.else);
        break;
      case "Call":
        if (typeof n.callee !== "string" || !Array.isArray(n.args)) bad("bad call");
        for (const a of n.args as unknown[]) push(a);
        break;
      case "Lambda":
        if (typeof n.param !== "string" || FORBIDDEN_NAMES.has(n.param)) bad("bad lambda");
        push(n.body);
        break;
      default:
        bad(`unknown node type ${JSON.stringify(n.type)}`);
    }
  }
  validated.add(root as object);
  return root as Ast;
}

/** Mark a tree produced by `parse` as valid (no need to walk it again). */
export function trust(ast: Ast): Ast {
  validated.add(ast);
  return ast;
}
