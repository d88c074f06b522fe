import type { CallNode } from "../ast";
import * as D from "../dates";
import type { Runtime } from "../runtime";
import { fail, spend } from "../runtime";
import { T } from "../types";
import { anyNull, needDay, needInt } from "./args";
import { type Builtin, type BuiltinFamily, nullSafe } from "./builtin";
import { nowInstant, today } from "./clock";
import { ANY, B, DATE, expect, N, S } from "./typeChecks";

/** The working-day sets of env.calendar; a malformed calendar fails the call that needs it. */
function calSets(rt: Runtime, n: CallNode) {
  try {
    return D.calendarSets(rt.env.calendar);
  } catch (e) {
    return fail(rt, n, (e as Error).message, "fix the holiday calendar's dates");
  }
}

/** year/month/day: one part of a date. */
function datePart(name: string, pick: 0 | 1 | 2, what: string): Builtin {
  return nullSafe(
    [DATE],
    N,
    `${name}(d): ${what} of date d`,
    (a, rt, n) => D.civilFromDays(needDay(rt, n, a, 0))[pick],
  );
}

/** Dates, durations and working days (dates are "YYYY-MM-DD" strings; env.calendar gives the holidays). */
export const dateFunctions: BuiltinFamily = {
  today: {
    min: 0,
    max: 0,
    params: [],
    returns: DATE,
    clock: true,
    doc: "today(): the current date in env.timeZone (default Asia/Shanghai), from env.now",
    run: (_a, rt, n) => today(rt, n),
  },
  now: {
    min: 0,
    max: 0,
    params: [],
    returns: T.datetime,
    clock: true,
    doc: "now(): env.now as an ISO date-time with the offset of env.timeZone",
    run: (_a, rt, n) => D.formatInstant(nowInstant(rt, n), rt.timeZone),
  },
  addDays: nullSafe(
    [DATE, N],
    DATE,
    "addDays(d, n): the date n calendar days after d (n may be negative)",
    (a, rt, n) => D.formatDay(needDay(rt, n, a, 0) + needInt(rt, n, a, 1)),
  ),
  addWorkingDays: nullSafe(
    [DATE, N],
    DATE,
    "addWorkingDays(d, n): the n-th working day after d, using env.calendar (Mon–Fri minus holidays plus worked weekend days); n = 0 gives d or the next working day",
    (a, rt, n) => {
      const z = needDay(rt, n, a, 0);
      const k = needInt(rt, n, a, 1, 10_000);
      spend(rt, n, Math.abs(k));
      return D.formatDay(D.addWorkingDays(z, k, calSets(rt, n)));
    },
  ),
  addMonths: nullSafe(
    [DATE, N],
    DATE,
    "addMonths(d, n): n months after d, clamped to the month's end (2026-01-31 + 1 month = 2026-02-28)",
    (a, rt, n) => D.formatDay(D.addMonths(needDay(rt, n, a, 0), needInt(rt, n, a, 1, 120_000))),
  ),
  addYears: nullSafe(
    [DATE, N],
    DATE,
    "addYears(d, n): n years after d (29 Feb becomes 28 Feb in common years)",
    (a, rt, n) => D.formatDay(D.addMonths(needDay(rt, n, a, 0), 12 * needInt(rt, n, a, 1, 10_000))),
  ),
  yearsBetween: nullSafe(
    [DATE, DATE],
    N,
    "yearsBetween(a, b): whole years from a to b — age, party standing, years of work (the birthday itself counts)",
    (a, rt, n) => D.yearsBetween(needDay(rt, n, a, 0), needDay(rt, n, a, 1)),
  ),
  monthsBetween: nullSafe([DATE, DATE], N, "monthsBetween(a, b): whole months from a to b", (a, rt, n) =>
    D.monthsBetween(needDay(rt, n, a, 0), needDay(rt, n, a, 1)),
  ),
  daysBetween: nullSafe(
    [DATE, DATE],
    N,
    "daysBetween(a, b): calendar days from a to b (negative when b is before a)",
    (a, rt, n) => needDay(rt, n, a, 1) - needDay(rt, n, a, 0),
  ),
  workingDaysBetween: nullSafe(
    [DATE, DATE],
    N,
    "workingDaysBetween(a, b): working days after a up to and including b (so addWorkingDays(a, k) is the k-th)",
    (a, rt, n) => D.workingDaysBetween(needDay(rt, n, a, 0), needDay(rt, n, a, 1), calSets(rt, n)),
  ),
  isWorkingDay: nullSafe(
    [DATE],
    B,
    "isWorkingDay(d): whether d is a working day under env.calendar",
    (a, rt, n) => D.isWorkingDay(needDay(rt, n, a, 0), calSets(rt, n)),
  ),
  date: {
    min: 1,
    max: 3,
    params: [ANY, N, N],
    returns: DATE,
    check: (c) => {
      if (c.args.length === 1) expect(c, 0, S);
      else if (c.args.length === 3) {
        for (let i = 0; i < 3; i++) expect(c, i, N);
      } else c.issue(undefined, "date takes 1 argument (a date or date-time string) or 3 (year, month, day)");
      return DATE;
    },
    doc: "date(s): the date of a date or date-time string (local date in env.timeZone); date(y, m, d): the date y-m-d",
    run: (a, rt, n) => {
      if (anyNull(a)) return null;
      if (a.length === 1) return D.formatDay(needDay(rt, n, a, 0));
      if (a.length !== 3) fail(rt, n, "date takes 1 argument or 3 (year, month, day)");
      const y = needInt(rt, n, a, 0, 9999);
      const m = needInt(rt, n, a, 1, 12);
      const d = needInt(rt, n, a, 2, 31);
      if (y < 1 || m < 1 || d < 1 || d > D.daysInMonth(y, m))
        fail(rt, n, `date: ${y}-${m}-${d} is not a valid date`);
      return D.formatDay(D.daysFromCivil(y, m, d));
    },
  },
  year: datePart("year", 0, "the year"),
  month: datePart("month", 1, "the month (1–12)"),
  day: datePart("day", 2, "the day of the month"),
  weekday: nullSafe([DATE], N, "weekday(d): 1 = Monday … 7 = Sunday", (a, rt, n) =>
    D.weekdayOf(needDay(rt, n, a, 0)),
  ),
};
