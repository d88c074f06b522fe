import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { OrgUnit, Person } from "@wf/engine";
import type { HolidayCalendar } from "@wf/expr";

/** Everything a procedure needs to run: what a `workflows/` folder holds. */
export interface WorkflowBundle {
  definitions: unknown[];
  forms: unknown[];
  roles: { id: string }[];
  units: OrgUnit[];
  people: Person[];
  calendars: HolidayCalendar[];
}

async function jsonFiles(dir: string): Promise<unknown[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(".json")).sort();
  } catch {
    return [];
  }
  return Promise.all(names.map(async (n) => JSON.parse(await readFile(join(dir, n), "utf8")) as unknown));
}

async function jsonFile<T>(path: string, fallback: T): Promise<T> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as T;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return fallback;
    throw new Error(`${path}: ${(e as Error).message}`);
  }
}

/**
 * Reads a workflows folder laid out like the shipped one: `definitions/`, `forms/`,
 * `org/{roles,units,people}.json`, `calendars/`. Missing parts are empty, so a folder with only
 * definitions still loads.
 */
export async function loadBundle(dir: string): Promise<WorkflowBundle> {
  const [definitions, forms, calendars, roles, units, people] = await Promise.all([
    jsonFiles(join(dir, "definitions")),
    jsonFiles(join(dir, "forms")),
    jsonFiles(join(dir, "calendars")),
    jsonFile<{ id: string }[]>(join(dir, "org", "roles.json"), []),
    jsonFile<OrgUnit[]>(join(dir, "org", "units.json"), []),
    jsonFile<Person[]>(join(dir, "org", "people.json"), []),
  ]);
  return { definitions, forms, calendars: calendars as HolidayCalendar[], roles, units, people };
}
