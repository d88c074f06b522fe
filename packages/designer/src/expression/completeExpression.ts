import type { CompletionContext, CompletionResult } from "@codemirror/autocomplete";
import { BUILTINS, type FunctionRegistry, type ScopeTypes, type TypeDesc, typeName } from "@wf/expr";

/** One suggestion of the expression editor. */
export interface ExprSuggestion {
  label: string;
  type: "variable" | "property" | "function" | "keyword";
  /** The value's type or the function's signature hint. */
  detail?: string;
  /** The function's documentation. */
  info?: string;
}

const KEYWORDS = ["and", "or", "not", "in", "true", "false", "null"];

function fieldsOf(type: TypeDesc | undefined): Record<string, TypeDesc> | undefined {
  if (!type) return undefined;
  if (type.kind === "object") return type.fields;
  return undefined;
}

/**
 * What may be typed at `pos` of `text`: after `a.b.` the fields of `a.b`'s object type; else
 * the names in scope, the built-in and host functions, and the word operators. `from` is where
 * the word being completed starts. Undefined when the cursor is not in or after a word and the
 * user did not ask (`explicit`).
 *
 * @example completeExpression("data.cand", 9, { data: { kind: "object", fields: { candidate: ... } } })
 */
export function completeExpression(
  text: string,
  pos: number,
  scope: ScopeTypes,
  functions: FunctionRegistry = {},
  explicit = false,
): { from: number; options: ExprSuggestion[] } | undefined {
  const before = text.slice(0, pos);
  const word = /[\w\u4e00-\u9fff.]*$/.exec(before)?.[0] ?? "";
  if (word === "" && !explicit) return undefined;
  if (/^\d/.test(word)) return undefined;
  const parts = word.split(".");
  const partial = parts.pop() ?? "";
  const from = pos - partial.length;
  if (parts.length > 0) {
    let fields = fieldsOf(scope[parts[0] ?? ""]);
    for (const part of parts.slice(1)) fields = fieldsOf(fields?.[part]);
    if (!fields) return { from, options: [] };
    return {
      from,
      options: Object.entries(fields).map(([label, type]) => ({
        label,
        type: "property",
        detail: typeName(type),
      })),
    };
  }
  const options: ExprSuggestion[] = [
    ...Object.entries(scope).map(([label, type]) => ({
      label,
      type: "variable" as const,
      detail: typeName(type),
    })),
    ...Object.entries(BUILTINS).map(([label, fn]) => ({ label, type: "function" as const, info: fn.doc })),
    ...Object.entries(functions).map(([label, fn]) => ({
      label,
      type: "function" as const,
      ...(fn.doc === undefined ? {} : { info: fn.doc }),
    })),
    ...KEYWORDS.map((label) => ({ label, type: "keyword" as const })),
  ];
  return { from, options };
}

/** {@link completeExpression} as a CodeMirror completion source. */
export function expressionCompletionSource(
  scope: () => ScopeTypes,
  functions: () => FunctionRegistry,
): (context: CompletionContext) => CompletionResult | null {
  return (context) => {
    const text = context.state.doc.toString();
    const found = completeExpression(text, context.pos, scope(), functions(), context.explicit);
    if (!found) return null;
    return {
      from: found.from,
      options: found.options.map((o) => ({
        label: o.label,
        type: o.type,
        ...(o.detail === undefined ? {} : { detail: o.detail }),
        ...(o.info === undefined ? {} : { info: o.info }),
        ...(o.type === "function" ? { apply: `${o.label}(` } : {}),
      })),
      validFor: /^[\w\u4e00-\u9fff]*$/,
    };
  };
}
