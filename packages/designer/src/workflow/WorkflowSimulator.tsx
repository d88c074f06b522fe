import type { AuditEvent, Instance, OrgUnit, Person } from "@wf/engine";
import { useEffect, useId, useState } from "react";
import type { DesignerLocale, DesignForm } from "../form/formTypes.ts";
import { readJson } from "../json/locateJsonPath.ts";
import { uiText } from "../ui/uiText.ts";
import { createSimulation, openTasks, type SimCalendars, type Simulation } from "./createSimulation.ts";
import { SimTaskForm } from "./SimTaskForm.tsx";
import type { DesignDefinition } from "./workflowTypes.ts";

/** Props of {@link WorkflowSimulator}. */
export interface WorkflowSimulatorProps {
  definition: DesignDefinition;
  forms?: readonly DesignForm[] | undefined;
  units: readonly OrgUnit[];
  people: readonly Person[];
  calendars?: SimCalendars | undefined;
  /** Where the simulated clock starts (ISO date-time with offset). */
  now: string;
  locale?: DesignerLocale | undefined;
}

function objectOf(text: string): Record<string, unknown> | undefined {
  const read = readJson(text);
  return read.ok && typeof read.value === "object" && read.value !== null && !Array.isArray(read.value)
    ? (read.value as Record<string, unknown>)
    : undefined;
}

/**
 * Run the definition being designed, step by step: start a case as any profile of the org
 * catalog with test data, act on each open task as any profile (refusals show why: wrong role,
 * separation of duties, form errors), move the clock to fire timers and deadlines, and read the
 * audit log. A new simulation starts whenever the definition changes.
 */
export function WorkflowSimulator(props: WorkflowSimulatorProps) {
  const t = uiText(props.locale);
  const ids = { profile: useId(), data: useId(), days: useId(), form: useId(), opinion: useId() };
  const [sim, setSim] = useState<Simulation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [profile, setProfile] = useState(0);
  const [dataText, setDataText] = useState("{}");
  const [formText, setFormText] = useState("");
  const [opinion, setOpinion] = useState("");
  const [days, setDays] = useState("1");
  const [instance, setInstance] = useState<Instance | undefined>(undefined);
  const [history, setHistory] = useState<AuditEvent[]>([]);
  const { definition, forms, units, people, calendars, now } = props;

  useEffect(() => {
    let live = true;
    setSim(null);
    setInstance(undefined);
    setHistory([]);
    createSimulation({
      definition,
      units,
      people,
      now,
      ...(forms ? { forms } : {}),
      ...(calendars ? { calendars } : {}),
    }).then(
      (created) => {
        if (!live) return;
        setSim(created);
        setError(null);
      },
      (e: unknown) => {
        if (live) setError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      live = false;
    };
  }, [definition, forms, units, people, calendars, now]);

  const run = async (work: (s: Simulation) => Promise<unknown>) => {
    if (!sim) return;
    try {
      await work(sim);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
    setInstance(await sim.instance());
    setHistory(await sim.history());
  };
  const profiles = sim?.profiles() ?? [];
  const actor = profiles[profile]?.actor;
  return (
    <section className="wf-wd-sim" aria-label={t.simulator}>
      {error ? <p role="alert">{error}</p> : null}
      <label htmlFor={ids.profile}>{t.profile}</label>
      <select id={ids.profile} value={profile} onChange={(e) => setProfile(Number(e.target.value))}>
        {profiles.map((p, i) => (
          <option key={`${p.actor.id}@${p.actor.unit}`} value={i}>
            {p.label}
          </option>
        ))}
      </select>
      <p>
        {t.clock}: <output>{sim?.now() ?? now}</output>
      </p>
      <label htmlFor={ids.days}>{t.advanceDays}</label>
      <input id={ids.days} type="number" value={days} onChange={(e) => setDays(e.target.value)} />
      <button type="button" disabled={!sim} onClick={() => run((s) => s.advance(Number(days) || 0))}>
        {t.advance}
      </button>
      <label htmlFor={ids.data}>{t.caseData}</label>
      <textarea id={ids.data} rows={3} value={dataText} onChange={(e) => setDataText(e.target.value)} />
      <button
        type="button"
        disabled={!sim || !actor}
        onClick={() => run((s) => (actor ? s.start(actor, objectOf(dataText) ?? {}) : Promise.resolve()))}
      >
        {t.startCase}
      </button>
      {instance ? (
        <p>
          {t.status}:{" "}
          <output>{`${instance.status} · ${instance.steps.join(", ")}${instance.outcome ? ` · ${instance.outcome}` : ""}`}</output>
        </p>
      ) : null}
      <h4>{t.openTasks}</h4>
      {instance && openTasks(instance).length === 0 ? <p>{t.noTasks}</p> : null}
      <label htmlFor={ids.form}>{t.formData}</label>
      <textarea id={ids.form} rows={2} value={formText} onChange={(e) => setFormText(e.target.value)} />
      <label htmlFor={ids.opinion}>{t.opinion}</label>
      <input id={ids.opinion} value={opinion} onChange={(e) => setOpinion(e.target.value)} />
      <ul>
        {openTasks(instance).map((task) => (
          <li key={task.id}>
            <strong>{props.locale === "en" ? task.title.en : task.title.zh}</strong> <code>{task.step}</code>
            {task.outcomes.map((o) => (
              <button
                key={o.id}
                type="button"
                onClick={() =>
                  run((s) =>
                    actor
                      ? s.act({
                          taskId: task.id,
                          actor,
                          outcome: o.id,
                          ...(formText.trim() ? { formData: objectOf(formText) ?? {} } : {}),
                          ...(opinion.trim() ? { opinion } : {}),
                        })
                      : Promise.resolve(),
                  )
                }
              >
                {props.locale === "en" ? o.label.en : o.label.zh}
              </button>
            ))}
            <SimTaskForm
              task={task}
              forms={props.forms ?? []}
              locale={props.locale ?? "zh-CN"}
              onSubmit={(outcome, values) =>
                run((sim) =>
                  actor
                    ? sim.act({
                        taskId: task.id,
                        actor,
                        outcome,
                        formData: values,
                        ...(opinion.trim() ? { opinion } : {}),
                      })
                    : Promise.resolve(),
                )
              }
            />
          </li>
        ))}
      </ul>
      <h4>{t.history}</h4>
      <ol aria-label={t.history}>
        {history.map((e) => (
          <li
            key={e.seq}
          >{`${e.at} ${e.type} ${e.step}${e.outcome ? ` → ${e.outcome}` : ""} (${e.actor})`}</li>
        ))}
      </ol>
    </section>
  );
}
