function zoneOffset(timeZone: string, at: Date): string {
  const part = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(at)
    .find((x) => x.type === "timeZoneName")?.value;
  const m = part?.match(/GMT([+-]\d{2}:\d{2})/);
  return m?.[1] ?? "+00:00";
}

/**
 * What a `datetime-local` input gives (`2026-03-15T09:30`) as the ISO date-time with offset the
 * form stores (`2026-03-15T09:30:00+08:00`), read in the form's time zone.
 */
export function localToIsoDateTime(local: string, timeZone: string): string {
  const withSeconds = local.length === 16 ? `${local}:00` : local;
  return `${withSeconds}${zoneOffset(timeZone, new Date(`${withSeconds}Z`))}`;
}
