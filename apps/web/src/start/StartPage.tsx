import type { Definition } from "@wf/engine";
import { definitions } from "@wf/workflows";
import { useState } from "react";
import { useEngine } from "../engine/EngineProvider.tsx";
import { explainError } from "../engine/explainError.ts";
import { useEngineQuery } from "../engine/useEngineQuery.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import type { Said } from "../i18n/said.ts";
import { useOrg } from "../org/OrgProvider.tsx";
import { useProfile } from "../profile/ProfileProvider.tsx";
import type { Actor } from "../profile/profiles.ts";
import { navigate } from "../routing/useHashRoute.ts";
import { NeedProfile } from "../ui/NeedProfile.tsx";
import { SaidNotice } from "../ui/SaidNotice.tsx";

/** Start a procedure: every published definition, startable only with one of its start roles. */
export function StartPage() {
  const { actor } = useProfile();
  if (!actor) return <NeedProfile />;
  return <StartList actor={actor} />;
}

function StartList({ actor }: { actor: Actor }) {
  const { t, text } = useI18n();
  const org = useOrg();
  const { services, changed } = useEngine();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<Said>();
  const state = useEngineQuery(async ({ store }) => {
    const latest = new Map<string, number>();
    for (const d of await store.listDefinitions())
      latest.set(d.id, Math.max(d.version, latest.get(d.id) ?? 0));
    // The shipped order (selection, recall, vetting) first, then any others by id.
    const order = (id: string) => {
      const i = definitions.findIndex((d) => (d as { id?: string }).id === id);
      return i < 0 ? definitions.length : i;
    };
    return [...latest]
      .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
      .map(([id, v]) => services.definition(id, v))
      .filter((d): d is Definition => d !== undefined);
  }, []);

  const start = async (definition: Definition) => {
    setBusy(definition.id);
    setError(undefined);
    try {
      const instance = await services.engine.start({
        definitionId: definition.id,
        version: definition.version,
        actor,
        data: {},
        actionId: crypto.randomUUID(),
      });
      changed();
      // The shipped procedures open with a task for the starter; go straight to it.
      const first = instance.tasks.find(
        (task) => "person" in task.assignee && task.assignee.person === actor.id,
      );
      navigate(
        first ? { name: "task", taskId: first.id } : { name: "case", caseId: instance.id, print: false },
      );
    } catch (e) {
      setError(explainError(e));
      setBusy(undefined);
    }
  };

  const person = org.person(actor.id);
  return (
    <section aria-labelledby="start-title">
      <div className="page-header">
        <div>
          <h1 id="start-title">{t("start.title")}</h1>
          <p>
            {t("start.subtitle", {
              name: text(person?.name ?? actor.id),
              unit: text(org.unit(actor.unit)?.name ?? actor.unit),
            })}
          </p>
        </div>
      </div>
      {error && <SaidNotice said={error} />}
      {state.status === "failed" && <SaidNotice said={explainError(state.error)} />}
      {state.status === "loading" && <p className="empty">{t("common.loading")}</p>}
      <ul className="procedure-grid">
        {(state.data ?? []).map((d) => {
          const roles = d.start.roles ?? [];
          const may = roles.some((r) => actor.roles.includes(r));
          const description = (d as { description?: { zh: string; en?: string } }).description;
          return (
            <li key={d.id} className="card procedure-card">
              <h2>{text(d.title)}</h2>
              {description && <p className="muted">{text(description)}</p>}
              <p className="procedure-roles">
                <span className="muted">{t("start.whoMay")}:</span>{" "}
                {roles.map((r) => (
                  <span key={r} className={actor.roles.includes(r) ? "badge badge-ok" : "badge"}>
                    {text(org.roleName(r))}
                  </span>
                ))}
              </p>
              <div className="procedure-foot">
                <span className="muted">{t("start.version", { v: d.version })}</span>
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={!may || busy !== undefined}
                  aria-label={t("start.buttonFor", { title: text(d.title) })}
                  aria-describedby={may ? undefined : `start-why-${d.id}`}
                  onClick={() => void start(d)}
                >
                  {busy === d.id ? t("start.starting") : t("start.button")}
                </button>
              </div>
              {!may && (
                <p className="field-hint" id={`start-why-${d.id}`}>
                  {t("start.none")} {roles.map((r) => text(org.roleName(r))).join("、")}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
