import type { Ast } from "../ast";
import * as D from "../dates";
import type { Runtime } from "../runtime";
import { fail, show } from "../runtime";

// today() and now() read env.now, never the host clock. Guards call them on every evaluation
// with the same env.now, so the last parse and the last answer are kept.

let lastNow: string | undefined;
let lastInstant: D.Instant | undefined;
let lastTodayKey: string | undefined;
let lastToday = "";

/** today() for env.now in the runtime's zone. */
export function today(rt: Runtime, n: Ast): string {
  const key = `${rt.env.now}|${rt.timeZone}`;
  if (key !== lastTodayKey) {
    lastToday = D.formatDay(D.localDay(nowInstant(rt, n), rt.timeZone));
    lastTodayKey = key;
  }
  return lastToday;
}

/** The current instant, from env.now. */
export function nowInstant(rt: Runtime, n: Ast): D.Instant {
  const now = rt.env.now;
  if (now === lastNow && lastInstant !== undefined) return lastInstant;
  const inst = parseNow(rt, n, now);
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
