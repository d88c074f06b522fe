import type { HolidayCalendar } from "@wf/expr";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Evaluator } from "../src/expr/Evaluator";

const DAY = 86_400_000;
const calendar: HolidayCalendar = {
  id: "shift-cal",
  holidays: ["2026-03-09", "2026-10-01", "2026-10-02", "2027-01-01"],
  workdays: ["2026-09-27"],
};

/** Due-time shifting as it was written before it worked on numbers: the reference. */
function referenceShift(ev: Evaluator, offsetMinutes: number, from: string, n: number): string {
  const ms = Date.parse(from);
  const local = ms + offsetMinutes * 60_000;
  const day = new Date(local).toISOString().slice(0, 10);
  const target = String(ev.value("addWorkingDays(d, n)", { d: day, n }, from));
  const timeOfDay = local - Date.parse(`${day}T00:00:00Z`);
  return new Date(Date.parse(`${target}T00:00:00Z`) + timeOfDay - offsetMinutes * 60_000).toISOString();
}

describe("Evaluator.shift by working days", () => {
  it("gives what addWorkingDays on the local day gives, keeping the local time of day", () => {
    const offsets = [480, 0, -300, 330];
    const evs = offsets.map((o) => new Evaluator({}, calendar, o));
    const refs = offsets.map((o) => new Evaluator({}, calendar, o));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        // 2025 to 2028, to the minute, across midnights in every offset and the calendar's days.
        fc.integer({ min: Date.UTC(2025, 0, 1) / 60_000, max: Date.UTC(2028, 0, 1) / 60_000 }),
        fc.integer({ min: -12, max: 12 }),
        fc.constantFrom<1 | -1>(1, -1),
        (o, minute, n, sign) => {
          const from = new Date(minute * 60_000).toISOString();
          const got = evs[o]!.shift(from, { workingDays: n }, {}, sign);
          expect(got).toBe(referenceShift(refs[o]!, offsets[o]!, from, sign * n));
          // Asked again (now from the memo), the same answer.
          expect(evs[o]!.shift(from, { workingDays: n }, {}, sign)).toBe(got);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("refuses an instant that is not a date as before", () => {
    const ev = new Evaluator({}, calendar, 480);
    expect(() => ev.shift("not a date", { workingDays: 1 }, {})).toThrow(RangeError);
    expect(ev.shift("2026-03-06T23:30:00Z", { days: 1 }, {})).toBe(
      new Date(Date.parse("2026-03-06T23:30:00Z") + DAY).toISOString(),
    );
  });
});
