import type { LocalizedText } from "../store/Store";

/** One piece of a message template: literal text, or a `{expr}` placeholder. */
export type TemplatePart = { text: string } | { expr: string; start: number };

/**
 * Split a rule message into literal text and `{expr}` placeholders (`"年龄超过{data.maxAge}周岁"`).
 * `{{` and `}}` stand for literal braces; quotes inside a placeholder may contain braces.
 * @throws Error with the character position when a placeholder is unclosed or empty.
 */
export function templateParts(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let lit = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if ((ch === "{" || ch === "}") && text[i + 1] === ch) {
      lit += ch;
      i += 2;
      continue;
    }
    if (ch === "}") throw new Error(`unmatched "}" at character ${i + 1} (write "}}" for a literal brace)`);
    if (ch !== "{") {
      lit += ch;
      i++;
      continue;
    }
    const start = i;
    let j = i + 1;
    let quote: string | undefined;
    for (; j < text.length; j++) {
      const c = text[j]!;
      if (quote) {
        if (c === "\\") j++;
        else if (c === quote) quote = undefined;
      } else if (c === "'" || c === '"') quote = c;
      else if (c === "}") break;
    }
    if (j >= text.length) {
      throw new Error(`unclosed "{" at character ${start + 1} (write "{{" for a literal brace)`);
    }
    const expr = text.slice(start + 1, j).trim();
    if (expr === "") throw new Error(`empty placeholder "{}" at character ${start + 1}`);
    if (lit !== "") parts.push({ text: lit });
    lit = "";
    parts.push({ expr, start });
    i = j + 1;
  }
  if (lit !== "") parts.push({ text: lit });
  return parts;
}

/** Whether a text may hold placeholders (cheap test before parsing). */
export function hasPlaceholders(text: string): boolean {
  return text.includes("{") || text.includes("}");
}

/** A value as it reads inside a message: texts and numbers as they are, lists joined by "、". */
function formatValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map(formatValue).join("、");
  return JSON.stringify(value);
}

/**
 * A rule message with its `{expr}` placeholders filled in. `value` evaluates one placeholder
 * against the rule's scope; a placeholder that cannot be evaluated (or a malformed template,
 * which `validateDefinition` refuses anyway) keeps its source text, so the message still reads.
 */
export function renderMessage(message: LocalizedText, value: (expr: string) => unknown): LocalizedText {
  const zh = renderText(message.zh, value);
  const en = renderText(message.en, value);
  return zh === message.zh && en === message.en ? message : { zh, en };
}

function renderText(text: string, value: (expr: string) => unknown): string {
  if (!hasPlaceholders(text)) return text;
  let parts: TemplatePart[];
  try {
    parts = templateParts(text);
  } catch {
    return text;
  }
  let out = "";
  for (const p of parts) {
    if ("text" in p) {
      out += p.text;
      continue;
    }
    try {
      out += formatValue(value(p.expr));
    } catch {
      out += `{${p.expr}}`;
    }
  }
  return out;
}
