import type { Lang } from "./messages.ts";

/**
 * Dates and times as clerks read them, always in China time (the engine's deadlines are China
 * working days), whatever the device's time zone.
 */
export function formatTime(iso: string | undefined, lang: Lang, withTime = true): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === "zh" ? "zh-CN" : "en-GB", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    ...(withTime ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } : {}),
  }).format(date);
}
