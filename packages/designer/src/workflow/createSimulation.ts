import {
  type Actor,
  type AuditEvent,
  createEngine,
  createOrgDirectory,
  type FiredTimer,
  type Instance,
  MemoryStore,
  type OrgUnit,
  type Person,
  sha256Hex,
  type TaskRecord,
} from "@wf/engine";
import type { HolidayCalendar } from "@wf/expr";
import { createFormValidator } from "@wf/forms";
import type { DesignForm } from "../form/formTypes.ts";
import type { DesignDefinition } from "./workflowTypes.ts";

/** Holiday calendars as a list or by id; the engine takes either. */
export type SimCalendars = readonly HolidayCalendar[] | Readonly<Record<string, HolidayCalendar>>;

function calendarList(calendars: SimCalendars | undefined): HolidayCalendar[] {
  if (calendars === undefined) return [];
  return isCalendarList(calendars) ? [...calendars] : Object.values(calendars);
}

function isCalendarList(calendars: SimCalendars): calendars is readonly HolidayCalendar[] {
  return Array.isArray(calendars);
}

/** A person acting in one of their units with the roles they hold there: a profile to simulate as. */
export interface SimProfile {
  actor: Actor;
  /** "name · unit (roles)" for the profile picker. */
  label: string;
}

/** What {@link createSimulation} needs. */
export interface SimulationOptions {
  definition: DesignDefinition;
  forms?: readonly DesignForm[];
  units: readonly OrgUnit[];
  people: readonly Person[];
  /** Holiday calendars, as a list or by id (as `@wf/workflows` ships them). */
  calendars?: SimCalendars;
  /** The simulated clock's start, an ISO date-time with offset (e.g. `2026-03-02T09:00:00+08:00`). */
  now: string;
}

/** A definition running in an in-memory engine with a clock the author moves. */
export interface Simulation {
  now(): string;
  /** Move the clock by whole days and fire what fell due (deadlines, timers, reminders). */
  advance(days: number): Promise<FiredTimer[]>;
  profiles(): SimProfile[];
  start(actor: Actor, data: Record<string, unknown>): Promise<Instance>;
  act(req: {
    taskId: string;
    actor: Actor;
    outcome: string;
    formData?: unknown;
    opinion?: string;
  }): Promise<Instance>;
  /** The case as it stands, with its open tasks. */
  instance(): Promise<Instance | undefined>;
  history(): Promise<AuditEvent[]>;
}

/** `iso` moved by `days`, written with the same UTC offset as `iso`. */
export function addDaysIso(iso: string, days: number): string {
  const match = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  const offset = match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  const ms = Date.parse(iso) + days * 86_400_000;
  if (Number.isNaN(ms)) throw new Error(`"${iso}" is not an ISO date-time`);
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
  return match ? `${local}${match[0]}` : `${local}Z`;
}

/**
 * Run a definition as it is being designed: the real engine over an in-memory store, the org
 * catalog as directory, the forms as validator, and a clock under the author's control, so a
 * procedure can be walked through step by step as any profile before it is published.
 *
 * @example const sim = await createSimulation({ definition, units, people, now: "2026-03-02T09:00:00+08:00" });
 */
export async function createSimulation(options: SimulationOptions): Promise<Simulation> {
  let now = options.now;
  let seq = 0;
  let instanceId: string | undefined;
  const directory = createOrgDirectory(options.units, options.people);
  const store = new MemoryStore();
  const forms = options.forms ?? [];
  const engine = createEngine({
    store,
    directory,
    forms: createFormValidator(forms, { context: () => ({ env: { now } }) }),
    clock: () => now,
    ids: () => `sim-${++seq}`,
    calendars: calendarList(options.calendars),
    // Web Crypto is not everywhere the designer runs (jsdom); the engine's own SHA-256 is.
    hash: sha256Hex,
    validation: { forms: forms.map((f) => f.id) },
  });
  await engine.publish(options.definition);
  const action = () => `act-${++seq}`;
  return {
    now: () => now,
    async advance(days) {
      now = addDaysIso(now, days);
      return engine.tick(now);
    },
    profiles() {
      return options.people.flatMap((person) => {
        const units = [...new Set(person.memberships.map((m) => m.unit))];
        return units.map((unit) => {
          const roles = person.memberships.filter((m) => m.unit === unit).map((m) => m.role);
          const unitName = directory.unit(unit)?.name.zh ?? unit;
          return {
            actor: { id: person.id, unit, roles },
            label: `${person.name.zh} · ${unitName} (${roles.join(", ")})`,
          };
        });
      });
    },
    async start(actor, data) {
      const started = await engine.start({
        definitionId: options.definition.id,
        actor,
        data,
        actionId: action(),
      });
      instanceId = started.id;
      return started;
    },
    async act(req) {
      const current = await engine.get(instanceId ?? "");
      return engine.act({ ...req, actionId: action(), expectedVersion: current.version });
    },
    async instance() {
      return instanceId === undefined ? undefined : engine.get(instanceId);
    },
    async history() {
      return instanceId === undefined ? [] : engine.history(instanceId);
    },
  };
}

/** Open tasks of an instance, the ones a simulated person can act on. */
export function openTasks(instance: Instance | undefined): TaskRecord[] {
  return (instance?.tasks ?? []).filter((t) => t.status === "open");
}
