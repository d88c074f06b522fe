import { type Compiled, resolve } from "./api";
import type { Ast } from "./ast";
import { ev, guarded, makeRuntime } from "./interpreter";
import { childrenOf } from "./parser";
import { print } from "./print";
import type { EvalEnv, Scope } from "./types";

/** One node of an evaluation trace. */
export interface TraceNode {
  type: Ast["type"];
  /** operator, function name or member name, when the node has one */
  op?: string;
  /** the node's source text */
  source: string;
  start: number;
  end: number;
  /** false when the node was skipped (short-circuit, the other branch of `?:`) or is inside a lambda */
  evaluated: boolean;
  value?: unknown;
  children: TraceNode[];
}

export interface Explanation {
  value: unknown;
  /** English sentence, e.g. "candidate.rank is 副科 and age 31 > 30". */
  text: string;
  /** The sentence in Chinese and English. */
  texts: { zh: string; en: string };
  /** Every top-level node with its value, for apps that build their own wording. */
  trace: TraceNode;
}

/**
 * Evaluate and explain why: the value, a sentence naming the conditions that decided it, and the
 * trace. Slower than evaluate (records every value); meant for "why is this hidden?" questions.
 */
export function explain(c: Compiled | Ast | string, scope: Scope, env: EvalEnv): Explanation {
  const { ast, source } = resolve(c);
  const rt = makeRuntime(scope, env, source, undefined);
  const record = new Map<Ast, unknown>();
  rt.record = record;
  const value = guarded(rt, () => ev(ast, rt, undefined));
  const src = (n: Ast) => (source !== undefined ? source.slice(n.start, n.end) : print(n));
  const trace = build(ast, record, src);
  const s = sentence(trace);
  const texts =
    typeof value === "boolean" && s
      ? s
      : { en: `${trace.source} = ${fmt(value, "en")}`, zh: `${trace.source} = ${fmt(value, "zh")}` };
  return { value, text: texts.en, texts, trace };
}

function build(n: Ast, record: Map<Ast, unknown>, src: (n: Ast) => string): TraceNode {
  const t: TraceNode = {
    type: n.type,
    source: src(n),
    start: n.start,
    end: n.end,
    evaluated: record.has(n),
    children: [],
  };
  if (t.evaluated) t.value = record.get(n);
  switch (n.type) {
    case "Unary":
    case "Binary":
    case "Logical":
      t.op = n.op;
      break;
    case "Call":
      t.op = n.callee;
      break;
    case "Member":
      t.op = n.property;
      break;
    default:
      break;
  }
  if (n.type !== "Lambda") t.children = childrenOf(n).map((c) => build(c, record, src));
  return t;
}

function fmt(v: unknown, lang: "zh" | "en"): string {
  if (v === null || v === undefined) return lang === "zh" ? "空" : "empty";
  if (typeof v === "string") return v.length > 40 ? `${v.slice(0, 37)}...` : v;
  if (typeof v === "boolean") return lang === "zh" ? (v ? "是" : "否") : String(v);
  const s = JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

type Text = { zh: string; en: string };

function term(t: TraceNode, lang: "zh" | "en"): string {
  if (t.type === "Literal") return fmt(t.value, lang);
  if (t.type === "Ident" || t.type === "Member" || t.type === "Index")
    return `${t.source} ${fmt(t.value, lang)}`;
  return `${t.source} (= ${fmt(t.value, lang)})`;
}

const CMP_OPS = new Set(["<", "<=", ">", ">="]);

/** The sentence that explains a boolean node's value. */
function sentence(t: TraceNode): Text | undefined {
  if (!t.evaluated) return undefined;
  const v = t.value;
  const [a, b] = t.children;
  switch (t.type) {
    case "Logical": {
      const l = a!;
      const r = b!;
      const deciding = [l, r].filter((c) => c.evaluated && c.value === (t.op === "and" ? v : v));
      const parts = (deciding.length > 0 ? deciding : [l, r]).map(sentence).filter((x): x is Text => !!x);
      if (parts.length === 0) return undefined;
      return {
        en: parts.map((p) => p.en).join(" and "),
        zh: parts.map((p) => p.zh).join("，且"),
      };
    }
    case "Unary":
      if (t.op === "not") return sentence(a!);
      return undefined;
    case "Binary": {
      if (!a || !b) return undefined;
      const op = t.op!;
      if (op === "==" || op === "!=") {
        const equal = (op === "==") === v;
        const [x, y] = b.type === "Literal" || a.type !== "Literal" ? [a, b] : [b, a];
        return equal
          ? { en: `${x.source} is ${fmt(y.value, "en")}`, zh: `${x.source} 为 ${fmt(y.value, "zh")}` }
          : {
              en: `${x.source} is ${fmt(x.value, "en")}, not ${fmt(y.value, "en")}`,
              zh: `${x.source} 为 ${fmt(x.value, "zh")}，不是 ${fmt(y.value, "zh")}`,
            };
      }
      if (CMP_OPS.has(op)) {
        return v
          ? { en: `${term(a, "en")} ${op} ${term(b, "en")}`, zh: `${term(a, "zh")} ${op} ${term(b, "zh")}` }
          : {
              en: `${term(a, "en")} is not ${op} ${term(b, "en")}`,
              zh: `${term(a, "zh")} 不满足 ${op} ${term(b, "zh")}`,
            };
      }
      if (op === "in" || op === "not in") {
        const inside = (op === "in") === v;
        return inside
          ? { en: `${term(a, "en")} is in ${b.source}`, zh: `${term(a, "zh")} 属于 ${b.source}` }
          : { en: `${term(a, "en")} is not in ${b.source}`, zh: `${term(a, "zh")} 不属于 ${b.source}` };
      }
      return undefined;
    }
    case "Conditional": {
      const test = sentence(a!);
      const inner = sentence(a!.value === true ? b! : t.children[2]!);
      if (test && inner) return { en: `${test.en}, so ${inner.en}`, zh: `${test.zh}，因此${inner.zh}` };
      return test ?? inner;
    }
    default:
      return { en: `${t.source} is ${fmt(v, "en")}`, zh: `${t.source} 为 ${fmt(v, "zh")}` };
  }
}
