import type { Person } from "../org/orgCatalog.ts";

/** Who the clerk acts as: one person in one of their org units. Kept in this browser only. */
export interface Profile {
  personId: string;
  unit: string;
}

/** The engine's actor: a person acting in one org unit with the roles they hold there. */
export interface Actor {
  id: string;
  unit: string;
  roles: string[];
}

/** The ways a person can act: one per org unit they belong to, with their roles in it. */
export function seatsOf(person: Person): { unit: string; roles: string[] }[] {
  const byUnit = new Map<string, string[]>();
  for (const m of person.memberships) {
    const roles = byUnit.get(m.unit) ?? [];
    if (!roles.includes(m.role)) roles.push(m.role);
    byUnit.set(m.unit, roles);
  }
  return [...byUnit].map(([unit, roles]) => ({ unit, roles }));
}

/** The actor for a profile, or undefined when the person or the membership no longer exists. */
export function actorOf(profile: Profile, person: Person | undefined): Actor | undefined {
  if (!person) return undefined;
  const seat = seatsOf(person).find((s) => s.unit === profile.unit);
  return seat ? { id: person.id, unit: seat.unit, roles: seat.roles } : undefined;
}

const storageKey = "wf.profile";

/** The profile chosen earlier in this browser, if any. */
export function loadProfile(): Profile | undefined {
  try {
    const raw = localStorage.getItem(storageKey);
    if (!raw) return undefined;
    const value: unknown = JSON.parse(raw);
    if (
      value &&
      typeof value === "object" &&
      typeof (value as Profile).personId === "string" &&
      typeof (value as Profile).unit === "string"
    ) {
      return { personId: (value as Profile).personId, unit: (value as Profile).unit };
    }
  } catch {
    // Unreadable storage means no choice yet; the switcher asks again.
  }
  return undefined;
}

/** Remembers the choice in this browser (and only here: there is no server). */
export function saveProfile(profile: Profile | undefined): void {
  try {
    if (profile) localStorage.setItem(storageKey, JSON.stringify(profile));
    else localStorage.removeItem(storageKey);
  } catch {
    // Storage refused (private mode): the choice lasts until the page closes.
  }
}
