import {
  type Actor,
  createEngine,
  createOrgDirectory,
  type Engine,
  MemoryStore,
  type OrgDirectory,
} from "@wf/engine";
import { createFormValidator } from "@wf/forms";
import type { WorkflowBundle } from "./bundle";

/** An engine over a bundle's catalog, in memory, with a clock the script moves. */
export interface World {
  engine: Engine;
  store: MemoryStore;
  directory: OrgDirectory;
  now(): string;
  setNow(at: string): void;
}

/** A fresh in-memory engine over `bundle`, its clock at `clock` and deterministic case ids. */
export function makeWorld(bundle: WorkflowBundle, clock: string): World {
  let now = clock;
  let seq = 0;
  const directory = createOrgDirectory(bundle.units, bundle.people);
  const store = new MemoryStore();
  const formIds = bundle.forms.map((f) => (f as { id: string }).id);
  const engine = createEngine({
    definitions: [...bundle.definitions],
    store,
    directory,
    forms: createFormValidator(bundle.forms, {
      context: () => ({
        env: { now },
        exists: (kind, id) => (kind === "unit" ? !!directory.unit(id) : !!directory.person(id)),
      }),
    }),
    clock: () => now,
    ids: () => `case-${++seq}`,
    calendars: bundle.calendars,
    validation: {
      forms: formIds,
      ...(bundle.roles.length > 0 ? { roles: bundle.roles.map((r) => r.id) } : {}),
    },
  });
  return { engine, store, directory, now: () => now, setNow: (at) => (now = at) };
}

/**
 * The actor a person acts as: one of their units (the first, or `unit`) and the roles they hold
 * there. Throws with the person and unit named when the catalog has no such membership.
 */
export function actorOf(directory: OrgDirectory, personId: string, unit?: string): Actor {
  const person = directory.person(personId);
  if (!person) throw new Error(`no person "${personId}" in the org catalog (org/people.json)`);
  const at = unit ?? person.memberships[0]?.unit;
  if (at === undefined) throw new Error(`person "${personId}" has no membership in any unit`);
  const roles = person.memberships.filter((m) => m.unit === at).map((m) => m.role);
  if (roles.length === 0) throw new Error(`person "${personId}" holds no role at unit "${at}"`);
  return { id: personId, unit: at, roles };
}
