import type { Ast, BinaryOp, LambdaNode } from "./ast";
import { FORBIDDEN_NAMES, KEYWORDS } from "./ast";
import { ExprLimitError, ExprSyntaxError } from "./errors";

/** Parser limits. Exceeding one throws `ExprLimitError`. */
export interface ParseOptions {
  /** Longest accepted source, in UTF-16 units. Default 20 000. */
  maxLength?: number;
  /** Deepest accepted nesting (parentheses, lists, calls, and the depth of the resulting tree). Default 200. */
  maxDepth?: number;
  /** Most items in one list literal. Default 1 000. */
  maxListItems?: number;
}

export const PARSE_DEFAULTS = { maxLength: 20_000, maxDepth: 200, maxListItems: 1_000 } as const;

const T = { Num: 0, Str: 1, Name: 2, Punct: 3, EOF: 4 } as const;
type T = (typeof T)[keyof typeof T];

interface Token {
  t: T;
  /** punctuation / operator text, or name */
  s: string;
  /** numeric or string value */
  v: string | number;
  start: number;
  end: number;
}

const PUNCT3 = new Set(["==="]);
const PUNCT2 = new Set(["==", "!=", "<=", ">=", "&&", "||", "=>"]);
const PUNCT1 = new Set(["+", "-", "*", "/", "%", "<", ">", "!", "(", ")", "[", "]", ",", ".", "?", ":", "="]);

