import { check } from "@wf/expr";
import type { DefinitionIssue } from "../errors";
import { orgFunctions } from "../expr/orgFunctions";
import { definitionScope } from "../expr/scopeTypes";
import { expressionSites } from "./expressionSites";
import type { StepIndex } from "./stepIndex";
import type { Definition } from "./types";

/**
 * Type-check every expression against the definition's declared data, so a misspelt field
 * (`data.candidat.birthDate`) is caught when the definition is loaded, not in the middle of a case.
 */
export function checkExpressions(def: Definition, index: StepIndex): DefinitionIssue[] {
  const functions = orgFunctions();
  const plain = { scope: definitionScope(def), functions };
  const withItem = { scope: definitionScope(def, { item: true }), functions };
  const issues: DefinitionIssue[] = [];
  for (const site of expressionSites(def, index)) {
    for (const i of check(site.source, site.item ? withItem : plain)) {
      const where = i.column !== undefined ? ` at column ${i.column}` : "";
      issues.push({
        path: site.path,
        message: `${i.message}${where} in \`${site.source}\``,
        ...(i.hint !== undefined ? { hint: i.hint } : {}),
      });
    }
  }
  return issues;
}
