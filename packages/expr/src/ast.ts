/**
 * The expression AST: plain JSON (no classes, no functions, no cycles), so a compiled
 * expression can be stored and loaded again. Every node carries `start`/`end`: 0-based
 * offsets into the source, `end` exclusive.
 */
export type Ast =
  | LiteralNode
  | ListNode
  | IdentNode
  | MemberNode
  | IndexNode
  | UnaryNode
  | BinaryNode
  | LogicalNode
  | ConditionalNode
  | CallNode
  | LambdaNode;

interface Span {
  start: number;
  end: number;
}

export interface LiteralNode extends Span {
  type: "Literal";
  value: string | number | boolean | null;
}
export interface ListNode extends Span {
  type: "List";
  items: Ast[];
}
export interface IdentNode extends Span {
  type: "Ident";
  name: string;
}
/** `object.property` */
export interface MemberNode extends Span {
  type: "Member";
  object: Ast;
  property: string;
}
/** `object[index]` */
export interface IndexNode extends Span {
  type: "Index";
  object: Ast;
  index: Ast;
}
/** `not x` / `!x` (both `not`), `-x`, `+x` */
export interface UnaryNode extends Span {
  type: "Unary";
  op: "not" | "-" | "+";
  arg: Ast;
}
export type BinaryOp = "+" | "-" | "*" | "/" | "%" | "==" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "not in";
export interface BinaryNode extends Span {
  type: "Binary";
  op: BinaryOp;
  left: Ast;
  right: Ast;
}
/** `and` / `&&` (both `and`), `or` / `||` (both `or`) */
export interface LogicalNode extends Span {
  type: "Logical";
  op: "and" | "or";
  left: Ast;
  right: Ast;
}
export interface ConditionalNode extends Span {
  type: "Conditional";
  test: Ast;
  then: Ast;
  else: Ast;
}
/** `callee(args...)`; callee is always a plain function name. */
export interface CallNode extends Span {
  type: "Call";
  callee: string;
  args: Ast[];
}
/** `x => body`, only allowed as the second argument of any/all/count/sum/filter/map/... */
export interface LambdaNode extends Span {
  type: "Lambda";
  param: string;
  body: Ast;
}

/** Member names that are refused everywhere: they lead to the host's prototypes. */
export const FORBIDDEN_NAMES: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** The keywords of the language (never usable as names). */
export const KEYWORDS: ReadonlySet<string> = new Set(["and", "or", "not", "in", "true", "false", "null"]);
