import type { DataField, Definition } from "../definition/types";
import { ValidationError, type ValidationIssue } from "../errors";

function fits(f: DataField, v: unknown): boolean {
  if (v === null || v === undefined) return true;
  switch (f.type) {
    case "string":
    case "person":
    case "orgUnit":
      return typeof v === "string";
    case "date":
      return typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);
    case "datetime":
      return typeof v === "string" && !Number.isNaN(Date.parse(v));
    case "number":
      return typeof v === "number" && Number.isFinite(v);
    case "boolean":
      return typeof v === "boolean";
    case "list":
      return Array.isArray(v) && (f.of === undefined || v.every((x) => fits(f.of!, x)));
    case "object":
      return typeof v === "object" && !Array.isArray(v);
    case "any":
      return true;
  }
}

/**
 * Refuse start data with undeclared keys or values of the wrong type, so a case never begins
 * with data its expressions were not checked against.
 */
export function checkStartData(def: Definition, data: Record<string, unknown>): void {
  const declared = def.data ?? {};
  const issues: ValidationIssue[] = [];
  for (const [key, value] of Object.entries(data)) {
    const f = declared[key];
    if (!f) {
      issues.push({
        field: key,
        severity: "block",
        message: { zh: `未声明的数据项 ${key}`, en: `"${key}" is not declared in the definition's data` },
      });
    } else if (!fits(f, value)) {
      issues.push({
        field: key,
        severity: "block",
        message: { zh: `${key} 类型应为 ${f.type}`, en: `"${key}" should be a ${f.type}` },
      });
    }
  }
  if (issues.length > 0) {
    throw new ValidationError(
      `cannot start "${def.id}": ${issues.map((i) => i.message.en).join("; ")}`,
      issues,
    );
  }
}
