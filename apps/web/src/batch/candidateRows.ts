import type { OrgUnit } from "@wf/engine";
import {
  applyCalcs,
  type CompiledField,
  type CompiledForm,
  type FormContext,
  initialValues,
} from "@wf/forms";
import type { LocalizedText } from "../i18n/I18nProvider.tsx";

/** A column of the import: one input field of the form the batch fills in. */
export interface ImportColumn {
  key: string;
  label: LocalizedText;
  type: string;
  required: boolean;
  /** Accepted values, as written in a cell (option labels and values) — for the template's hint. */
  options?: { value: string; label: LocalizedText }[];
}

/** One problem in the file: the sheet row (1 = header) and, where known, the column. */
interface RowIssue {
  row: number;
  /** Column letter and header as in the sheet, e.g. `C 公民身份号码`; undefined for the row as a whole. */
  column?: string;
  message: LocalizedText;
}

/** A data row read from the file: its sheet row number, the form values, and its issues. */
interface CandidateRow {
  row: number;
  values: Record<string, unknown>;
  issues: RowIssue[];
}

/** The file read against the form: header problems, then every data row. */
export interface ImportCheck {
  columns: ImportColumn[];
  headerIssues: RowIssue[];
  rows: CandidateRow[];
}

/** Field types a spreadsheet cell can hold; others (tables, files, signatures, people) are left out. */
const cellTypes = new Set([
  "text",
  "textarea",
  "idCard",
  "mobile",
  "number",
  "money",
  "date",
  "select",
  "radio",
  "switch",
  "checkbox",
  "orgPicker",
]);

/** The columns a batch file may have: the form's top-level input fields (not calculated or read-only). */
export function importColumns(form: CompiledForm): ImportColumn[] {
  return form.topLevel
    .filter((f) => cellTypes.has(f.json.type) && !f.calc && f.json.readonly !== true)
    .map((f) => {
      const options = f.options?.map((o) => ({
        value: String(o.option.value),
        label: o.option.label as LocalizedText,
      }));
      return {
        key: f.key,
        label: (f.json.label as LocalizedText | undefined) ?? { zh: f.key, en: f.key },
        type: f.json.type,
        required: f.json.required === true,
        ...(options ? { options } : {}),
      };
    });
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, "");
const both = (zh: string, en = zh): LocalizedText => ({ zh, en });

/** What the checks need besides the form: units by id and name, and the values already in use. */
export interface RowContext {
  units: readonly OrgUnit[];
  /** Form context for calculations and validation (clock, calendar, directory). */
  formContext: FormContext;
  /** Validates one row's values with the form's own rules (the engine's FormValidator port). */
  validate(values: Record<string, unknown>): { path: string; message: LocalizedText }[];
  /** ID numbers that already have a running case of this procedure, to refuse duplicates. */
  runningIds: ReadonlySet<string>;
  /** The key holding the person's ID number, when the form has one (duplicate checks). */
  idKey?: string;
  /**
   * The area the importing person works for (their township or county): a unit picked in a row
   * must lie inside it, or the case's later levels would go to another township's committee.
   */
  area?: OrgUnit;
}

/**
 * Reads the rows of a file (header first) against the form: maps headers to fields (by key or by
 * the Chinese or English label), converts every cell to the field's value (option labels to
 * values, village names to ids, dates to ISO), runs the form's validation, and reports each
 * problem at its sheet row and column. Nothing is started here.
 */
