import { type Ast, parse } from "@wf/expr";
import { applyPatch, type PatchOp } from "../history/jsonPatch.ts";
import { formExpressions } from "./expressionSites.ts";
import { type FieldPath, fieldAt, isWithin, ROW_TYPES } from "./fieldPaths.ts";
import { updateField } from "./formEdits.ts";
import type { DesignForm } from "./formTypes.ts";

/** Offsets in `source` where the name to rename is written. */
function occurrences(
  ast: Ast,
  match: (node: Ast, shadowed: ReadonlySet<string>) => { start: number; end: number } | undefined,
) {
  const found: { start: number; end: number }[] = [];
  const visit = (node: Ast, shadowed: ReadonlySet<string>) => {
    const hit = match(node, shadowed);
    if (hit) found.push(hit);
    switch (node.type) {
      case "List":
        for (const item of node.items) visit(item, shadowed);
        break;
      case "Member":
        visit(node.object, shadowed);
        break;
      case "Index":
        visit(node.object, shadowed);
        visit(node.index, shadowed);
        break;
      case "Unary":
        visit(node.arg, shadowed);
        break;
      case "Binary":
      case "Logical":
        visit(node.left, shadowed);
        visit(node.right, shadowed);
        break;
      case "Conditional":
        visit(node.test, shadowed);
        visit(node.then, shadowed);
        visit(node.else, shadowed);
        break;
      case "Call":
        for (const arg of node.args) visit(arg, shadowed);
        break;
      case "Lambda":
        visit(node.body, new Set([...shadowed, node.param]));
        break;
      default:
        break;
    }
  };
  visit(ast, new Set());
  return found;
}

function rewrite(source: string, spans: { start: number; end: number }[], name: string): string {
  let out = source;
  for (const span of [...spans].sort((a, b) => b.start - a.start))
    out = out.slice(0, span.start) + name + out.slice(span.end);
  return out;
}

/**
 * Change a field's key and every expression that reads it, so a rename never leaves a condition
 * or calculation pointing at nothing: a top-level key is rewritten wherever it is read as a name
 * (not where a lambda parameter of the same name hides it); a column of a group or table is
 * rewritten where its rows read `row.<key>`, and in the table's `totals`. Expressions that do not
 * parse are left as they are (the publish check reports them).
 */
export function renameFieldKey(form: DesignForm, path: FieldPath, key: string): DesignForm {
  const field = fieldAt(form, path);
  if (!field) throw new Error(`no field at ${path.join(".")}`);
  const old = field.key;
  const renamed = updateField(form, path, { key });
  if (!old || old === key) return renamed;
  const owner = path.length > 3 ? fieldAt(form, path.slice(0, -2)) : undefined;
  const column =
    owner && ROW_TYPES.has(owner.type) && path.at(-2) === "fields" ? path.slice(0, -2) : undefined;
  const ops: PatchOp[] = [];
  for (const expr of formExpressions(renamed)) {
    if (
      column &&
      !(expr.site.field && isWithin(expr.site.field, column) && expr.site.field.length > column.length)
    )
      continue;
    let ast: Ast;
    try {
      ast = parse(expr.source);
    } catch {
      continue;
    }
    const spans = occurrences(ast, (node, shadowed) => {
      if (column) {
        return node.type === "Member" &&
          node.property === old &&
          node.object.type === "Ident" &&
          node.object.name === "row" &&
          !shadowed.has("row")
          ? { start: node.end - old.length, end: node.end }
          : undefined;
      }
      return node.type === "Ident" && node.name === old && !shadowed.has(old)
        ? { start: node.start, end: node.end }
        : undefined;
    });
    if (spans.length > 0) ops.push({ op: "set", path: expr.path, value: rewrite(expr.source, spans, key) });
  }
  if (column) {
    const table = fieldAt(renamed, column);
    if (Array.isArray(table?.totals)) {
      ops.push({
        op: "set",
        path: [...column, "totals"],
        value: table.totals.map((k) => (k === old ? key : k)),
      });
    }
  }
  return applyPatch(renamed, ops);
}
