import { assignable, check, compile, type TypeDesc, typeName } from "@wf/expr";
import type { DefinitionIssue } from "../errors";
import { orgFunctions } from "../expr/orgFunctions";
import { definitionScope, fieldType } from "../expr/scopeTypes";
import { dataKey } from "./checkReferences";
import { expressionSites, messageTemplateIssues } from "./expressionSites";
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
  const issues: DefinitionIssue[] = messageTemplateIssues(def);
  for (const site of expressionSites(def, index)) {
    const opts = site.item ? withItem : plain;
    // check() reports every issue; only a clean expression is compiled, once, for its result type.
    const found = check(site.source, opts);
    const got =
      found.length === 0 && (site.writes !== undefined || site.expect !== undefined)
        ? compile(site.source, opts).resultType
        : undefined;
    const target = site.writes === undefined ? undefined : declaredType(def, site.writes);
    if (got && target && !assignable(got, target)) {
      issues.push({
        path: site.path,
        message: `\`${site.source}\` gives ${typeName(got)}, but ${site.writes} is declared ${typeName(target)}`,
      });
    }
    if (got && site.expect !== undefined && !fits(got, site.expect)) {
      issues.push({
        path: site.path,
        message: `\`${site.source}\` gives ${typeName(got)}, but a ${site.expect} is needed here`,
      });
    }
    for (const i of found) {
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

/** Whether a static result type can be used where `expect` is needed (`any` and `null` always can). */
function fits(t: TypeDesc, expect: "boolean" | "number" | "string" | "list"): boolean {
  if (t.kind === "any" || t.kind === "null") return true;
  if (expect === "string") return t.kind === "string" || t.kind === "date" || t.kind === "datetime";
  return t.kind === expect;
}

/** The declared type at a data path (`data.candidate.age`), or undefined when not declared. */
function declaredType(def: Definition, path: string): TypeDesc | undefined {
  const [top, ...rest] = dataKey(path).split(".");
  const field = top === undefined ? undefined : def.data?.[top];
  let t: TypeDesc | undefined = field ? fieldType(field) : undefined;
  for (const key of rest) {
    if (t?.kind !== "object") return undefined;
    t = t.fields[key] ?? (t.open ? { kind: "any" } : undefined);
  }
  return t;
}