function isIdStart(ch: string): boolean {
  return /[\p{ID_Start}_$]/u.test(ch);
}
function isIdPart(ch: string): boolean {
  return /[\p{ID_Continue}_$\u200c\u200d]/u.test(ch);
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src.charCodeAt(i);
    // whitespace
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000 || c === 0xfeff) {
      i++;
      continue;
    }
    const start = i;
    // numbers
    if ((c >= 48 && c <= 57) || (c === 46 && i + 1 < n && isDigit(src.charCodeAt(i + 1)))) {
      while (i < n && isDigit(src.charCodeAt(i))) i++;
      if (i < n && src.charCodeAt(i) === 46) {
        i++;
        if (!(i < n && isDigit(src.charCodeAt(i)))) {
          throw new ExprSyntaxError("A number cannot end with '.'; write 1.0 or 1", {
            offset: start,
            end: i,
            source: src,
          });
        }
        while (i < n && isDigit(src.charCodeAt(i))) i++;
      }
      if (i < n && (src[i] === "e" || src[i] === "E")) {
        let j = i + 1;
        if (j < n && (src[j] === "+" || src[j] === "-")) j++;
        if (j < n && isDigit(src.charCodeAt(j))) {
          i = j;
          while (i < n && isDigit(src.charCodeAt(i))) i++;
        }
      }
      if (i < n && isIdStart(src[i]!)) {
        throw new ExprSyntaxError(
          `Unexpected '${src[i]}' right after a number; put an operator between them`,
          {
            offset: i,
            end: i + 1,
            source: src,
          },
        );
      }
      const v = Number(src.slice(start, i));
      if (!Number.isFinite(v)) {
        throw new ExprSyntaxError("Number is too large", { offset: start, end: i, source: src });
      }
      out.push({ t: T.Num, s: "", v, start, end: i });
      continue;
    }
    // strings
    if (c === 34 || c === 39) {
      const quote = src[i]!;
      i++;
      let value = "";
      let closed = false;
      while (i < n) {
        const ch = src[i]!;
        if (ch === quote) {
          i++;
          closed = true;
          break;
        }
        if (ch === "\n") break;
        if (ch === "\\") {
          const e = src[i + 1];
          if (e === undefined) break;
          switch (e) {
            case "n":
              value += "\n";
              break;
            case "t":
              value += "\t";
              break;
            case "r":
              value += "\r";
              break;
            case "b":
              value += "\b";
              break;
            case "f":
              value += "\f";
              break;
            case "/":
              value += "/";
              break;
            case "\\":
            case "'":
            case '"':
              value += e;
              break;
            case "u": {
              const hex = src.slice(i + 2, i + 6);
              if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
                throw new ExprSyntaxError(
                  "Bad \\u escape; write \\u followed by 4 hex digits, e.g. \\u4e00",
                  {
                    offset: i,
                    end: i + 2,
                    source: src,
                  },
                );
              }
              value += String.fromCharCode(Number.parseInt(hex, 16));
              i += 4;
              break;
            }
            default:
              throw new ExprSyntaxError(
                `Unknown escape '\\${e}' in a string; use \\n, \\t, \\r, \\\\, \\', \\" or \\uXXXX`,
                { offset: i, end: i + 2, source: src },
              );
          }
          i += 2;
          continue;
        }
        value += ch;
        i++;
      }
      if (!closed) {
        throw new ExprSyntaxError(`Unterminated string; close it with ${quote}`, {
          offset: start,
          end: i,
          source: src,
        });
      }
      out.push({ t: T.Str, s: "", v: value, start, end: i });
      continue;
    }
    // names
    const cp = src.codePointAt(i)!;
    const chr = String.fromCodePoint(cp);
    if (isIdStart(chr)) {
      i += chr.length;
      while (i < n) {
        const cp2 = src.codePointAt(i)!;
        const ch2 = String.fromCodePoint(cp2);
        if (!isIdPart(ch2)) break;
        i += ch2.length;
      }
      const name = src.slice(start, i);
      out.push({ t: T.Name, s: name, v: name, start, end: i });
      continue;
    }
    // punctuation
    const three = src.slice(i, i + 3);
    if (PUNCT3.has(three) || three === "!==") {
      throw new ExprSyntaxError(
        `'${three}' is not supported; write '${three.slice(0, 2)}' (it is already strict)`,
        {
          offset: i,
          end: i + 3,
          source: src,
        },
      );
    }
    const two = src.slice(i, i + 2);
    if (PUNCT2.has(two)) {
      out.push({ t: T.Punct, s: two, v: two, start, end: i + 2 });
      i += 2;
      continue;
    }
    const one = src[i]!;
    if (PUNCT1.has(one)) {
      if (one === "=") {
        throw new ExprSyntaxError("'=' is assignment, which expressions cannot do; write '==' to compare", {
          offset: i,
          end: i + 1,
          source: src,
        });
      }
      out.push({ t: T.Punct, s: one, v: one, start, end: i + 1 });
      i++;
      continue;
    }
    if (one === "`") {
      throw new ExprSyntaxError("Template strings are not supported; use concat(a, b) or 'a' + b", {
        offset: i,
        end: i + 1,
        source: src,
      });
    }
    if (one === "&" || one === "|") {
      throw new ExprSyntaxError(
        `Unexpected '${one}'; write '${one}${one}' (or '${one === "&" ? "and" : "or"}')`,
        {
          offset: i,
          end: i + 1,
          source: src,
        },
      );
    }
    throw new ExprSyntaxError(`Unexpected character '${chr}'`, {
      offset: i,
      end: i + chr.length,
      source: src,
    });
  }
  out.push({ t: T.EOF, s: "", v: "", start: n, end: n });
  return out;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function describe(tok: Token): string {
  switch (tok.t) {
    case T.EOF:
      return "end of expression";
    case T.Num:
      return `number ${tok.v}`;
    case T.Str:
      return `string ${JSON.stringify(tok.v)}`;
    default:
      return `'${tok.s}'`;
  }
}

const COMPARE: Record<string, BinaryOp> = {
  "==": "==",
  "!=": "!=",
  "<": "<",
  "<=": "<=",
  ">": ">",
  ">=": ">=",
};

class Parser {
  private pos = 0;
  private depth = 0;
  private readonly toks: Token[];
  constructor(
    private readonly src: string,
    private readonly maxDepth: number,
    private readonly maxListItems: number,
  ) {
    this.toks = tokenize(src);
  }

