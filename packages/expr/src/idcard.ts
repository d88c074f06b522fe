import { daysInMonth } from "./dates";
import type { FunctionRegistry } from "./types";

/** A valid 18-digit resident identity card number (居民身份证号码, GB 11643-1999), decoded. */
export interface ResidentId {
  ok: true;
  /** the number, with a lower-case check letter x upper-cased */
  id: string;
  /** 6-digit administrative division code of the place of registration */
  region: string;
  /** YYYY-MM-DD */
  birthDate: string;
  /** from the 17th digit: odd = male, even = female */
  sex: "male" | "female";
}

export interface ResidentIdProblem {
  ok: false;
  reason: "format" | "birthDate" | "checksum";
  message: { zh: string; en: string };
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_FORMAT = /^\d{17}[\dXx]$/;

/** The number written by `count` ASCII digits of `s` from `from` (the format checked they are digits). */
function digitsAt(s: string, from: number, count: number): number {
  let v = 0;
  for (let i = from; i < from + count; i++) v = v * 10 + (s.charCodeAt(i) - 48);
  return v;
}

const CHECK = "10X98765432";

/** The check character of the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/**
 * Decode and validate an 18-digit resident ID: format, a real birth date (not after `today` when
 * given, not before 1900), and the ISO 7064 MOD 11-2 check character.
 */
export function parseResidentId(input: unknown, today?: string): ResidentId | ResidentIdProblem {
  // Trimmed once, the date read as numbers and the X upper-cased alone: forms check the number
  // and compute the birth date from it on every submission, so this runs twice per application.
  const trimmed = typeof input === "string" ? input.trim() : "";
  if (typeof input !== "string" || !ID_FORMAT.test(trimmed)) {
    return {
      ok: false,
      reason: "format",
      message: {
        zh: "身份证号码应为18位，最后一位可以是X",
        en: "An ID number has 18 characters: 17 digits and a digit or X",
      },
    };
  }
  // Only the last character may be a letter (the format says so): `x` is all toUpperCase changes.
  const id = trimmed.charCodeAt(17) === 120 ? `${trimmed.slice(0, 17)}X` : trimmed;
  const y = digitsAt(id, 6, 4);
  const m = digitsAt(id, 10, 2);
  const d = digitsAt(id, 12, 2);
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (
    y < 1900 ||
    m < 1 ||
    m > 12 ||
    d < 1 ||
    d > daysInMonth(y, m) ||
    (today !== undefined && birthDate > today)
  ) {
    return {
      ok: false,
      reason: "birthDate",
      message: {
        zh: "身份证号码中的出生日期无效",
        en: "The birth date in the ID number is not a valid date",
      },
    };
  }
  if (residentIdCheckChar(id) !== id[17]) {
    return {
      ok: false,
      reason: "checksum",
      message: {
        zh: "身份证号码校验位不正确，请核对",
        en: "The ID number's check digit is wrong; please check the number",
      },
    };
  }
  return {
    ok: true,
    id,
    region: id.slice(0, 6),
    birthDate,
    sex: (id.charCodeAt(16) - 48) % 2 === 1 ? "male" : "female",
  };
}

/**
 * Host functions for forms: `idValid(id)`, `idBirthDate(id)` (date or null), `idSex(id)`
 * ("male" | "female" or null). Pass them in `functions` (compile) and `env.functions` (evaluate).
 */
export const residentIdFunctions: FunctionRegistry = {
  idValid: {
    params: [{ kind: "string" }],
    returns: { kind: "boolean" },
    doc: "idValid(id): the 18-digit resident ID number is well-formed with a correct check digit",
    impl: ([id]) => parseResidentId(id).ok,
  },
  idBirthDate: {
    params: [{ kind: "string" }],
    returns: { kind: "date" },
    doc: "idBirthDate(id): the birth date in a valid resident ID number, else null",
    impl: ([id]) => {
      const r = parseResidentId(id);
      return r.ok ? r.birthDate : null;
    },
  },
  idSex: {
    params: [{ kind: "string" }],
    returns: { kind: "string" },
    doc: 'idSex(id): "male" or "female" from a valid resident ID number, else null',
    impl: ([id]) => {
      const r = parseResidentId(id);
      return r.ok ? r.sex : null;
    },
  },
};
