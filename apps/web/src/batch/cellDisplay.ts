import type { LocalizedText } from "../i18n/I18nProvider.tsx";
import type { OrgIndex } from "../org/orgCatalog.ts";
import type { ImportColumn } from "./candidateRows.ts";

/** A value as the clerk wrote it: option labels for options, unit names for unit ids. */
export function cellDisplay(column: ImportColumn, value: unknown, org: OrgIndex): LocalizedText {
  if (value === null || value === undefined || value === "") return { zh: "", en: "" };
  if (column.type === "orgPicker" && typeof value === "string") return org.unit(value)?.name ?? { zh: value };
  const option = column.options?.find((o) => o.value === String(value));
  if (option) return option.label;
  if (typeof value === "boolean") return value ? { zh: "是", en: "Yes" } : { zh: "否", en: "No" };
  return { zh: String(value) };
}