  private get tok(): Token {
    return this.toks[this.pos]!;
  }
  private peek(k = 1): Token {
    return this.toks[Math.min(this.pos + k, this.toks.length - 1)]!;
  }
  private isP(s: string): boolean {
    const t = this.tok;
    return t.t === T.Punct && t.s === s;
  }
  private isKw(s: string): boolean {
    const t = this.tok;
    return t.t === T.Name && t.s === s;
  }
  private fail(message: string, tok: Token = this.tok): never {
    throw new ExprSyntaxError(message, { offset: tok.start, end: tok.end, source: this.src });
  }
  private expectP(s: string, what: string): Token {
    if (!this.isP(s)) this.fail(`Expected '${s}' ${what}, found ${describe(this.tok)}`);
    return this.toks[this.pos++]!;
  }
  private enter(): void {
    if (++this.depth > this.maxDepth) {
      throw new ExprLimitError(
        `Expression is nested more than ${this.maxDepth} levels deep; split it into simpler parts`,
        { offset: this.tok.start, end: this.tok.end, source: this.src },
      );
    }
  }

  parseTop(): Ast {
    if (this.tok.t === T.EOF) this.fail("Empty expression; write a value such as true or data.x == 1");
    const node = this.parseExpr();
    const t = this.toks[this.pos]!;
    if (t.t !== T.EOF) {
      if (t.t === T.Punct && t.s === ")") this.fail("Unmatched ')'");
      if (t.t === T.Punct && t.s === "=>") {
        this.fail(
          "A lambda (x => ...) is only allowed as the second argument of any/all/count/sum/filter/map",
        );
      }
      this.fail(`Unexpected ${describe(t)}; an operator such as 'and' or '==' may be missing`);
    }
    return node;
  }

  parseExpr(): Ast {
    this.enter();
    const test = this.parseOr();
    let node = test;
    if (this.isP("?")) {
      this.pos++;
      const then = this.parseExpr();
      this.expectP(":", "in the conditional 'test ? a : b'");
      const els = this.parseExpr();
      node = { type: "Conditional", test, then, else: els, start: test.start, end: els.end };
    }
    this.depth--;
    return node;
  }

