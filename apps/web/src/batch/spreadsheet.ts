import { parseCsv } from "./csv.ts";

/** One sheet to write: a name, a header row and the data rows. */
export interface SheetData {
  name: string;
  header: string[];
  rows: (string | number | null)[][];
}

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The file kinds the import accepts, for the file input's `accept`. */
export const tableFileAccept = `.csv,.xlsx,text/csv,${xlsxType}`;

/** A file the import cannot read as a table (wrong kind, broken workbook, empty sheet). */
class TableFileError extends Error {
  override readonly name = "TableFileError";
  constructor(
    readonly reason: "kind" | "unreadable" | "empty",
    detail = "",
  ) {
    super(detail || reason);
  }
}

// exceljs is about a megabyte: loaded on first use, so a clerk who never imports never pays for it.
const loadExcel = () => import("exceljs").then((m) => m.default ?? m);

/**
 * Reads a CSV or .xlsx file into rows of cell texts (the first worksheet of a workbook). Dates
 * become `YYYY-MM-DD`, numbers their plain text, formulas their cached result, so a long ID number
 * typed as text stays exactly as typed.
 */
export async function readTableFile(file: Blob & { name: string }): Promise<string[][]> {
  const name = file.name.toLowerCase();
  if (name.endsWith(".csv")) return nonEmpty(parseCsv(decodeText(await file.arrayBuffer())));
  if (!name.endsWith(".xlsx")) throw new TableFileError("kind", file.name);
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(await file.arrayBuffer());
  } catch (error) {
    throw new TableFileError("unreadable", error instanceof Error ? error.message : String(error));
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new TableFileError("empty");
  const rows: string[][] = [];
  // Keep blank rows in place (as empty rows) so the row numbers shown match Excel's.
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  return nonEmpty(rows);
}

/**
 * CSV text as UTF-8, or as GB 18030 when it is not valid UTF-8: Excel on a Chinese Windows saves
 * "CSV (逗号分隔)" in the system code page (GBK), and only "CSV UTF-8" in UTF-8.
 */
function decodeText(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

function nonEmpty(rows: string[][]): string[][] {
  if (!rows.some((r) => r.some((c) => c.trim() !== ""))) throw new TableFileError("empty");
  return rows;
}

/** The text of an exceljs cell value, whatever its type. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const v = value as {
      text?: unknown;
      result?: unknown;
      richText?: { text: string }[];
      hyperlink?: string;
    };
    if (Array.isArray(v.richText))
      return v.richText
        .map((p) => p.text)
        .join("")
        .trim();
    if ("result" in v) return cellText(v.result);
    if (typeof v.text === "string") return v.text.trim();
    return "";
  }
  return String(value).trim();
}

/** Writes sheets into an .xlsx file: bold, frozen header row, columns sized to their content. */
export async function writeWorkbook(sheets: SheetData[]): Promise<Blob> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.addRow(s.header).font = { bold: true };
    for (const r of s.rows) sheet.addRow(r.map((v) => v ?? ""));
    sheet.columns.forEach((column, i) => {
      const longest = Math.max(
        displayWidth(s.header[i] ?? ""),
        ...s.rows.map((r) => displayWidth(String(r[i] ?? ""))),
      );
      column.width = Math.min(60, Math.max(8, longest + 2));
      // Text format, so ID numbers and dates are never turned into numbers when edited.
      column.numFmt = "@";
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer as ArrayBuffer], { type: xlsxType });
}

// CJK characters take two columns in Excel's width units.
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return w;
}
