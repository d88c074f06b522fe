import {
  compile,
  type EvalEnv,
  type FunctionRegistry,
  type HolidayCalendar,
  prepare,
  type Scope,
} from "@wf/expr";
import type { Duration } from "../definition/types";

/** A compiled source made ready to evaluate (see `prepare`). */
type Prepared = (scope: Scope, env: EvalEnv) => unknown;
const DAY = 86_400_000;

/**
 * Evaluates a definition's expressions with a cache of compiled sources (a definition's
 * expressions are compiled once, not once per action) and computes due times.
 * `now` always comes from the event being applied, never from a clock, so replay is exact.
 */
export class Evaluator {
  private readonly cache = new Map<string, Prepared>();
  /** addWorkingDays results, by count then local day start in ms (the calendar is fixed per evaluator). */
  private readonly workingDays = new Map<number, Map<number, number>>();
  constructor(
    private readonly functions: FunctionRegistry,
    private readonly calendar: HolidayCalendar | undefined,
    /** Offset of local time from UTC in minutes (Asia/Shanghai: 480), for "today" and due times. */
    private readonly offsetMinutes = 480,
  ) {}

  private prepared(source: string): Prepared {
    let c = this.cache.get(source);
    if (!c) {
      c = prepare(compile(source, { functions: this.functions }));
      this.cache.set(source, c);
    }
    return c;
  }

  /** The value of an expression at time `now`. */
  value(source: string, scope: Scope, now: string): unknown {
    return this.prepared(source)(scope, this.envAt(now));
  }

  /**
   * `test(source, …)` as a function a caller keeps (a step's rules), so the source is not looked
   * up again on every call. Compiled at the first call, as `test` compiles, so a source that does
   * not compile throws there, where `test` would.
   */
  tester(source: string): (scope: Scope, now: string) => boolean {
    let run: Prepared | undefined;
    return (scope, now) => {
      run ??= this.prepared(source);
      return run(scope, this.envAt(now)) === true;
    };
  }

  /** The last env made, kept while `now` stays the same (an action evaluates many expressions at one time). */
  private env: EvalEnv | undefined;

  private envAt(now: string): EvalEnv {
    let env = this.env;
    if (env === undefined || env.now !== now) {
      // Frozen: every evaluation (and every host function) of this time sees the same object.
      env = Object.freeze(
        this.calendar
          ? { now, functions: this.functions, calendar: this.calendar }
          : { now, functions: this.functions },
      );
      this.env = env;
    }
    return env;
  }

  /** An expression used as a condition: only `true` counts as true. */
  test(source: string, scope: Scope, now: string): boolean {
    return this.value(source, scope, now) === true;
  }

  /** A duration's day count (a number or an expression). */
  amount(d: Duration, scope: Scope, now: string): { n: number; working: boolean } {
    const raw = "days" in d ? d.days : d.workingDays;
    const n = typeof raw === "number" ? raw : Number(this.value(raw, scope, now));
    if (!Number.isFinite(n)) throw new Error(`duration ${JSON.stringify(raw)} did not give a number`);
    return { n, working: "workingDays" in d };
  }

  /** `from` moved by a duration (backwards when `sign` is -1), as a UTC ISO string. */
  shift(from: string, d: Duration, scope: Scope, sign: 1 | -1 = 1): string {
    const { n, working } = this.amount(d, scope, from);
    const ms = Date.parse(from);
    if (!working) return new Date(ms + sign * n * DAY).toISOString();
    // Working days move the local date on the calendar and keep the local time of day.
    const local = ms + this.offsetMinutes * 60_000;
    // What `new Date(NaN).toISOString()` throws, as the date arithmetic below would not.
    if (Number.isNaN(local)) throw new RangeError("Invalid time value");
    const timeOfDay = ((local % DAY) + DAY) % DAY;
    const dayStart = local - timeOfDay;
    // A pure function of the day and the count for this calendar, asked again for every task
    // opened on the same day: remembered (bounded), by numbers, as the target day's start.
    const count = sign * n;
    let byDay = this.workingDays.get(count);
    if (byDay === undefined) {
      if (this.workingDays.size >= 64) this.workingDays.clear();
      byDay = new Map();
      this.workingDays.set(count, byDay);
    }
    let target = byDay.get(dayStart);
    if (target === undefined) {
      const day = new Date(dayStart).toISOString().slice(0, 10);
      // One fixed source with the values in scope: the compiled-expression cache stays one entry.
      const to = String(this.value("addWorkingDays(d, n)", { d: day, n: count }, from));
      target = Date.parse(`${to}T00:00:00Z`);
      if (byDay.size >= 4096) byDay.clear();
      byDay.set(dayStart, target);
    }
    return new Date(target + timeOfDay - this.offsetMinutes * 60_000).toISOString();
  }

  /** A date or date-time value as a UTC ISO instant (a date means local midnight). */
  instant(value: unknown): string {
    const s = String(value);
    const ms = /^\d{4}-\d{2}-\d{2}$/.test(s)
      ? Date.parse(`${s}T00:00:00Z`) - this.offsetMinutes * 60_000
      : Date.parse(s);
    if (Number.isNaN(ms)) throw new Error(`${JSON.stringify(value)} is not a date or date-time`);
    return new Date(ms).toISOString();
  }
}
