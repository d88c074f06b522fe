import type { z } from "zod";
import type { DefinitionIssue } from "../errors";

/** `steps.review.outcomes.pass.to`, `separationOfDuties[0].steps`. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out === "" ? String(p) : `.${String(p)}`;
  }
  return out;
}

/** Turn zod's issues into definition issues whose messages a clerk-administrator can act on. */
export function zodIssues(error: z.ZodError, input: unknown): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  for (const issue of error.issues) {
    const path = formatPath(issue.path);
    const value = valueAt(input, issue.path);
    if (issue.code === "invalid_type" && value === undefined) {
      const key = String(issue.path[issue.path.length - 1] ?? "");
      const at = formatPath(issue.path.slice(0, -1));
      issues.push({ path: at, message: `missing required field "${key}" (${issue.expected})` });
    } else if (issue.code === "invalid_type") {
      issues.push({ path, message: `expected ${issue.expected}, got ${describe(value)}` });
    } else if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        issues.push({ path: formatPath([...issue.path, key]), message: `unknown field "${key}"` });
      }
    } else if (issue.code === "invalid_union" && "discriminator" in issue) {
      // zod 4 already ends the path with the discriminator key.
      issues.push({
        path,
        message: value === undefined ? `missing step "kind"` : `unknown step kind ${JSON.stringify(value)}`,
        hint: "one of userTask, auto, timer, multiTask, parallel, subProcess, end",
      });
    } else if (issue.code === "invalid_union") {
      issues.push({ path, message: `${describe(value)} does not fit: ${unionHint(issue)}` });
    } else if (issue.code === "invalid_value") {
      issues.push({
        path,
        message: `${describe(value)} is not allowed`,
        hint: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`,
      });
    } else {
      issues.push({ path, message: issue.message });
    }
  }
  return issues;
}

function unionHint(issue: z.core.$ZodIssueInvalidUnion): string {
  // Show the alternative that got furthest: the branch with the fewest issues.
  const best = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
  return best.map((i) => `${formatPath(i.path) || "value"}: ${i.message}`).join("; ");
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const p of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}