export function checkCandidateRows(table: string[][], form: CompiledForm, ctx: RowContext): ImportCheck {
  const columns = importColumns(form);
  const headerIssues: RowIssue[] = [];
  const [header = [], ...body] = table;
  const columnOf = new Map<string, number>();
  header.forEach((cell, i) => {
    if (cell.trim() === "") return;
    const column = columns.find(
      (c) =>
        norm(c.key) === norm(cell) ||
        norm(c.label.zh) === norm(cell) ||
        norm(c.label.en ?? "") === norm(cell),
    );
    const where = `${columnLetter(i)} ${cell.trim()}`;
    if (!column)
      headerIssues.push({
        row: 1,
        column: where,
        message: {
          zh: `无法识别的列“${cell.trim()}”,可用的列:${columns.map((c) => c.label.zh).join("、")}`,
          en: `unknown column "${cell.trim()}"; the columns are: ${columns.map((c) => c.label.en ?? c.key).join(", ")}`,
        },
      });
    else if (columnOf.has(column.key))
      headerIssues.push({
        row: 1,
        column: where,
        message: both(
          `“${column.label.zh}”列重复`,
          `column "${column.label.en ?? column.key}" appears twice`,
        ),
      });
    else columnOf.set(column.key, i);
  });
  for (const c of columns)
    if (c.required && !columnOf.has(c.key))
      headerIssues.push({
        row: 1,
        message: both(`缺少必填列“${c.label.zh}”`, `the required column "${c.label.en ?? c.key}" is missing`),
      });

  const where = (key: string) => {
    const i = columnOf.get(key);
    return i === undefined ? undefined : `${columnLetter(i)} ${header[i]?.trim() ?? ""}`;
  };
  const units = unitLookup(ctx.units);
  const seenIds = new Map<string, number>();
  const rows: CandidateRow[] = [];
  body.forEach((cells, n) => {
    const row = n + 2;
    if (cells.every((c) => c.trim() === "")) return;
    const issues: RowIssue[] = [];
    const raw: Record<string, unknown> = {};
    for (const c of columns) {
      const i = columnOf.get(c.key);
      const text = i === undefined ? "" : (cells[i] ?? "").trim();
      const field = form.fields.get(c.key);
      if (!field) continue;
      const converted = convertCell(text, field, units, ctx.area);
      if ("error" in converted) {
        const column = where(c.key);
        issues.push({ row, ...(column ? { column } : {}), message: converted.error });
      } else raw[c.key] = converted.value;
    }
    const values = applyCalcs(form, initialValues(form, ctx.formContext, raw), ctx.formContext).values;
    // A cell that could not be converted already has its issue; the form's "required" on it would repeat it.
    const failed = new Set(issues.map((i) => i.column));
    for (const issue of ctx.validate(values)) {
      const key = issue.path.split(/[.[]/)[0] ?? issue.path;
      const column = where(key);
      if (column && failed.has(column)) continue;
      const label = (form.fields.get(key)?.json.label as LocalizedText | undefined) ?? both(key);
      issues.push({
        row,
        ...(column ? { column } : {}),
        message: column
          ? issue.message
          : {
              zh: `${label.zh}:${issue.message.zh}`,
              en: `${label.en ?? label.zh}: ${issue.message.en ?? issue.message.zh}`,
            },
      });
    }
    const id = ctx.idKey ? values[ctx.idKey] : undefined;
    if (typeof id === "string" && id !== "") {
      const column = where(ctx.idKey ?? "");
      const first = seenIds.get(id.toUpperCase());
      if (first !== undefined)
        issues.push({
          row,
          ...(column ? { column } : {}),
          message: both(`与第 ${first} 行重复`, `same as row ${first}`),
        });
      else seenIds.set(id.toUpperCase(), row);
      if (ctx.runningIds.has(id.toUpperCase()))
        issues.push({
          row,
          ...(column ? { column } : {}),
          message: both("此人已有办理中的评估案件", "this person already has a running vetting case"),
        });
    }
    rows.push({ row, values, issues: issues.sort((a, b) => columnOrder(a) - columnOrder(b)) });
  });
  return { columns, headerIssues, rows };
}

/** An issue's place from left to right (its column letters); whole-row issues go last. */
function columnOrder(issue: RowIssue): number {
  const letters = issue.column?.split(" ")[0] ?? "";
  if (!/^[A-Z]+$/.test(letters)) return Number.MAX_SAFE_INTEGER;
  return [...letters].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);
}

interface UnitLookup {
  byId: Map<string, OrgUnit>;
  byName: Map<string, OrgUnit[]>;
}

