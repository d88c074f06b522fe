import type { Ast, CallNode } from "./ast";
import type { ExprIssue } from "./errors";
import { makeIssue } from "./errors";
import { BUILTINS, type CheckCall } from "./functions";
import { didYouMean } from "./suggest";
import type { FunctionRegistry, ScopeTypes, TypeDesc } from "./types";
import { assignable, T, typeName, unify } from "./types";

interface Local {
  name: string;
  type: TypeDesc;
  parent: Local | undefined;
}

interface Ctx {
  source: string | undefined;
  scope: ScopeTypes | undefined;
  functions: FunctionRegistry | undefined;
  issues: ExprIssue[];
  clock: boolean;
}

const STRINGY = new Set(["string", "date", "datetime"]);

/** Type-check an AST. Returns its type and every issue found (empty when fine). */
export function typeCheck(
  ast: Ast,
  source: string | undefined,
  scope: ScopeTypes | undefined,
  functions: FunctionRegistry | undefined,
): { type: TypeDesc; issues: ExprIssue[]; clock: boolean } {
  const ctx: Ctx = { source, scope, functions, issues: [], clock: false };
  const type = tc(ast, ctx, undefined);
  return { type, issues: ctx.issues, clock: ctx.clock };
}

function issue(ctx: Ctx, node: Ast, message: string, hint?: string): void {
  ctx.issues.push(makeIssue("type", message, ctx.source, node.start, node.end, hint));
}

function text(ctx: Ctx, node: Ast): string {
  return ctx.source !== undefined ? ctx.source.slice(node.start, node.end) : node.type;
}

function expectBool(ctx: Ctx, node: Ast, t: TypeDesc, where: string): void {
  if (t.kind === "boolean" || t.kind === "any" || t.kind === "null") return;
  let hint: string | undefined;
  if (t.kind === "list" || STRINGY.has(t.kind)) hint = `test emptiness with isEmpty(${text(ctx, node)})`;
  else if (t.kind === "number") hint = `compare explicitly, e.g. ${text(ctx, node)} != 0`;
  issue(ctx, node, `${where} must be true or false, but ${text(ctx, node)} is ${typeName(t)}`, hint);
}

