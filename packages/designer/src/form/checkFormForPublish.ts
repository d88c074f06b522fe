import { check, type FunctionRegistry, fieldsRead, type TypeDesc } from "@wf/expr";
import { formFunctions, tryCompileForm } from "@wf/forms";
import { formExpressions } from "./expressionSites.ts";
import { formatPath, LAYOUT_TYPES, walkFields } from "./fieldPaths.ts";
import { findCalcCycles } from "./findCalcCycles.ts";
import { formScope } from "./formScope.ts";
import type { DesignForm, LocalText } from "./formTypes.ts";

/** What kind of problem a publish check found. */
export type FormIssueCode =
  | "duplicate-key"
  | "unknown-field"
  | "expression"
  | "missing-label"
  | "circular-calc"
  | "schema";

/** One problem that blocks publishing a form, at the JSON path the JSON view marks. */
export interface FormCheckIssue {
  /** `fields[2].visible`; "" for the whole form. */
  path: string;
  code: FormIssueCode;
  message: { zh: string; en: string };
  hint?: string;
}

/** Options of {@link checkFormForPublish}. */
export interface FormCheckOptions {
  /** Host functions expressions may call, beyond the built-ins and `@wf/forms`' own. */
  functions?: FunctionRegistry;
  /** Type of the case data `data`; any by default. */
  data?: TypeDesc;
}

function bothLanguages(text: unknown): boolean {
  const t = text as LocalText | undefined;
  return typeof t?.zh === "string" && t.zh.trim() !== "" && typeof t.en === "string" && t.en.trim() !== "";
}

function missingLabel(path: string, what: string): FormCheckIssue {
  return {
    path,
    code: "missing-label",
    message: {
      zh: `${path}：${what}缺少中文或英文`,
      en: `${path}: the ${what} needs both Chinese and English`,
    },
  };
}

/**
 * The checks run before a form is published: duplicate keys in a scope, expressions that read
 * unknown fields (or do not parse or type-check), labels missing a language, and calculated
 * fields that depend on themselves. Problems `@wf/forms` finds that these do not cover (a wizard
 * not at the top, a malformed property) are added with the code `schema`.
 */
export function checkFormForPublish(form: DesignForm, options: FormCheckOptions = {}): FormCheckIssue[] {
  const issues: FormCheckIssue[] = [];
  const seen = new Set<string>();
  walkFields(form, ({ field, path, scope }) => {
    const at = formatPath(path);
    if (field.key) {
      const qualified = `${scope}${field.key}`;
      if (seen.has(qualified)) {
        issues.push({
          path: `${at}.key`,
          code: "duplicate-key",
          message: {
            zh: `${at}：字段标识“${field.key}”重复`,
            en: `${at}: the key "${field.key}" is used twice`,
          },
        });
      }
      seen.add(qualified);
    }
    if (!LAYOUT_TYPES.has(field.type) && !bothLanguages(field.label)) issues.push(missingLabel(at, "label"));
    if (field.type === "static" && !bothLanguages(field.text)) issues.push(missingLabel(at, "text"));
    for (const panelKey of ["tabs", "pages"] as const) {
      const panels = field[panelKey];
      if (!Array.isArray(panels)) continue;
      panels.forEach((panel: { title?: unknown }, i) => {
        if (!bothLanguages(panel?.title)) issues.push(missingLabel(`${at}.${panelKey}[${i}]`, "title"));
      });
    }
    if (Array.isArray(field.options)) {
      field.options.forEach((option: { label?: unknown }, i) => {
        if (!bothLanguages(option?.label)) issues.push(missingLabel(`${at}.options[${i}]`, "option label"));
      });
    }
  });

  const functions = { ...formFunctions, ...options.functions };
  const expressions = formExpressions(form);
  for (const expr of expressions) {
    const scope = formScope(form, expr.site, options.data);
    for (const found of check(expr.source, { scope, functions })) {
      const unknown = /^Unknown (name|field) /.test(found.message);
      const where = formatPath(expr.path);
      issues.push({
        path: where,
        code: unknown ? "unknown-field" : "expression",
        message: {
          zh: `${where}：${unknown ? "表达式引用了未知字段" : "表达式有误"}（${found.message}）`,
          en: `${where}: ${found.message} in \`${expr.source}\``,
        },
        ...(found.hint === undefined ? {} : { hint: found.hint }),
      });
    }
  }

  for (const cycle of findCalcCycles(expressions, (source) => fieldsRead(source))) {
    const chain = [...cycle.keys, cycle.keys[0]].join(" → ");
    issues.push({
      path: formatPath(cycle.path),
      code: "circular-calc",
      message: {
        zh: `计算字段循环依赖：${chain}`,
        en: `calculated fields depend on each other in a circle: ${chain}`,
      },
    });
  }

  const covered = new Set(issues.map((i) => i.path));
  const compiled = tryCompileForm(form);
  for (const found of compiled.issues) {
    if (covered.has(found.path) || covered.has(found.path.replace(/\.key$/, ""))) continue;
    if (/duplicate key|circular|Unknown (name|field)/i.test(found.message)) continue;
    issues.push({
      path: found.path,
      code: "schema",
      message: { zh: `${found.path}：${found.message}`, en: `${found.path}: ${found.message}` },
      ...(found.hint === undefined ? {} : { hint: found.hint }),
    });
  }
  return issues;
}
