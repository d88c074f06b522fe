/** One problem found in an expression, with its position in the source (0-based offset, 1-based line/column). */
export interface ExprIssue {
  /** `syntax` | `type` | `eval` | `limit` */
  kind: "syntax" | "type" | "eval" | "limit";
  message: string;
  /** 0-based offset of the first character of the offending part, when known. */
  offset?: number;
  /** 0-based offset just past the offending part, when known. */
  end?: number;
  line?: number;
  column?: number;
  /** A suggested fix, e.g. the field name the author probably meant. */
  hint?: string;
}

/** Line and column (both 1-based) of a 0-based offset. */
export function lineColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const stop = Math.min(offset, source.length);
  for (let i = 0; i < stop; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Base class of every error the expression language throws. */
export class ExprError extends Error {
  readonly kind: ExprIssue["kind"];
  readonly offset: number | undefined;
  readonly end: number | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly hint: string | undefined;
  /** Every issue found (compile reports all type errors at once); the first is this error's own. */
  readonly issues: ExprIssue[];
  /** The source text, when known. */
  readonly source: string | undefined;

  constructor(
    kind: ExprIssue["kind"],
    message: string,
    opts: {
      offset?: number | undefined;
      end?: number | undefined;
      source?: string | undefined;
      hint?: string | undefined;
      issues?: ExprIssue[];
      cause?: unknown;
    } = {},
  ) {
    const where =
      opts.offset !== undefined && opts.source !== undefined
        ? lineColumn(opts.source, opts.offset)
        : undefined;
    const suffix = where ? ` (at line ${where.line}, column ${where.column})` : "";
    const advice = opts.hint !== undefined && !message.includes(opts.hint) ? `; ${opts.hint}` : "";
    super(message + advice + suffix, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.kind = kind;
    this.offset = opts.offset;
    this.end = opts.end;
    this.line = where?.line;
    this.column = where?.column;
    this.hint = opts.hint;
    this.source = opts.source;
    const own: ExprIssue = { kind, message };
    if (opts.offset !== undefined) own.offset = opts.offset;
    if (opts.end !== undefined) own.end = opts.end;
    if (where) {
      own.line = where.line;
      own.column = where.column;
    }
    if (opts.hint !== undefined) own.hint = opts.hint;
    this.issues = opts.issues && opts.issues.length > 0 ? opts.issues : [own];
  }

  /** The issue form of this error (what `check` returns). */
  toIssue(): ExprIssue {
    return this.issues[0]!;
  }
}

/** The source is not a valid expression. */
export class ExprSyntaxError extends ExprError {
  constructor(message: string, opts: ConstructorParameters<typeof ExprError>[2] = {}) {
    super("syntax", message, opts);
    this.name = "ExprSyntaxError";
  }
}

/** The expression does not fit the declared scope types or function signatures. */
export class ExprTypeError extends ExprError {
  constructor(message: string, opts: ConstructorParameters<typeof ExprError>[2] = {}) {
    super("type", message, opts);
    this.name = "ExprTypeError";
  }
}

/** Evaluation failed on the given data (wrong value type, division by zero, unknown function...). */
export class ExprEvalError extends ExprError {
  constructor(message: string, opts: ConstructorParameters<typeof ExprError>[2] = {}) {
    super("eval", message, opts);
    this.name = "ExprEvalError";
  }
}

/** A safety limit was hit (steps, nesting depth, list or string size, source length). */
export class ExprLimitError extends ExprError {
  constructor(message: string, opts: ConstructorParameters<typeof ExprError>[2] = {}) {
    super("limit", message, opts);
    this.name = "ExprLimitError";
  }
}

/** Make an issue with line/column filled in from the source. */
export function makeIssue(
  kind: ExprIssue["kind"],
  message: string,
  source: string | undefined,
  offset?: number,
  end?: number,
  hint?: string,
): ExprIssue {
  const issue: ExprIssue = { kind, message };
  if (offset !== undefined) {
    issue.offset = offset;
    if (end !== undefined) issue.end = end;
    if (source !== undefined) {
      const { line, column } = lineColumn(source, offset);
      issue.line = line;
      issue.column = column;
    }
  }
  if (hint !== undefined) issue.hint = hint;
  return issue;
}
