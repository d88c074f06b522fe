import { useMemo, useState } from "react";
import { useEngine } from "../engine/EngineProvider.tsx";
import { explainError } from "../engine/explainError.ts";
import { useEngineQuery } from "../engine/useEngineQuery.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useOrg } from "../org/OrgProvider.tsx";
import { useProfile } from "../profile/ProfileProvider.tsx";
import type { Actor } from "../profile/profiles.ts";
import { href } from "../routing/useHashRoute.ts";
import { NeedProfile } from "../ui/NeedProfile.tsx";
import { SaidNotice } from "../ui/SaidNotice.tsx";
import { caseLabel } from "./caseLabel.ts";
import { type InboxData, loadInbox } from "./loadInbox.ts";
import { TaskRow } from "./TaskRow.tsx";

type View = "mine" | "unit" | "overdue";
const views: View[] = ["mine", "unit", "overdue"];

/** The inbox: my tasks, my role's queue at my unit, and what is overdue, with filters and search. */
export function InboxPage() {
  const { actor } = useProfile();
  if (!actor) return <NeedProfile />;
  return <Inbox actor={actor} />;
}

function Inbox({ actor }: { actor: Actor }) {
  const { t, text } = useI18n();
  const org = useOrg();
  const { services } = useEngine();
  const [view, setView] = useState<View>("mine");
  const [query, setQuery] = useState("");
  const [procedure, setProcedure] = useState("");
  const now = services.clock();
  const state = useEngineQuery(
    (s) => loadInbox(s, actor, s.clock()),
    [actor.id, actor.unit, actor.roles.join()],
  );

  const procedures = useMemo(() => {
    const ids = new Set<string>();
    for (const list of state.data ? [state.data.mine, state.data.unit] : [])
      for (const t of list) ids.add(t.definitionId);
    return [...ids].map((id) => ({ id, title: services.definition(id)?.title ?? { zh: id, en: id } }));
  }, [state.data, services]);

  const shown = useMemo(() => {
    if (!state.data) return [];
    const needle = query.trim().toLowerCase();
    return state.data[view].filter((task) => {
      if (procedure && task.definitionId !== procedure) return false;
      if (!needle) return true;
      const instance = state.data?.instances.get(task.instanceId);
      const label = caseLabel(instance, org);
      const def = services.definition(task.definitionId);
      const hay = [
        task.title.zh,
        task.title.en,
        label?.zh,
        label?.en,
        def?.title.zh,
        def?.title.en,
        task.instanceId,
      ];
      return hay.some((h) => h?.toLowerCase().includes(needle));
    });
  }, [state.data, view, query, procedure, org, services]);

  const unit = org.unit(actor.unit);
  const count = (v: View, data: InboxData | undefined) => (data ? data[v].length : 0);
  return (
    <section aria-labelledby="inbox-title">
      <div className="page-header">
        <div>
          <h1 id="inbox-title">{t("inbox.title")}</h1>
          <p>
            {t("inbox.subtitle", {
              unit: text(unit?.name ?? actor.unit),
              roles: actor.roles.map((r) => text(org.roleName(r))).join("、"),
            })}
          </p>
        </div>
      </div>
      <div className="tabs" role="tablist" aria-label={t("inbox.tabs")}>
        {views.map((v) => (
          <button
            key={v}
            type="button"
            role="tab"
            id={`inbox-tab-${v}`}
            aria-selected={view === v}
            aria-controls="inbox-panel"
            tabIndex={view === v ? 0 : -1}
            className="tab"
            onClick={() => setView(v)}
            onKeyDown={(e) => {
              // The tabs pattern: arrows move between tabs, Tab moves on to the panel.
              const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
              if (step === 0) return;
              const next = views[(views.indexOf(v) + step + views.length) % views.length] ?? v;
              setView(next);
              document.getElementById(`inbox-tab-${next}`)?.focus();
            }}
          >
            {t(`inbox.${v}`)}
            <span
              className={`tab-count${v === "overdue" && count(v, state.data) > 0 ? " tab-count-danger" : ""}`}
            >
              {count(v, state.data)}
            </span>
          </button>
        ))}
      </div>
      <div className="card" role="tabpanel" id="inbox-panel" aria-labelledby={`inbox-tab-${view}`}>
        <div className="toolbar">
          <label className="visually-hidden" htmlFor="inbox-search">
            {t("inbox.search")}
          </label>
          <input
            id="inbox-search"
            className="input"
            type="search"
            placeholder={t("inbox.search")}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <label className="visually-hidden" htmlFor="inbox-procedure">
            {t("inbox.procedure")}
          </label>
          <select
            id="inbox-procedure"
            className="select toolbar-select"
            value={procedure}
            onChange={(e) => setProcedure(e.target.value)}
          >
            <option value="">{t("inbox.allProcedures")}</option>
            {procedures.map((p) => (
              <option key={p.id} value={p.id}>
                {text(p.title)}
              </option>
            ))}
          </select>
        </div>
        {state.status === "failed" && <SaidNotice said={explainError(state.error)} />}
        {state.status === "loading" && <p className="empty">{t("common.loading")}</p>}
        {state.status === "ready" &&
          (shown.length === 0 ? (
            <div className="empty">
              <p>{query || procedure ? t("inbox.emptyFiltered") : t("inbox.empty")}</p>
              {!query && !procedure && (
                <p className="button-row empty-actions">
                  <a className="btn btn-primary" href={href({ name: "start" })}>
                    {t("start.title")}
                  </a>
                  <a className="btn" href={href({ name: "profile" })}>
                    {t("profile.switchTo")}
                  </a>
                </p>
              )}
            </div>
          ) : (
            <ul className="list">
              {shown.map((task) => (
                <li key={task.id}>
                  <TaskRow task={task} instance={state.data.instances.get(task.instanceId)} now={now} />
                </li>
              ))}
            </ul>
          ))}
      </div>
    </section>
  );
}
