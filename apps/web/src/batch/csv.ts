/**
 * RFC 4180 CSV, the way spreadsheet programs write it: fields separated by commas, optionally
 * quoted with `"`; a quoted field may hold commas, line breaks and doubled quotes (`""`). Line
 * ends may be CRLF, LF or CR. A leading byte-order mark (Excel's "CSV UTF-8") is dropped.
 */

/** A CSV text the parser could not read, with the 1-based line where it went wrong. */
export class CsvError extends Error {
  override readonly name = "CsvError";
  constructor(
    readonly line: number,
    readonly reason: "unclosed-quote" | "text-after-quote",
  ) {
    super(
      `CSV line ${line}: ${reason === "unclosed-quote" ? "a quoted field is never closed" : "text after a closing quote"}`,
    );
  }
}

/**
 * Parses CSV text into rows of fields. Rows that are entirely empty (blank lines, a trailing line
 * break) are dropped; every other row keeps its fields as written, even when counts differ.
 *
 * @example
 * parseCsv('name,note\r\n"Li, Wei","two\nlines"') // [["name", "note"], ["Li, Wei", "two\nlines"]]
 */
export function parseCsv(text: string): string[][] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let line = 1;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = "";
  };
  const endRow = () => {
    endField();
    if (row.some((f) => f !== "")) rows.push(row);
    row = [];
  };
  while (i < source.length) {
    const c = source[i];
    if (c === '"' && field === "") {
      // A quoted field: read up to the closing quote, which must end the field.
      const startLine = line;
      i++;
      for (;;) {
        if (i >= source.length) throw new CsvError(startLine, "unclosed-quote");
        const q = source[i];
        if (q === '"') {
          if (source[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === "\n" || (q === "\r" && source[i + 1] !== "\n")) line++;
        field += q;
        i++;
      }
      const next = source[i];
      if (next !== undefined && next !== "," && next !== "\n" && next !== "\r")
        throw new CsvError(line, "text-after-quote");
      // An empty quoted field ("") must still count as a field: mark it so `field === ""` below
      // does not mistake the next character for the start of another quote.
      if (field === "") {
        if (next === ",") {
          endField();
          i++;
        }
        continue;
      }
      continue;
    }
    if (c === ",") {
      endField();
      i++;
    } else if (c === "\r" || c === "\n") {
      endRow();
      i += c === "\r" && source[i + 1] === "\n" ? 2 : 1;
      line++;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== "" || row.length > 0) endRow();
  return rows;
}

/** Writes rows as CSV with CRLF line ends, quoting only fields that need it. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const cell = (v: string | number | null | undefined) => {
    const s = v === null || v === undefined ? "" : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(",")).join("\r\n");
}
