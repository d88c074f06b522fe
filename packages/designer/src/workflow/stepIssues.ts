import { parseIssuePath } from "../json/locateJsonPath.ts";

/** A problem the engine's static checks found, at a JSON path such as `steps.review.outcomes.pass.to`. */
export interface PathIssue {
  path: string;
  message: string;
  hint?: string;
}

/** The step an issue path points into (the innermost one, for steps inside parallel branches). */
export function stepOfIssue(path: string): string | undefined {
  const segments = parseIssuePath(path);
  for (let i = segments.length - 2; i >= 0; i--) {
    const next = segments[i + 1];
    if (segments[i] === "steps" && typeof next === "string" && !/^\d+$/.test(next)) return next;
  }
  return undefined;
}

/** Issues grouped by the step they belong to; issues of the definition as a whole under "". */
export function issuesByStep(issues: readonly PathIssue[]): Map<string, PathIssue[]> {
  const grouped = new Map<string, PathIssue[]>();
  for (const issue of issues) {
    const step = stepOfIssue(issue.path) ?? "";
    grouped.set(step, [...(grouped.get(step) ?? []), issue]);
  }
  return grouped;
}