function tc(n: Ast, ctx: Ctx, locals: Local | undefined): TypeDesc {
  switch (n.type) {
    case "Literal":
      if (n.value === null) return T.null;
      return typeof n.value === "number" ? T.number : typeof n.value === "string" ? T.string : T.boolean;
    case "List": {
      let t: TypeDesc = T.null;
      for (const item of n.items) t = unify(t, tc(item, ctx, locals));
      return T.list(n.items.length === 0 ? T.any : t.kind === "null" ? T.any : t);
    }
    case "Ident": {
      for (let l = locals; l !== undefined; l = l.parent) if (l.name === n.name) return l.type;
      if (ctx.scope === undefined) return T.any;
      if (Object.hasOwn(ctx.scope, n.name)) return ctx.scope[n.name]!;
      const names = [...Object.keys(ctx.scope)];
      for (let l = locals; l !== undefined; l = l.parent) names.push(l.name);
      const hint = didYouMean(n.name, names);
      issue(
        ctx,
        n,
        `Unknown name '${n.name}'${hint ? `; did you mean '${hint}'?` : `; known names: ${names.join(", ") || "(none)"}`}`,
        hint,
      );
      return T.any;
    }
    case "Member":
      return field(ctx, n, tc(n.object, ctx, locals), n.property, n.object);
    case "Index": {
      const o = tc(n.object, ctx, locals);
      const i = tc(n.index, ctx, locals);
      if (o.kind === "list") {
        if (!assignable(i, T.number))
          issue(ctx, n.index, `A list index must be a number, got ${typeName(i)}`);
        return o.of;
      }
      if (o.kind === "object") {
        if (n.index.type === "Literal" && typeof n.index.value === "string") {
          return field(ctx, n, o, n.index.value, n.object);
        }
        if (!assignable(i, T.string)) issue(ctx, n.index, `A field key must be a string, got ${typeName(i)}`);
        return T.any;
      }
      if (o.kind === "any" || o.kind === "null") return T.any;
      issue(ctx, n, `Cannot index ${text(ctx, n.object)}: it is ${typeName(o)}, not a list or an object`);
      return T.any;
    }
    case "Unary": {
      const t = tc(n.arg, ctx, locals);
      if (n.op === "not") {
        expectBool(ctx, n.arg, t, "The operand of 'not'");
        return T.boolean;
      }
      if (!assignable(t, T.number))
        issue(ctx, n.arg, `'${n.op}' needs a number, but ${text(ctx, n.arg)} is ${typeName(t)}`);
      return T.number;
    }
    case "Binary": {
      const l = tc(n.left, ctx, locals);
      const r = tc(n.right, ctx, locals);
      switch (n.op) {
        case "==":
        case "!=":
          if (!comparable(l, r)) {
            issue(
              ctx,
              n,
              `Comparing ${typeName(l)} with ${typeName(r)}: '${n.op}' is always ${n.op === "!="}`,
              l.kind === "number" || r.kind === "number"
                ? 'write numbers without quotes: 30, not "30"'
                : undefined,
            );
          }
          return T.boolean;
        case "<":
        case "<=":
        case ">":
        case ">=": {
          const ok =
            l.kind === "any" ||
            r.kind === "any" ||
            l.kind === "null" ||
            r.kind === "null" ||
            (l.kind === "number" && r.kind === "number") ||
            (STRINGY.has(l.kind) && STRINGY.has(r.kind));
          if (!ok) {
            issue(
              ctx,
              n,
              `Cannot compare ${typeName(l)} with ${typeName(r)} using '${n.op}'; both sides must be numbers, or both texts/dates`,
            );
          }
          return T.boolean;
        }
        case "in":
        case "not in":
          if (r.kind === "list") {
            if (!comparable(l, r.of))
              issue(ctx, n, `Looking for ${typeName(l)} in ${typeName(r)}: never found`);
          } else if (STRINGY.has(r.kind)) {
            if (!assignable(l, T.string))
              issue(ctx, n.left, `'${n.op}' a text needs a text on the left, got ${typeName(l)}`);
          } else if (r.kind !== "any" && r.kind !== "null") {
            issue(
              ctx,
              n.right,
              `'${n.op}' needs a list or a text on the right, but ${text(ctx, n.right)} is ${typeName(r)}`,
            );
          }
          return T.boolean;
        case "+":
          if (l.kind === "number" && r.kind === "number") return T.number;
          if (STRINGY.has(l.kind) && STRINGY.has(r.kind)) return T.string;
          if ((l.kind === "any" || l.kind === "null") && (r.kind === "any" || r.kind === "null"))
            return T.any;
          if (l.kind === "any" || l.kind === "null")
            return r.kind === "number" ? T.number : STRINGY.has(r.kind) ? T.string : bad();
          if (r.kind === "any" || r.kind === "null")
            return l.kind === "number" ? T.number : STRINGY.has(l.kind) ? T.string : bad();
          return bad();
        default:
          for (const [side, t] of [
            [n.left, l],
            [n.right, r],
          ] as const) {
            if (!assignable(t, T.number)) {
              issue(
                ctx,
                side,
                `'${n.op}' needs numbers, but ${text(ctx, side)} is ${typeName(t)}`,
                n.op === "-" && STRINGY.has(t.kind)
                  ? "for dates use daysBetween(a, b) or addDays(d, -n)"
                  : undefined,
              );
            }
          }
          return T.number;
      }
      function bad(): TypeDesc {
        issue(
          ctx,
          n,
          `'+' needs two numbers or two texts, got ${typeName(l)} and ${typeName(r)}`,
          "to build a text from mixed values use concat(a, b)",
        );
        return T.any;
      }
    }
    case "Logical": {
      expectBool(ctx, n.left, tc(n.left, ctx, locals), `The left side of '${n.op}'`);
      expectBool(ctx, n.right, tc(n.right, ctx, locals), `The right side of '${n.op}'`);
      return T.boolean;
    }
    case "Conditional": {
      expectBool(ctx, n.test, tc(n.test, ctx, locals), "The condition before '?'");
      return unify(tc(n.then, ctx, locals), tc(n.else, ctx, locals));
    }
    case "Call":
      return call(ctx, n, locals);
    case "Lambda":
      issue(
        ctx,
        n,
        "A lambda (x => ...) is only allowed as the second argument of any/all/count/sum/filter/map/find",
      );
      return T.any;
  }
}

