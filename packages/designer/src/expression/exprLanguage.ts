import { HighlightStyle, StreamLanguage, syntaxHighlighting } from "@codemirror/language";
import type { Extension } from "@codemirror/state";
import { tags } from "@lezer/highlight";

const WORD_OPERATORS = new Set(["and", "or", "not", "in"]);
const ATOMS: Record<string, string> = { true: "bool", false: "bool", null: "null" };

/**
 * Highlighting for the expression language (contract §1). A stream tokenizer is enough: the
 * language has no nesting that changes how a token reads, and the real parser (`@wf/expr`)
 * reports errors separately.
 */
const exprLanguage = StreamLanguage.define<{ afterDot: boolean }>({
  name: "wf-expr",
  startState: () => ({ afterDot: false }),
  token(stream, state) {
    if (stream.eatSpace()) return null;
    const afterDot = state.afterDot;
    state.afterDot = false;
    if (stream.match(/^"(?:[^"\\]|\\.)*"?/) || stream.match(/^'(?:[^'\\]|\\.)*'?/)) return "string";
    if (stream.match(/^\d+(?:\.\d+)?/)) return "number";
    const word = stream.match(/^[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff]*/);
    if (word && Array.isArray(word)) {
      const name = word[0];
      if (afterDot) return "propertyName";
      if (WORD_OPERATORS.has(name)) return "keyword";
      if (ATOMS[name]) return ATOMS[name];
      return stream.peek() === "(" ? "variableName.function" : "variableName";
    }
    if (stream.eat(".")) {
      state.afterDot = true;
      return "punctuation";
    }
    if (stream.match(/^(?:=>|==|!=|<=|>=|&&|\|\||[<>+\-*/%!?:])/)) return "operator";
    stream.next();
    return "punctuation";
  },
});

const style = HighlightStyle.define([
  { tag: tags.string, color: "#0a7d38" },
  { tag: tags.number, color: "#1750eb" },
  { tag: [tags.bool, tags.null], color: "#8a3ffc" },
  { tag: tags.keyword, color: "#a626a4", fontWeight: "bold" },
  { tag: tags.function(tags.variableName), color: "#b35c00" },
  { tag: tags.propertyName, color: "#0b5cad" },
  { tag: tags.operator, color: "#555" },
]);

/** The expression language with its colours, as one CodeMirror extension. */
export function exprHighlighting(): Extension {
  return [exprLanguage, syntaxHighlighting(style)];
}
