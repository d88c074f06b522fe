/**
 * Typed refusals. Every error the engine throws on purpose is one of these, so a caller can
 * `instanceof`-switch and show the message; each message says what went wrong and what to do.
 */

/** One problem in a definition, located by its JSON path (`steps.review.outcomes.pass.to`). */
export interface DefinitionIssue {
  path: string;
  message: string;
  hint?: string;
}

/** One problem in submitted data: a form field or a named rule. */
export interface ValidationIssue {
  /** Form field path, e.g. `candidate.birthDate`; absent for rule issues. */
  field?: string;
  /** Rule name for rule issues. */
  rule?: string;
  message: { zh: string; en: string };
  severity: "block" | "warn" | "info";
}

/** Base class of every engine refusal. */
export class EngineError extends Error {
  /** Stable machine-readable code, e.g. `"not-authorized"`. */
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** The actor does not hold the task's role at the task's org unit (or may not start/cancel). */
export class NotAuthorizedError extends EngineError {
  constructor(message: string) {
    super("not-authorized", message);
  }
}

/** The definition's separation-of-duties rules forbid this person acting at this step. */
export class SeparationOfDutiesError extends EngineError {
  constructor(message: string) {
    super("separation-of-duties", message);
  }
}

/** Submitted form data or the step's block rules failed; `issues` lists each field or rule. */
export class ValidationError extends EngineError {
  readonly issues: ValidationIssue[];
  constructor(message: string, issues: ValidationIssue[]) {
    super("validation", message);
    this.issues = issues;
  }
}

/** Stale `expectedVersion`, a task claimed by someone else, or an action id reused. Nothing was written. */
export class ConflictError extends EngineError {
  constructor(message: string) {
    super("conflict", message);
  }
}

/** Unknown instance, task, definition, outcome or step. */
export class NotFoundError extends EngineError {
  constructor(message: string) {
    super("not-found", message);
  }
}

/** A definition failed validation; `issues` lists every problem with its JSON path. */
export class DefinitionError extends EngineError {
  readonly issues: DefinitionIssue[];
  constructor(issues: DefinitionIssue[], title = "invalid workflow definition") {
    super("definition", `${title}:\n${issues.map(formatIssue).join("\n")}`);
    this.issues = issues;
  }
}

/** `path: message (hint)` — the line format the CLI prints. */
export function formatIssue(issue: DefinitionIssue): string {
  const where = issue.path === "" ? "(root)" : issue.path;
  return `${where}: ${issue.message}${issue.hint ? ` (${issue.hint})` : ""}`;
}
