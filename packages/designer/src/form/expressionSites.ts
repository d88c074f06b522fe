import type { JsonPath } from "../history/jsonPatch.ts";
import { LAYOUT_TYPES, walkFields } from "./fieldPaths.ts";
import type { ExprSite } from "./formScope.ts";
import type { DesignForm } from "./formTypes.ts";

/** One expression written in a form, with where it is and what it may read. */
export interface FormExpression {
  source: string;
  /** JSON path of the property holding the expression, e.g. `["fields", 3, "visible"]`. */
  path: JsonPath;
  site: ExprSite;
  /** Set on `calc` expressions: the scope-qualified key of the field computed (`total`, `rows.sum`). */
  computes?: string;
}

const FLAGS = ["required", "readonly", "disabled"] as const;

/**
 * Every expression of a form: conditions, flags written as expressions, calculations, computed
 * defaults and bounds, validation rules, option filters and form-level rules.
 */
export function formExpressions(form: DesignForm): FormExpression[] {
  const out: FormExpression[] = [];
  walkFields(form, ({ field, path, scope }) => {
    const site = { field: path };
    const add = (value: unknown, at: JsonPath, extra: Partial<FormExpression> = {}) => {
      if (typeof value === "string") out.push({ source: value, path: at, site, ...extra });
    };
    add(field.visible, [...path, "visible"]);
    if (LAYOUT_TYPES.has(field.type)) return;
    for (const flag of FLAGS) add(field[flag], [...path, flag]);
    add(field.calc, [...path, "calc"], field.key ? { computes: `${scope}${field.key}` } : {});
    add(field.defaultExpr, [...path, "defaultExpr"]);
    for (const bound of ["min", "max"] as const) {
      const value = field[bound];
      if (typeof value === "object" && value !== null && "expr" in value) {
        add((value as { expr: unknown }).expr, [...path, bound, "expr"]);
      }
    }
    if (Array.isArray(field.rules)) {
      field.rules.forEach((rule: { check?: unknown }, i) => {
        if (typeof rule?.check === "string") {
          out.push({
            source: rule.check,
            path: [...path, "rules", i, "check"],
            site: { field: path, rule: true },
          });
        }
      });
    }
    if (Array.isArray(field.options)) {
      field.options.forEach((option: { visible?: unknown }, i) => {
        add(option?.visible, [...path, "options", i, "visible"]);
      });
    }
  });
  if (Array.isArray(form.rules)) {
    form.rules.forEach((rule: { check?: unknown }, i) => {
      if (typeof rule?.check === "string")
        out.push({ source: rule.check, path: ["rules", i, "check"], site: {} });
    });
  }
  return out;
}