function comparable(a: TypeDesc, b: TypeDesc): boolean {
  if (a.kind === "any" || b.kind === "any" || a.kind === "null" || b.kind === "null") return true;
  if (STRINGY.has(a.kind) && STRINGY.has(b.kind)) return true;
  if (a.kind === "list" && b.kind === "list") return comparable(a.of, b.of);
  return a.kind === b.kind;
}

function field(ctx: Ctx, n: Ast, o: TypeDesc, name: string, objNode: Ast): TypeDesc {
  if (o.kind === "object") {
    if (Object.hasOwn(o.fields, name)) return o.fields[name]!;
    if (o.open) return T.any;
    const known = Object.keys(o.fields);
    const hint = didYouMean(name, known);
    issue(
      ctx,
      n,
      `Unknown field '${name}' of ${text(ctx, objNode)}${hint ? `; did you mean '${hint}'?` : known.length > 0 ? `; its fields are ${known.join(", ")}` : ""}`,
      hint,
    );
    return T.any;
  }
  if (o.kind === "any" || o.kind === "null") return T.any;
  issue(
    ctx,
    n,
    `Cannot read field '${name}': ${text(ctx, objNode)} is ${typeName(o)}, not an object`,
    o.kind === "list" ? `use len(${text(ctx, objNode)}), first(...) or map(list, x => x.${name})` : undefined,
  );
  return T.any;
}

function call(ctx: Ctx, n: CallNode, locals: Local | undefined): TypeDesc {
  const name = n.callee;
  const builtin = Object.hasOwn(BUILTINS, name) ? BUILTINS[name] : undefined;
  const host =
    !builtin && ctx.functions && Object.hasOwn(ctx.functions, name) ? ctx.functions[name] : undefined;
  if (!builtin && !host) {
    for (const a of n.args) tc(a, ctx, locals);
    const known = [...Object.keys(BUILTINS), ...(ctx.functions ? Object.keys(ctx.functions) : [])];
    const hint = didYouMean(name, known);
    issue(ctx, n, `Unknown function '${name}'${hint ? `; did you mean ${hint}?` : ""}`, hint);
    return T.any;
  }
  if (builtin?.clock) ctx.clock = true;
  const min = builtin ? builtin.min : (host!.minArgs ?? host!.params.length);
  const max = builtin ? builtin.max : host!.params.length;
  const arityOk = n.args.length >= min && n.args.length <= max;
  if (!arityOk) {
    issue(
      ctx,
      n,
      `${name} takes ${min === max ? min : `${min} to ${max}`} argument${max === 1 ? "" : "s"}, got ${n.args.length}`,
      builtin?.doc,
    );
  }
  const types: TypeDesc[] = [];
  n.args.forEach((a, i) => {
    if (a.type === "Lambda") {
      if (i !== 1 || !builtin?.lambda) {
        issue(ctx, a, `${name} does not take a lambda (x => ...) here`);
        types.push(T.any);
        return;
      }
      const listT = types[0]!;
      const elem = listT.kind === "list" ? listT.of : T.any;
      types.push(tc(a.body, ctx, { name: a.param, type: elem, parent: locals }));
      return;
    }
    if (i === 1 && builtin?.lambda === "required") {
      issue(ctx, a, `The second argument of ${name} must be a lambda, e.g. ${name}(list, x => x.field)`);
    } else if (i === 1 && builtin?.lambda === "optional") {
      issue(ctx, a, `The second argument of ${name} must be a lambda, e.g. ${name}(list, x => x.field)`);
    }
    types.push(tc(a, ctx, locals));
  });
  const params = builtin ? builtin.params : host!.params;
  // A polymorphic check reads its arguments' types by position: with the wrong count (already
  // reported) it would read past the end, so the call's type is simply unknown.
  if (builtin?.check && !arityOk) return T.any;
  if (builtin?.check) {
    const c: CheckCall = {
      node: n,
      args: types,
      issue: (i, message, hint) => issue(ctx, i === undefined ? n : (n.args[i] ?? n), message, hint),
    };
    return builtin.check(c);
  }
  if (params) {
    types.forEach((t, i) => {
      const want = params[Math.min(i, params.length - 1)];
      if (want && !assignable(t, want)) {
        const a = n.args[i]!;
        issue(
          ctx,
          a,
          `${name}: argument ${i + 1} must be ${typeName(want)}, but ${text(ctx, a)} is ${typeName(t)}`,
        );
      }
    });
  }
  return builtin ? (builtin.returns ?? T.any) : host!.returns;
}
