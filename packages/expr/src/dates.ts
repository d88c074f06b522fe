import type { HolidayCalendar } from "./types";

/**
 * Calendar arithmetic on day numbers (days since 1970-01-01), with no Date objects and no host
 * clock: the algorithms are Howard Hinnant's civil-from-days / days-from-civil.
 */

export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d];
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, "0");
}

export function formatDay(z: number): string {
  const [y, m, d] = civilFromDays(z);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekdayOf(z: number): number {
  return ((((z + 3) % 7) + 7) % 7) + 1;
}

const DATETIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

function digits(s: string, from: number, count: number): number {
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Day number of a strict `YYYY-MM-DD`, or undefined. (Hand-written: this is on the hot path.) */
export function parseDateOnly(s: string): number | undefined {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  if (y < 0) return undefined;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return daysFromCivil(y, mo, d);
}

export interface Instant {
  /** epoch milliseconds, or undefined for a date-time without offset (a local time). */
  ms: number | undefined;
  /** local day number when no offset was given */
  localDay: number;
  /** local milliseconds into the day when no offset was given */
  localMs: number;
}

/** Parse an ISO date-time; undefined if malformed. */
export function parseDateTime(s: string): Instant | undefined {
  const m = DATETIME_RE.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const h = Number(m[4]);
  const mi = Number(m[5]);
  const se = m[6] === undefined ? 0 : Number(m[6]);
  const frac = m[7] === undefined ? 0 : Number(`0.${m[7]}`) * 1000;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 24 || mi > 59 || se > 60) return undefined;
  const day = daysFromCivil(y, mo, d);
  const localMs = ((h * 60 + mi) * 60 + se) * 1000 + Math.floor(frac);
  const off = m[8];
  if (off === undefined) return { ms: undefined, localDay: day, localMs };
  let offMin = 0;
  if (off !== "Z") {
    const digits = off.replace(":", "");
    offMin = (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * (digits[0] === "-" ? -1 : 1);
  }
  return { ms: day * 86_400_000 + localMs - offMin * 60_000, localDay: day, localMs };
}

const FIXED_OFFSETS: Record<string, number> = {
  "Asia/Shanghai": 480,
  "Asia/Chongqing": 480,
  "Asia/Harbin": 480,
  "Asia/Urumqi": 360,
  PRC: 480,
  UTC: 0,
  "Etc/UTC": 0,
  GMT: 0,
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Offset of a time zone from UTC at an instant, in minutes. Throws RangeError for unknown zones. */
function zoneOffsetMinutes(timeZone: string, ms: number): number {
  if (Object.hasOwn(FIXED_OFFSETS, timeZone)) return FIXED_OFFSETS[timeZone]!;
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(ms)) if (p.type !== "literal") parts[p.type] = Number(p.value);
  const local =
    daysFromCivil(parts.year!, parts.month!, parts.day!) * 86_400_000 +
    ((parts.hour! * 60 + parts.minute!) * 60 + parts.second!) * 1000;
  return Math.round((local - (ms - (((ms % 1000) + 1000) % 1000))) / 60_000);
}

/** The local day number of an instant in a time zone. */
export function localDay(inst: Instant, timeZone: string): number {
  if (inst.ms === undefined) return inst.localDay;
  const off = zoneOffsetMinutes(timeZone, inst.ms);
  return Math.floor((inst.ms + off * 60_000) / 86_400_000);
}

/** Format an instant as an ISO date-time with the zone's offset, e.g. 2026-09-30T09:00:00+08:00. */
export function formatInstant(inst: Instant, timeZone: string): string {
  if (inst.ms === undefined) {
    return `${formatDay(inst.localDay)}T${hms(inst.localMs)}`;
  }
  const off = zoneOffsetMinutes(timeZone, inst.ms);
  const local = inst.ms + off * 60_000;
  const day = Math.floor(local / 86_400_000);
  const sign = off < 0 ? "-" : "+";
  const a = Math.abs(off);
  return `${formatDay(day)}T${hms(local - day * 86_400_000)}${sign}${pad(Math.floor(a / 60), 2)}:${pad(a % 60, 2)}`;
}

function hms(msInDay: number): string {
  const s = Math.floor(msInDay / 1000);
  return `${pad(Math.floor(s / 3600), 2)}:${pad(Math.floor(s / 60) % 60, 2)}:${pad(s % 60, 2)}`;
}

interface CalendarSets {
  holidays: Set<number>;
  workdays: Set<number>;
  holidayList: number[];
  workdayList: number[];
}
const calendarCache = new WeakMap<HolidayCalendar, CalendarSets>();
const EMPTY_SETS: CalendarSets = {
  holidays: new Set(),
  workdays: new Set(),
  holidayList: [],
  workdayList: [],
};

/** Day-number sets of a calendar (cached per calendar object). Bad dates in it throw an Error naming them. */
export function calendarSets(cal: HolidayCalendar | undefined): CalendarSets {
  if (!cal) return EMPTY_SETS;
  let sets = calendarCache.get(cal);
  if (sets) return sets;
  const conv = (list: unknown, what: string): number[] => {
    if (!Array.isArray(list))
      throw new Error(`calendar ${cal.id}: ${what} must be a list of YYYY-MM-DD dates`);
    return list.map((s: unknown) => {
      const z = typeof s === "string" ? parseDateOnly(s) : undefined;
      if (z === undefined) throw new Error(`calendar ${cal.id}: ${what} has a bad date ${JSON.stringify(s)}`);
      return z;
    });
  };
  const holidayList = conv(cal.holidays, "holidays");
  const workdayList = conv(cal.workdays, "workdays");
  sets = { holidays: new Set(holidayList), workdays: new Set(workdayList), holidayList, workdayList };
  calendarCache.set(cal, sets);
  return sets;
}

/** Is this day worked? Monday–Friday unless a holiday, plus the calendar's worked weekend days. */
export function isWorkingDay(z: number, sets: CalendarSets): boolean {
  if (sets.workdays.has(z)) return true;
  if (sets.holidays.has(z)) return false;
  return weekdayOf(z) <= 5;
}

/**
 * Add n working days. n > 0 moves forward to the n-th working day after z; n < 0 backwards;
 * n = 0 returns z itself when it is a working day, else the next working day.
 */
export function addWorkingDays(z: number, n: number, sets: CalendarSets): number {
  if (n === 0) {
    let d = z;
    while (!isWorkingDay(d, sets)) d++;
    return d;
  }
  const step = n > 0 ? 1 : -1;
  let left = Math.abs(n);
  let d = z;
  while (left > 0) {
    d += step;
    if (isWorkingDay(d, sets)) left--;
  }
  return d;
}

function weekdaysIn(a: number, b: number): number {
  // count of Mon–Fri days d with a < d <= b (a <= b)
  const total = b - a;
  const weeks = Math.floor(total / 7);
  let count = weeks * 5;
  for (let d = a + weeks * 7 + 1; d <= b; d++) if (weekdayOf(d) <= 5) count++;
  return count;
}

/** Working days d with a < d <= b (negative when b < a). */
export function workingDaysBetween(a: number, b: number, sets: CalendarSets): number {
  if (b < a) return -workingDaysBetween(b, a, sets);
  let count = weekdaysIn(a, b);
  for (const h of sets.holidayList) {
    if (h > a && h <= b && weekdayOf(h) <= 5 && !sets.workdays.has(h)) count--;
  }
  for (const w of sets.workdayList) if (w > a && w <= b && weekdayOf(w) > 5) count++;
  return count;
}

/** Whole years from a to b (age on the birthday counts; 29 Feb birthdays turn on 1 March in common years). */
export function yearsBetween(a: number, b: number): number {
  if (b < a) return -yearsBetween(b, a);
  // Year and day of the year as one number each (no [y, m, d] arrays: rules of age and years of
  // service call this for every submission).
  const pa = civilPacked(a);
  const pb = civilPacked(b);
  const ay = Math.floor(pa / 416);
  const by = Math.floor(pb / 416);
  let years = by - ay;
  if (pb - by * 416 < pa - ay * 416) years--;
  return years;
}

/**
 * civilFromDays as `y * 416 + m * 32 + d`: month and day packed below the year (12 * 32 + 31 is
 * 415), so comparing the remainders compares (month, day) as the array's parts would.
 */
function civilPacked(z: number): number {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400;
  return y * 416 + m * 32 + d;
}

/** Whole months from a to b. */
export function monthsBetween(a: number, b: number): number {
  if (b < a) return -monthsBetween(b, a);
  const [ay, am, ad] = civilFromDays(a);
  const [by, bm, bd] = civilFromDays(b);
  let months = (by - ay) * 12 + (bm - am);
  if (bd < ad) months--;
  return months;
}

/** Add months, clamping to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(z: number, n: number): number {
  const [y, m, d] = civilFromDays(z);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return daysFromCivil(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}
