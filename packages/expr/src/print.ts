import type { Ast } from "./ast";

// Precedence levels (higher binds tighter).
const COND = 1;
const OR = 2;
const AND = 3;
const NOT = 4;
const CMP = 5;
const ADD = 6;
const MUL = 7;
const UNARY = 8;
const POSTFIX = 9;

function level(n: Ast): number {
  switch (n.type) {
    case "Conditional":
    case "Lambda":
      return COND;
    case "Logical":
      return n.op === "or" ? OR : AND;
    case "Unary":
      return n.op === "not" ? NOT : UNARY;
    case "Binary":
      switch (n.op) {
        case "+":
        case "-":
          return ADD;
        case "*":
        case "/":
        case "%":
          return MUL;
        default:
          return CMP;
      }
    case "Literal":
      return typeof n.value === "number" && (n.value < 0 || Object.is(n.value, -0)) ? UNARY : 10;
    default:
      return 10;
  }
}

function wrap(n: Ast, min: number): string {
  const s = print(n);
  return level(n) < min ? `(${s})` : s;
}

function num(v: number): string {
  if (Object.is(v, -0)) return "-0";
  return String(v);
}

/**
 * Print an AST back to source. `parse(print(ast))` gives the same tree (positions aside);
 * `!`/`&&`/`||` come back as `not`/`and`/`or`.
 */
export function print(n: Ast): string {
  switch (n.type) {
    case "Literal":
      if (typeof n.value === "number") return num(n.value);
      if (typeof n.value === "string") return JSON.stringify(n.value);
      return String(n.value);
    case "List":
      return `[${n.items.map((i) => wrap(i, COND)).join(", ")}]`;
    case "Ident":
      return n.name;
    case "Member": {
      const o = n.object;
      const s = o.type === "Literal" && typeof o.value === "number" ? `(${print(o)})` : wrap(o, POSTFIX);
      return `${s}.${n.property}`;
    }
    case "Index": {
      const o = n.object;
      const s = o.type === "Literal" && typeof o.value === "number" ? `(${print(o)})` : wrap(o, POSTFIX);
      return `${s}[${print(n.index)}]`;
    }
    case "Unary":
      return n.op === "not" ? `not ${wrap(n.arg, NOT)}` : `${n.op}${wrap(n.arg, UNARY)}`;
    case "Binary": {
      const l = level(n);
      if (l === CMP) return `${wrap(n.left, ADD)} ${n.op} ${wrap(n.right, ADD)}`;
      return `${wrap(n.left, l)} ${n.op} ${wrap(n.right, l + 1)}`;
    }
    case "Logical": {
      const l = level(n);
      return `${wrap(n.left, l)} ${n.op} ${wrap(n.right, l + 1)}`;
    }
    case "Conditional":
      return `${wrap(n.test, OR)} ? ${wrap(n.then, COND)} : ${wrap(n.else, COND)}`;
    case "Call":
      return `${n.callee}(${n.args.map((a) => wrap(a, COND)).join(", ")})`;
    case "Lambda":
      return `${n.param} => ${wrap(n.body, COND)}`;
  }
}
