export type { Compiled, CompileOptions } from "./api";
export { check, compile, evaluate, fieldsRead, parse, prepare } from "./api";
export type {
  Ast,
  BinaryNode,
  BinaryOp,
  CallNode,
  ConditionalNode,
  IdentNode,
  IndexNode,
  LambdaNode,
  ListNode,
  LiteralNode,
  LogicalNode,
  MemberNode,
  UnaryNode,
} from "./ast";
export { FORBIDDEN_NAMES, KEYWORDS } from "./ast";
export type { ExprIssue } from "./errors";
export {
  ExprError,
  ExprEvalError,
  ExprLimitError,
  ExprSyntaxError,
  ExprTypeError,
  lineColumn,
} from "./errors";
export type { Explanation, TraceNode } from "./explain";
export { explain } from "./explain";
export { BUILTINS, isBuiltin } from "./functions";
export type { ResidentId, ResidentIdProblem } from "./idcard";
export { parseResidentId, residentIdCheckChar, residentIdFunctions } from "./idcard";
export type { ParseOptions } from "./parser";
export { print } from "./print";
export { didYouMean, levenshtein } from "./suggest";
export type {
  EvalEnv,
  FunctionDef,
  FunctionRegistry,
  HolidayCalendar,
  Scope,
  ScopeTypes,
  TypeDesc,
} from "./types";
export { assignable, T, typeName } from "./types";
