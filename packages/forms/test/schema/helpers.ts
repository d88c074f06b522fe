import { residentIdCheckChar } from "@wf/expr";
import {
  compileForm,
  type FieldJson,
  type FieldPermissions,
  type FormContext,
  validateForm,
} from "../../src/index";

/** A fixed clock, so date rules and today() are deterministic. */
export const ctx: FormContext = { env: { now: "2026-03-15T09:00:00+08:00" } };

/** Compiles a one-off form from its fields. */
export function formOf(fields: unknown[], rules?: unknown[]) {
  return compileForm({
    id: "fs-test",
    version: 1,
    title: { zh: "测试" },
    fields,
    ...(rules ? { rules } : {}),
  });
}

/** Validates values against a form of the given fields; returns "path:rule" strings. */
export function problems(
  fields: unknown[],
  values: unknown,
  permissions?: FieldPermissions,
  c: FormContext = ctx,
) {
  return validateForm(formOf(fields), values, permissions, c).map((i) => `${i.path}:${i.rule}`);
}

/** A valid 18-digit resident ID for a region, birth date (YYYYMMDD) and sequence. */
export function residentId(birth: string, seq = "123", region = "110105"): string {
  const first = `${region}${birth}${seq}`;
  return first + residentIdCheckChar(first);
}

/** One field definition (shorthand for tests). */
export function field(key: string, type: string, extra: Record<string, unknown> = {}): FieldJson {
  return { key, type, ...extra } as FieldJson;
}
