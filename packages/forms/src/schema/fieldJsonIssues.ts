import { checkFieldValue, isEmptyValue } from "./fieldValueSchema";
import type { ValueFieldJson } from "./formJson";
import type { FormJsonIssue } from "./types";

type Limits = {
  [K in
    | "min"
    | "max"
    | "minLength"
    | "maxLength"
    | "minItems"
    | "maxItems"
    | "minRows"
    | "maxRows"]?: unknown;
};

// A bound given as a number or date; `{ expr }` bounds are only known when validating.
const fixed = (v: unknown) => (typeof v === "number" || typeof v === "string" ? v : undefined);

/**
 * Problems in one field's own properties that its JSON shape cannot express: limits the wrong way
 * round, duplicate option values, totals outside a table, a default that the field would refuse.
 */
export function fieldJsonIssues(f: ValueFieldJson, where: string): FormJsonIssue[] {
  const issues: FormJsonIssue[] = [];
  const limits = f as Limits;
  for (const [lo, hi] of [
    ["min", "max"],
    ["minLength", "maxLength"],
    ["minItems", "maxItems"],
    ["minRows", "maxRows"],
  ] as const) {
    const a = limits[lo];
    const b = limits[hi];
    // Only fixed bounds of one kind compare; `{ expr }` bounds are known at validation time.
    if ((typeof a === "number" && typeof b === "number") || (typeof a === "string" && typeof b === "string"))
      if (a > b)
        issues.push({
          path: `${where}.${lo}`,
          message: `${lo} ${String(a)} is greater than ${hi} ${String(b)}`,
        });
  }
  if ("options" in f) {
    const seen = new Set<string | number>();
    f.options.forEach((o, i) => {
      if (seen.has(o.value))
        issues.push({
          path: `${where}.options[${i}].value`,
          message: `duplicate option value ${JSON.stringify(o.value)}`,
        });
      seen.add(o.value);
    });
  }
  if (f.type === "group" && f.totals !== undefined)
    issues.push({
      path: `${where}.totals`,
      message: "totals apply to tables only",
      hint: 'use "type": "table"',
    });
  if (f.default !== undefined && !isEmptyValue(f, f.default)) {
    let problem: string | undefined;
    const options = "options" in f ? f.options : undefined;
    checkFieldValue(f, { min: fixed(limits.min), max: fixed(limits.max), options }, f.default, (_rule, m) => {
      problem ??= m.en;
    });
    if (problem !== undefined)
      issues.push({ path: `${where}.default`, message: `the default is refused by the field: ${problem}` });
  }
  return issues;
}
