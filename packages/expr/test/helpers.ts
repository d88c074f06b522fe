import type { EvalEnv, HolidayCalendar } from "../src/index";

/** 2026 mainland holidays around 国庆/中秋 (Oct 1–8 off; Sep 27 and Oct 10 are worked Sat/Sun). */
export const cnCalendar: HolidayCalendar = {
  id: "cn-mainland-test",
  holidays: [
    "2026-01-01",
    "2026-01-02",
    "2026-01-03",
    "2026-10-01",
    "2026-10-02",
    "2026-10-03",
    "2026-10-04",
    "2026-10-05",
    "2026-10-06",
    "2026-10-07",
    "2026-10-08",
  ],
  workdays: ["2026-01-04", "2026-09-20", "2026-10-10"],
};

export const env: EvalEnv = { now: "2026-09-30T09:00:00+08:00", calendar: cnCalendar };
