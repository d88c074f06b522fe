import type { Ast, CallNode, LambdaNode } from "./ast";
import { BUILTINS, type LambdaFn } from "./functions";
import {
  arity,
  binary,
  checkArity,
  checkLambdaAt,
  checkLambdaGiven,
  indexed,
  member,
  ours,
  runHost,
  unary,
  unknownFunction,
} from "./interpreter";
import type { Frame, Runtime } from "./runtime";
import { admit, fail, isPlainObject, limit, show, truth } from "./runtime";

/** A tree turned into a function: evaluates it against the runtime and the lambda frames. */
type Closure = (rt: Runtime, f: Frame | undefined) => unknown;

// Closures by tree. Trees are immutable once validated (validateAst remembers them the same way),
// and a tree is dropped with its closures.
const closures = new WeakMap<Ast, Closure>();

/**
 * Evaluate a whole (validated) tree, turning stray host exceptions into ExprErrors as `guarded`
 * does: through the tree's closures, built once per tree.
 */
export function evalAst(rt: Runtime, ast: Ast): unknown {
  try {
    return closureFor(ast)(rt, undefined);
  } catch (e) {
    throw ours(rt, e);
  }
}

/**
 * evalAst for one tree with its closure found once: a host that evaluates the same tree for every
 * action skips the lookup by tree on each call.
 */
export function evaluatorOf(ast: Ast): (rt: Runtime) => unknown {
  const run = closureFor(ast);
  return (rt) => {
    try {
      return run(rt, undefined);
    } catch (e) {
      throw ours(rt, e);
    }
  };
}

function closureFor(ast: Ast): Closure {
  let run = closures.get(ast);
  if (run === undefined) {
    run = closureOf(ast);
    closures.set(ast, run);
  }
  return run;
}

/** Charge one step for a node, as `ev` does before it evaluates the node. */
function step(rt: Runtime, n: Ast): void {
  if (++rt.steps > rt.maxSteps) {
    limit(
      rt,
      n,
      `Evaluation took more than ${rt.maxSteps} steps; simplify the expression or raise env.maxSteps`,
    );
  }
}

/**
 * A node as a closure that does exactly what the interpreter's `ev` does for it — the same steps
 * charged in the same order, the same values, the same errors at the same nodes — with the
 * decisions that depend only on the tree (node type, operator, which built-in) made once.
 */
function closureOf(n: Ast): Closure {
  switch (n.type) {
    case "Literal": {
      const value = n.value;
      return (rt) => {
        step(rt, n);
        return value;
      };
    }
    case "Ident": {
      const name = n.name;
      return (rt, f) => {
        step(rt, n);
        for (let fr = f; fr !== undefined; fr = fr.parent) if (fr.name === name) return fr.value;
        const scope = rt.scope;
        return Object.hasOwn(scope, name) ? admit(rt, n, scope[name]) : null;
      };
    }
    case "Member": {
      const object = closureOf(n.object);
      const key = n.property;
      // A validated tree's member names are never forbidden ones (validateAst refuses them), so
      // the interpreter's check of the name is left for computed keys; the rest is `member`.
      return (rt, f) => {
        step(rt, n);
        const obj = object(rt, f);
        if (obj === null || obj === undefined) return null;
        if (isPlainObject(obj)) return Object.hasOwn(obj, key) ? admit(rt, n, obj[key]) : null;
        return member(rt, n, obj, key);
      };
    }
    case "Index": {
      const object = closureOf(n.object);
      const index = closureOf(n.index);
      return (rt, f) => {
        step(rt, n);
        const obj = object(rt, f);
        return indexed(rt, n, obj, index(rt, f));
      };
    }
    case "List": {
      const items = n.items.map(closureOf);
      return (rt, f) => {
        step(rt, n);
        if (items.length > rt.maxList) limit(rt, n, `A list may have at most ${rt.maxList} items`);
        const out = new Array<unknown>(items.length);
        for (let i = 0; i < items.length; i++) out[i] = items[i]!(rt, f);
        return out;
      };
    }
    case "Unary": {
      const arg = closureOf(n.arg);
      return (rt, f) => {
        step(rt, n);
        return unary(rt, n, arg(rt, f));
      };
    }
    case "Binary": {
      const left = closureOf(n.left);
      const right = closureOf(n.right);
      return (rt, f) => {
        step(rt, n);
        return binary(rt, n, left(rt, f), right(rt, f));
      };
    }
    case "Logical": {
      const left = closureOf(n.left);
      const right = closureOf(n.right);
      const and = n.op === "and";
      return (rt, f) => {
        step(rt, n);
        const l = truth(rt, n.left, left(rt, f));
        if (and ? !l : l) return l;
        return truth(rt, n.right, right(rt, f));
      };
    }
    case "Conditional": {
      const test = closureOf(n.test);
      const then = closureOf(n.then);
      const otherwise = closureOf(n.else);
      return (rt, f) => {
        step(rt, n);
        return truth(rt, n.test, test(rt, f)) ? then(rt, f) : otherwise(rt, f);
      };
    }
    case "Call":
      return callClosure(n);
    case "Lambda":
      return (rt) => {
        step(rt, n);
        return fail(
          rt,
          n,
          "A lambda (x => ...) is only allowed as the second argument of any/all/count/sum/filter/map/find",
        );
      };
    default:
      return (rt) => {
        step(rt, n);
        return fail(
          rt,
          undefined,
          `Unknown AST node ${show((n as { type?: unknown }).type)}; the stored expression is damaged — compile it again`,
        );
      };
  }
}

function callClosure(n: CallNode): Closure {
  const name = n.callee;
  const args = n.args;
  // A lambda argument's body as a closure; other arguments as closures of themselves.
  const parts = args.map((a) => closureOf(a.type === "Lambda" ? a.body : a));
  // Built-ins are a frozen registry: which one a name is can be decided once.
  const b = Object.hasOwn(BUILTINS, name) ? BUILTINS[name] : undefined;
  if (b !== undefined) {
    return (rt, f) => {
      step(rt, n);
      checkArity(rt, n, b);
      let fn: LambdaFn | undefined;
      const vals = new Array<unknown>(args.length);
      for (let i = 0; i < args.length; i++) {
        const a = args[i]!;
        if (a.type === "Lambda") {
          checkLambdaAt(rt, n, b, i);
          fn = lambda(rt, a, parts[i]!, f);
          vals[i] = null;
        } else {
          vals[i] = parts[i]!(rt, f);
        }
      }
      checkLambdaGiven(rt, n, b, fn);
      return b.run(vals, rt, n, fn);
    };
  }
  // Host functions come with each evaluation's env: looked up per call.
  return (rt, f) => {
    step(rt, n);
    const host = rt.host;
    if (host === undefined || !Object.hasOwn(host, name)) return unknownFunction(rt, n);
    const h = host[name]!;
    const min = h.minArgs ?? h.params.length;
    if (args.length < min || args.length > h.params.length) {
      fail(rt, n, `${name} takes ${arity(min, h.params.length)}, got ${args.length}`);
    }
    const vals = new Array<unknown>(args.length);
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a.type === "Lambda") fail(rt, a, `${name} does not take a lambda`);
      vals[i] = parts[i]!(rt, f);
    }
    return runHost(rt, n, h, vals);
  };
}

/** A lambda argument for one call: its parameter bound to each item in a frame reused across items. */
function lambda(rt: Runtime, lam: LambdaNode, body: Closure, f: Frame | undefined): LambdaFn {
  const frame: Frame = { name: lam.param, value: null, parent: f };
  return (item: unknown) => {
    frame.value = admit(rt, lam, item);
    return body(rt, frame);
  };
}