function unitLookup(units: readonly OrgUnit[]): UnitLookup {
  const byId = new Map<string, OrgUnit>();
  const byName = new Map<string, OrgUnit[]>();
  for (const u of units) {
    byId.set(u.id, u);
    for (const name of [u.name.zh, u.name.en]) {
      if (!name) continue;
      const list = byName.get(norm(name)) ?? [];
      list.push(u);
      byName.set(norm(name), list);
    }
  }
  return { byId, byName };
}

type Converted = { value: unknown } | { error: LocalizedText };

/** Whether `unit` is `area` or lies below it in the org tree. */
function isWithin(unit: OrgUnit, area: OrgUnit, units: UnitLookup): boolean {
  const seen = new Set<string>();
  for (
    let u: OrgUnit | undefined = unit;
    u && !seen.has(u.id);
    u = u.parent ? units.byId.get(u.parent) : undefined
  ) {
    if (u.id === area.id) return true;
    seen.add(u.id);
  }
  return false;
}

/** One cell's text as the field's value; an empty cell is `null` (the form decides if that is allowed). */
function convertCell(
  text: string,
  field: CompiledField,
  units: UnitLookup,
  area: OrgUnit | undefined,
): Converted {
  if (text === "") return { value: null };
  const json = field.json;
  switch (json.type) {
    case "number":
    case "money": {
      const n = Number(text.replace(/,/g, ""));
      return Number.isFinite(n)
        ? { value: n }
        : { error: both(`“${text}”不是数字`, `"${text}" is not a number`) };
    }
    case "switch":
    case "checkbox": {
      const t = norm(text);
      if (["是", "true", "yes", "y", "1", "√"].includes(t)) return { value: true };
      if (["否", "false", "no", "n", "0", "×"].includes(t)) return { value: false };
      return { error: both(`“${text}”应为“是”或“否”`, `"${text}" should be yes or no`) };
    }
    case "date": {
      const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
      if (!m)
        return {
          error: both(`“${text}”不是日期(例如 2026-03-02)`, `"${text}" is not a date (e.g. 2026-03-02)`),
        };
      return { value: `${m[1]}-${m[2]?.padStart(2, "0")}-${m[3]?.padStart(2, "0")}` };
    }
    case "select":
    case "radio": {
      const options = field.options ?? [];
      const hit = options.find(
        ({ option }) =>
          norm(String(option.value)) === norm(text) ||
          norm(option.label.zh) === norm(text) ||
          norm(option.label.en ?? "") === norm(text),
      );
      if (hit) return { value: hit.option.value };
      return {
        error: {
          zh: `“${text}”不是可选值:${options.map((o) => o.option.label.zh).join("、")}`,
          en: `"${text}" is not one of: ${options.map((o) => o.option.label.en ?? o.option.label.zh).join(", ")}`,
        },
      };
    }
    case "orgPicker": {
      const level = "level" in json ? json.level : undefined;
      const fits = (u: OrgUnit) => level === undefined || u.level === level;
      const inside = (u: OrgUnit): Converted => {
        if (area && !isWithin(u, area, units))
          return {
            error: {
              zh: `“${u.name.zh}”不在本单位辖区(${area.name.zh})内`,
              en: `"${u.name.en ?? u.name.zh}" is outside your area (${area.name.en ?? area.name.zh})`,
            },
          };
        return { value: u.id };
      };
      const byId = units.byId.get(text);
      if (byId && fits(byId)) return inside(byId);
      const named = (units.byName.get(norm(text)) ?? []).filter(fits);
      if (named.length === 1 && named[0]) return inside(named[0]);
      if (named.length > 1)
        return {
          error: both(
            `“${text}”有 ${named.length} 个同名单位,请填写单位编号`,
            `"${text}" names ${named.length} units; use the unit id`,
          ),
        };
      return { error: both(`找不到单位“${text}”`, `no unit "${text}" in the org catalog`) };
    }
    default:
      return { value: text };
  }
}