  private parseOr(): Ast {
    let left = this.parseAnd();
    while (this.isKw("or") || this.isP("||")) {
      this.pos++;
      const right = this.parseAnd();
      left = { type: "Logical", op: "or", left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseAnd(): Ast {
    let left = this.parseNot();
    while (this.isKw("and") || this.isP("&&")) {
      this.pos++;
      const right = this.parseNot();
      left = { type: "Logical", op: "and", left, right, start: left.start, end: right.end };
    }
    return left;
  }

  /** `not` (the keyword) binds looser than comparisons: `not a == b` is `not (a == b)`. */
  private parseNot(): Ast {
    if (this.isKw("not")) {
      const start = this.tok.start;
      this.pos++;
      this.enter();
      const arg = this.parseNot();
      this.depth--;
      return { type: "Unary", op: "not", arg, start, end: arg.end };
    }
    return this.parseCompare();
  }

  private parseCompare(): Ast {
    const left = this.parseAdd();
    const op = this.compareOp();
    if (op === undefined) return left;
    const right = this.parseAdd();
    const node: Ast = { type: "Binary", op, left, right, start: left.start, end: right.end };
    if (this.compareOp(false) !== undefined) {
      this.fail("Comparisons cannot be chained; write 'a < b and b < c'");
    }
    return node;
  }

  private compareOp(consume = true): BinaryOp | undefined {
    const t = this.tok;
    if (t.t === T.Punct && Object.hasOwn(COMPARE, t.s)) {
      if (consume) this.pos++;
      return COMPARE[t.s];
    }
    if (t.t === T.Name && t.s === "in") {
      if (consume) this.pos++;
      return "in";
    }
    if (t.t === T.Name && t.s === "not") {
      const nx = this.peek();
      if (nx.t === T.Name && nx.s === "in") {
        if (consume) this.pos += 2;
        return "not in";
      }
    }
    return undefined;
  }

  private parseAdd(): Ast {
    let left = this.parseMul();
    while (this.isP("+") || this.isP("-")) {
      const op = this.tok.s as "+" | "-";
      this.pos++;
      const right = this.parseMul();
      left = { type: "Binary", op, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseMul(): Ast {
    let left = this.parseUnary();
    while (this.isP("*") || this.isP("/") || this.isP("%")) {
      const op = this.tok.s as "*" | "/" | "%";
      this.pos++;
      const right = this.parseUnary();
      left = { type: "Binary", op, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseUnary(): Ast {
    if (this.isP("-") || this.isP("+") || this.isP("!")) {
      const t = this.tok;
      this.pos++;
      this.enter();
      const arg = this.parseUnary();
      this.depth--;
      const op = t.s === "!" ? "not" : (t.s as "-" | "+");
      return { type: "Unary", op, arg, start: t.start, end: arg.end };
    }
    return this.parsePostfix();
  }

  private parsePostfix(): Ast {
    let node = this.parsePrimary();
    for (;;) {
      if (this.isP(".")) {
        this.pos++;
        const t = this.tok;
        if (t.t !== T.Name) this.fail(`Expected a field name after '.', found ${describe(t)}`);
        this.checkMemberName(t.s, t);
        this.pos++;
        node = { type: "Member", object: node, property: t.s, start: node.start, end: t.end };
      } else if (this.isP("[")) {
        this.pos++;
        const index = this.parseExpr();
        const close = this.expectP("]", "to close the index");
        if (index.type === "Literal" && typeof index.value === "string" && FORBIDDEN_NAMES.has(index.value)) {
          throw new ExprSyntaxError(forbiddenMessage(index.value), {
            offset: index.start,
            end: index.end,
            source: this.src,
          });
        }
        node = { type: "Index", object: node, index, start: node.start, end: close.end };
      } else if (this.isP("(")) {
        this.fail(
          node.type === "Member"
            ? `Methods cannot be called; use the function form instead, e.g. ${node.property}(x, ...)`
            : "Only named functions can be called, e.g. len(x)",
        );
      } else {
        return node;
      }
    }
  }

  private checkMemberName(name: string, t: Token): void {
    if (FORBIDDEN_NAMES.has(name)) {
      throw new ExprSyntaxError(forbiddenMessage(name), { offset: t.start, end: t.end, source: this.src });
    }
  }

  private parsePrimary(): Ast {
    const t = this.tok;
    switch (t.t) {
      case T.Num:
        this.pos++;
        return { type: "Literal", value: t.v as number, start: t.start, end: t.end };
      case T.Str:
        this.pos++;
        return { type: "Literal", value: t.v as string, start: t.start, end: t.end };
      case T.Name: {
        const name = t.s;
        if (name === "true" || name === "false") {
          this.pos++;
          return { type: "Literal", value: name === "true", start: t.start, end: t.end };
        }
        if (name === "null") {
          this.pos++;
          return { type: "Literal", value: null, start: t.start, end: t.end };
        }
        if (KEYWORDS.has(name)) this.fail(`Unexpected keyword '${name}'; a value is expected here`);
        if (FORBIDDEN_NAMES.has(name)) this.checkMemberName(name, t);
        if (name === "undefined") this.fail("'undefined' does not exist here; write null");
        this.pos++;
        if (this.isP("(")) return this.parseCall(name, t);
        if (this.isP("=>")) {
          this.fail(
            "A lambda (x => ...) is only allowed as the second argument of any/all/count/sum/filter/map",
          );
        }
        return { type: "Ident", name, start: t.start, end: t.end };
      }
      case T.Punct: {
        if (t.s === "(") {
          this.pos++;
          this.enter();
          const inner = this.parseExpr();
          this.depth--;
          const close = this.expectP(")", "to close '('");
          // Parentheses leave no node; the inner node's span grows to cover them, so that every
          // node's source slice (start..end) is itself a complete expression.
          inner.start = t.start;
          inner.end = close.end;
          return inner;
        }
        if (t.s === "[") return this.parseList();
        return this.fail(`Unexpected ${describe(t)}; a value is expected here`);
      }
      default:
        return this.fail(
          t.t === T.EOF ? "The expression ends too early; a value is expected" : `Unexpected ${describe(t)}`,
        );
    }
  }

  private parseList(): Ast {
    const open = this.tok;
    this.pos++;
    this.enter();
    const items: Ast[] = [];
    while (!this.isP("]")) {
      if (this.tok.t === T.EOF) this.fail("Unclosed list; add ']'", open);
      if (items.length >= this.maxListItems) {
        throw new ExprLimitError(`A list literal may have at most ${this.maxListItems} items`, {
          offset: open.start,
          end: this.tok.end,
          source: this.src,
        });
      }
      items.push(this.parseExpr());
      if (this.isP(",")) {
        this.pos++;
      } else if (!this.isP("]")) {
        this.fail(`Expected ',' or ']' in the list, found ${describe(this.tok)}`);
      }
    }
    const close = this.tok;
    this.pos++;
    this.depth--;
    return { type: "List", items, start: open.start, end: close.end };
  }

  private parseCall(callee: string, nameTok: Token): Ast {
    const open = this.tok;
    this.pos++;
    this.enter();
    const args: Ast[] = [];
    while (!this.isP(")")) {
      if (this.tok.t === T.EOF) this.fail(`Unclosed call of ${callee}(; add ')'`, open);
      if (args.length >= 64) this.fail("Too many arguments (at most 64)");
      // lambda: name => body
      const t = this.tok;
      const nx = this.peek();
      if (t.t === T.Name && nx.t === T.Punct && nx.s === "=>") {
        if (KEYWORDS.has(t.s) || FORBIDDEN_NAMES.has(t.s))
          this.fail(`'${t.s}' cannot be a lambda parameter name`);
        this.pos += 2;
        const body = this.parseExpr();
        const lam: LambdaNode = { type: "Lambda", param: t.s, body, start: t.start, end: body.end };
        args.push(lam);
      } else if (
        t.t === T.Punct &&
        t.s === "(" &&
        nx.t === T.Name &&
        this.peek(2).s === ")" &&
        this.peek(3).s === "=>"
      ) {
        this.fail("Write the lambda parameter without parentheses: x => ...");
      } else {
        args.push(this.parseExpr());
      }
      if (this.isP(",")) {
        this.pos++;
      } else if (!this.isP(")")) {
        this.fail(`Expected ',' or ')' in the call of ${callee}, found ${describe(this.tok)}`);
      }
    }
    const close = this.tok;
    this.pos++;
    this.depth--;
    return { type: "Call", callee, args, start: nameTok.start, end: close.end };
  }
}

function forbiddenMessage(name: string): string {
  return `'${name}' cannot be used as a name: it would reach the host's internals. Rename the field`;
}

/** Depth of an AST, computed without recursion (so a hostile, deeply nested AST cannot overflow the stack). */
function astDepth(root: Ast): number {
  let max = 0;
  const stack: [Ast, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, d] = stack.pop()!;
    if (d > max) max = d;
    for (const child of childrenOf(node)) stack.push([child, d + 1]);
  }
  return max;
}

/** The direct children of a node. */
export function childrenOf(node: Ast): Ast[] {
  switch (node.type) {
    case "Literal":
    case "Ident":
      return [];
    case "List":
      return node.items;
    case "Member":
      return [node.object];
    case "Index":
      return [node.object, node.index];
    case "Unary":
      return [node.arg];
    case "Binary":
    case "Logical":
      return [node.left, node.right];
    case "Conditional":
      return [node.test, node.then, node.else];
    case "Call":
      return node.args;
    case "Lambda":
      return [node.body];
  }
}

/**
 * Parse an expression into its AST. Throws `ExprSyntaxError` (with offset/line/column) on bad
 * syntax and `ExprLimitError` when the source is too long or too deeply nested.
 */
export function parse(source: string, opts: ParseOptions = {}): Ast {
  if (typeof source !== "string") {
    throw new ExprSyntaxError(
      `An expression must be a string, got ${source === null ? "null" : typeof source}`,
    );
  }
  const maxLength = opts.maxLength ?? PARSE_DEFAULTS.maxLength;
  const maxDepth = opts.maxDepth ?? PARSE_DEFAULTS.maxDepth;
  if (source.length > maxLength) {
    throw new ExprLimitError(`Expression is longer than ${maxLength} characters; split it into rules`, {
      offset: maxLength,
      source,
    });
  }
  const ast = new Parser(source, maxDepth, opts.maxListItems ?? PARSE_DEFAULTS.maxListItems).parseTop();
  if (astDepth(ast) > maxDepth) {
    throw new ExprLimitError(
      `Expression is nested more than ${maxDepth} levels deep; split it into simpler parts`,
      {
        offset: 0,
        end: source.length,
        source,
      },
    );
  }
  return ast;
}
