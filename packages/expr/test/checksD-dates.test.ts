import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { civilFromDays, yearsBetween } from "../src/dates";

/** yearsBetween as written on [y, m, d] arrays, before it packed them into numbers. */
function reference(a: number, b: number): number {
  if (b < a) return -reference(b, a);
  const [ay, am, ad] = civilFromDays(a);
  const [by, bm, bd] = civilFromDays(b);
  let years = by - ay;
  if (bm < am || (bm === am && bd < ad)) years--;
  return years;
}

describe("yearsBetween", () => {
  it("counts whole years as the [y, m, d] comparison does, leap days and years before 0 too", () => {
    // Day numbers from about 3000 BC to AD 12000, and pairs a few days around anniversaries.
    const day = fc.integer({ min: -1_800_000, max: 3_700_000 });
    fc.assert(
      fc.property(day, day, (a, b) => {
        expect(yearsBetween(a, b)).toBe(reference(a, b));
      }),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(day, fc.integer({ min: -3, max: 3 }), fc.integer({ min: 0, max: 80 }), (a, d, y) => {
        const b = a + Math.round(y * 365.2425) + d;
        expect(yearsBetween(a, b)).toBe(reference(a, b));
      }),
      { numRuns: 20_000 },
    );
  });
});
