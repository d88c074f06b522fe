import { describe, expect, it } from "vitest";
import { CsvError, parseCsv, toCsv } from "../src/batch/csv.ts";
import { readTableFile } from "../src/batch/spreadsheet.ts";

describe("CSV parsing (RFC 4180)", () => {
  it("reads quoted fields holding commas, line breaks and doubled quotes", () => {
    const text = '姓名,备注\r\n"Li, Wei","two\r\nlines"\r\n"say ""hi""",plain\r\n';
    expect(parseCsv(text)).toEqual([
      ["姓名", "备注"],
      ["Li, Wei", "two\r\nlines"],
      ['say "hi"', "plain"],
    ]);
  });

  it("drops Excel's byte-order mark and blank lines, keeps empty fields and LF or CR line ends", () => {
    expect(parseCsv('\ufeffa,b\n\n1,\n"",2\r3,"4"')).toEqual([
      ["a", "b"],
      ["1", ""],
      ["", "2"],
      ["3", "4"],
    ]);
  });

  it("names the line of a quote that is never closed", () => {
    const text = 'a,b\n1,2\n3,"open\nstill open';
    expect(() => parseCsv(text)).toThrow(CsvError);
    try {
      parseCsv(text);
    } catch (error) {
      expect((error as CsvError).line).toBe(3);
      expect((error as CsvError).reason).toBe("unclosed-quote");
    }
  });

  it("refuses text after a closing quote", () => {
    expect(() => parseCsv('"a"b,c')).toThrow(/line 1/);
  });

  it("writes what it reads", () => {
    const rows = [
      ["id", "note"],
      ["52990119880520031X", 'he said "yes", then\nleft'],
      ["", "plain"],
    ];
    const text = toCsv(rows);
    expect(text).toBe('id,note\r\n52990119880520031X,"he said ""yes"", then\nleft"\r\n,plain');
    expect(parseCsv(text)).toEqual(rows);
  });

  it("reads a CSV saved by Chinese Excel in GBK as well as one in UTF-8", async () => {
    // "姓名,性别\r\n李志强,男" in GBK, as Excel's plain "CSV (逗号分隔)" writes it on Chinese Windows.
    const gbk = Uint8Array.from("d0d5c3fb2cd0d4b1f00d0ac0eed6bec7bf2cc4d0".match(/../g) ?? [], (h) =>
      Number.parseInt(h, 16),
    );
    const expected = [
      ["姓名", "性别"],
      ["李志强", "男"],
    ];
    expect(await readTableFile(new File([gbk], "gbk.csv"))).toEqual(expected);
    expect(await readTableFile(new File(["\ufeff姓名,性别\r\n李志强,男"], "utf8.csv"))).toEqual(expected);
  });
});
