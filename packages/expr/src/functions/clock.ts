import type { Ast } from "../ast";
import * as D from "../dates";
import type { Runtime } from "../runtime";
import { fail, show } from "../runtime";

// today() and now() read env.now, never the host clock. Guards call them on every evaluation,
// mostly with the same env.now, though hosts interleave a few (the form's clock and the event's
// time): the last answer is checked first, then a small table of recent ones.

const MAX_REMEMBERED = 64;
const instants = new Map<string, D.Instant>();
/** today() by time zone, then by env.now. */
const days = new Map<string, Map<string, string>>();
let lastNow: string | undefined;
let lastInstant: D.Instant | undefined;
let lastTodayNow: string | undefined;
let lastTodayZone: string | undefined;
let lastToday = "";

/** today() for env.now in the runtime's zone. */
export function today(rt: Runtime, n: Ast): string {
  const now = rt.env.now;
  const zone = rt.timeZone;
  if (now === lastTodayNow && zone === lastTodayZone) return lastToday;
  let byNow = days.get(zone);
  let day = byNow?.get(now);
  if (day === undefined) {
    day = D.formatDay(D.localDay(nowInstant(rt, n), zone));
    if (!byNow || byNow.size >= MAX_REMEMBERED) {
      if (days.size >= MAX_REMEMBERED) days.clear();
      byNow = new Map();
      days.set(zone, byNow);
    }
    byNow.set(now, day);
  }
  lastTodayNow = now;
  lastTodayZone = zone;
  lastToday = day;
  return day;
}

/** The current instant, from env.now. */
export function nowInstant(rt: Runtime, n: Ast): D.Instant {
  const now = rt.env.now;
  if (now === lastNow && lastInstant !== undefined) return lastInstant;
  let inst = typeof now === "string" ? instants.get(now) : undefined;
  if (inst === undefined) {
    inst = parseNow(rt, n, now);
    if (typeof now === "string") {
      if (instants.size >= MAX_REMEMBERED) instants.clear();
      instants.set(now, inst);
    }
  }
  lastNow = now;
  lastInstant = inst;
  return inst;
}

function parseNow(rt: Runtime, n: Ast, now: unknown): D.Instant {
  if (typeof now === "string") {
    const inst = D.parseDateTime(now);
    if (inst) return inst;
    const z = D.parseDateOnly(now);
    if (z !== undefined) return { ms: undefined, localDay: z, localMs: 0 };
  }
  return fail(
    rt,
    n,
    `env.now must be an ISO date-time such as "2026-09-30T09:00:00+08:00", got ${show(now)}`,
  );
}
