/** Static types for the checker. Dates are strings at run time; `date`/`datetime` document intent. */
export type TypeDesc =
  | { kind: "string" | "number" | "boolean" | "date" | "datetime" | "null" | "any" }
  | { kind: "list"; of: TypeDesc }
  | { kind: "object"; fields: Record<string, TypeDesc>; open?: boolean };

/** The names visible to an expression and their types, e.g. `{ data: { kind: "object", fields: {...} } }`. */
export type ScopeTypes = Record<string, TypeDesc>;

/** The values visible to an expression (JSON values only). */
export type Scope = Record<string, unknown>;

/** A holiday calendar: `holidays` are days off; `workdays` are weekend days that are worked (调休). */
export interface HolidayCalendar {
  id: string;
  holidays: string[];
  workdays: string[];
}

/** The environment of one evaluation. Nothing is read from the host clock: `now` is given. */
export interface EvalEnv {
  /** ISO date-time with offset, e.g. "2026-09-30T09:00:00+08:00"; today()/now() come from it. */
  now: string;
  /** IANA time zone for today(); default "Asia/Shanghai". */
  timeZone?: string;
  /** Calendar for the working-day functions; without one, Monday–Friday are working days. */
  calendar?: HolidayCalendar;
  /** Evaluation step limit (one step per node visited). Default 50 000. */
  maxSteps?: number;
  /** Longest list a function may build. Default 10 000. */
  maxListSize?: number;
  /** Longest string a function or `+` may build. Default 100 000. */
  maxStringLength?: number;
  /** Host functions (engine org functions, form helpers). */
  functions?: FunctionRegistry;
}

/** A host function: typed for the checker, implemented in the host. */
export interface FunctionDef {
  /** Parameter types (the checker checks arguments against them; `any` accepts anything). */
  params: TypeDesc[];
  /** Fewest arguments; default `params.length` (the rest are optional). */
  minArgs?: number;
  returns: TypeDesc;
  /** Receives the evaluated arguments (JSON values) and the environment; must return a JSON value. */
  impl(args: unknown[], env: EvalEnv): unknown;
  /** One line of documentation, shown by tools. */
  doc?: string;
}

export type FunctionRegistry = Record<string, FunctionDef>;

export const T = {
  string: { kind: "string" },
  number: { kind: "number" },
  boolean: { kind: "boolean" },
  date: { kind: "date" },
  datetime: { kind: "datetime" },
  null: { kind: "null" },
  any: { kind: "any" },
  list(of: TypeDesc): TypeDesc {
    return { kind: "list", of };
  },
  object(fields: Record<string, TypeDesc>, open = false): TypeDesc {
    return open ? { kind: "object", fields, open: true } : { kind: "object", fields };
  },
} as const satisfies Record<string, TypeDesc | ((...a: never[]) => TypeDesc)>;

/** A short readable name of a type, e.g. `list<string>`. */
export function typeName(t: TypeDesc): string {
  switch (t.kind) {
    case "list":
      return `list<${typeName(t.of)}>`;
    case "object":
      return "object";
    default:
      return t.kind;
  }
}

function isStringy(k: TypeDesc["kind"]): boolean {
  return k === "string" || k === "date" || k === "datetime";
}

/** Can a value of type `actual` be passed where `expected` is wanted? `any` and `null` pass everywhere. */
export function assignable(actual: TypeDesc, expected: TypeDesc): boolean {
  if (expected.kind === "any" || actual.kind === "any" || actual.kind === "null") return true;
  if (isStringy(expected.kind) && isStringy(actual.kind)) return true;
  if (expected.kind === "list") return actual.kind === "list" && assignable(actual.of, expected.of);
  if (expected.kind === "object") return actual.kind === "object";
  return actual.kind === expected.kind;
}

/** The common type of two branches (conditional, list items). */
export function unify(a: TypeDesc, b: TypeDesc): TypeDesc {
  if (a.kind === "null") return b;
  if (b.kind === "null") return a;
  if (a.kind === "any" || b.kind === "any") return T.any;
  if (a.kind === "list" && b.kind === "list") return T.list(unify(a.of, b.of));
  if (a.kind === b.kind) return a;
  if (isStringy(a.kind) && isStringy(b.kind)) return T.string;
  return T.any;
}
