import { describe, expect, it } from "vitest";
import { evaluate, parseResidentId, residentIdCheckChar, residentIdFunctions } from "../src/index";
import { env } from "./helpers";

function makeId(region: string, birth: string, seq: string): string {
  const first17 = region + birth.replaceAll("-", "") + seq;
  return first17 + residentIdCheckChar(first17);
}

describe("parseResidentId", () => {
  it("decodes the GB 11643 example", () => {
    expect(parseResidentId("11010519491231002X")).toEqual({
      ok: true,
      id: "11010519491231002X",
      region: "110105",
      birthDate: "1949-12-31",
      sex: "female",
    });
    expect(parseResidentId("11010519491231002x")).toMatchObject({ ok: true, id: "11010519491231002X" });
  });

  it("reads sex from the 17th digit", () => {
    expect(parseResidentId(makeId("330102", "1990-05-01", "123"))).toMatchObject({ ok: true, sex: "male" });
    expect(parseResidentId(makeId("330102", "1990-05-01", "124"))).toMatchObject({ ok: true, sex: "female" });
  });

  it("accepts 29 Feb only in leap years", () => {
    expect(parseResidentId(makeId("330102", "2000-02-29", "011"))).toMatchObject({
      ok: true,
      birthDate: "2000-02-29",
    });
    expect(parseResidentId(makeId("330102", "1900-02-29", "011"))).toMatchObject({
      ok: false,
      reason: "birthDate",
    });
  });

  it.each([
    ["", "format"],
    ["1234", "format"],
    ["11010519491231002Y", "format"],
    [null, "format"],
    ["110105194913310020", "birthDate"],
    ["110105194912310021", "checksum"],
  ])("refuses %j (%s)", (id, reason) => {
    const r = parseResidentId(id);
    expect(r).toMatchObject({ ok: false, reason });
    if (!r.ok) {
      expect(r.message.zh.length).toBeGreaterThan(0);
      expect(r.message.en.length).toBeGreaterThan(0);
    }
  });

  it("refuses birth dates after today when given", () => {
    expect(parseResidentId(makeId("330102", "2030-01-01", "011"), "2026-09-30")).toMatchObject({
      ok: false,
      reason: "birthDate",
    });
  });
});

describe("residentIdFunctions", () => {
  const e = { ...env, functions: residentIdFunctions };
  it("idBirthDate, idSex, idValid", () => {
    const id = makeId("330102", "1969-09-30", "011");
    expect(evaluate("idBirthDate(id)", { id }, e)).toBe("1969-09-30");
    expect(evaluate("idSex(id)", { id }, e)).toBe("male");
    expect(evaluate("idValid(id)", { id }, e)).toBe(true);
    expect(evaluate("yearsBetween(idBirthDate(id), today()) <= 57", { id }, e)).toBe(true);
    expect(evaluate("idBirthDate(id)", { id: "bad" }, e)).toBe(null);
    expect(evaluate("idSex(id)", { id: null }, e)).toBe(null);
    expect(evaluate("idValid(id)", { id: "bad" }, e)).toBe(false);
  });
});
