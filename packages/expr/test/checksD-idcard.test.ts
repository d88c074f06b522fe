import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseResidentId, residentIdCheckChar } from "../src/index";

/** parseResidentId as written before it read the date as numbers and trimmed once. */
function reference(input: unknown, today?: string): unknown {
  const problem = (reason: string, zh: string, en: string) => ({ ok: false, reason, message: { zh, en } });
  if (typeof input !== "string" || !/^\d{17}[\dXx]$/.test(input.trim()))
    return problem(
      "format",
      "身份证号码应为18位，最后一位可以是X",
      "An ID number has 18 characters: 17 digits and a digit or X",
    );
  const id = input.trim().toUpperCase();
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days || (today !== undefined && birthDate > today))
    return problem(
      "birthDate",
      "身份证号码中的出生日期无效",
      "The birth date in the ID number is not a valid date",
    );
  if (residentIdCheckChar(id) !== id[17])
    return problem(
      "checksum",
      "身份证号码校验位不正确，请核对",
      "The ID number's check digit is wrong; please check the number",
    );
  return {
    ok: true,
    id,
    region: id.slice(0, 6),
    birthDate,
    sex: (id.charCodeAt(16) - 48) % 2 === 1 ? "male" : "female",
  };
}

const digit = fc.constantFrom(..."0123456789");
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((a) => a.join(""));
/** Mostly well-formed numbers (real and impossible dates, every check character), some not. */
const idNumber = fc.oneof(
  fc
    .tuple(
      digits(6),
      fc.integer({ min: 1890, max: 2030 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
      digits(3),
      fc.boolean(),
      fc.constantFrom(...("0123456789Xx" as string)),
    )
    .map(([region, y, m, d, seq, valid, last]) => {
      const first = `${region}${y}${String(m).padStart(2, "0")}${String(d).padStart(2, "0")}${seq}`;
      const check = residentIdCheckChar(first);
      return first + (valid ? (check === "X" && last === "x" ? "x" : check) : last);
    }),
  digits(18),
  fc.string(),
  fc.constantFrom(
    " 11010519491231002X ",
    "11010519491231002x\n",
    "11010519491231002",
    11010519491231002,
    null,
  ),
);
const today = fc.option(
  fc.constantFrom("2026-03-02", "1949-12-31", "2000-02-29", "1900-01-01", "2030-12-31"),
  { nil: undefined },
);

describe("parseResidentId", () => {
  it("answers as the version that upper-cased and sliced the whole number", () => {
    fc.assert(
      fc.property(idNumber, today, (input, t) => {
        expect(parseResidentId(input, t)).toEqual(reference(input, t));
      }),
      { numRuns: 20_000 },
    );
  });
});
