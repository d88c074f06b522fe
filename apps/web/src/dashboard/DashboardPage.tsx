import type { InstanceStatus } from "@wf/engine";
import { useId, useState } from "react";
import { dashboardScope } from "../admin/access.ts";
import "../styles/admin.css";
import { useEngine } from "../engine/EngineProvider.tsx";
import { explainError } from "../engine/explainError.ts";
import { useEngineQuery } from "../engine/useEngineQuery.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useOrg } from "../org/OrgProvider.tsx";
import { useProfile } from "../profile/ProfileProvider.tsx";
import { NeedProfile } from "../ui/NeedProfile.tsx";
import { SaidNotice } from "../ui/SaidNotice.tsx";
import { BarChart, ChartLegend } from "./BarChart.tsx";
import { countCases } from "./dashboardCounts.ts";

const statuses: InstanceStatus[] = ["running", "completed", "cancelled"];

/**
 * Counts of cases by procedure, by state and by township, as bar charts. Overseeing roles see
 * the whole region, a township party committee its own township; others are told why not.
 */
export function DashboardPage() {
  const { t, text } = useI18n();
  const org = useOrg();
  const { actor } = useProfile();
  const { services } = useEngine();
  const [procedure, setProcedure] = useState("");
  const selectId = useId();
  const scope = dashboardScope(actor, org);
  const state = useEngineQuery(
    async ({ store }) => ({
      cases: await store.queryInstances({}),
      procedures: [...new Set((await store.listDefinitions()).map((d) => d.id))],
    }),
    [],
  );

  if (!actor) return <NeedProfile />;
  const header = (
    <div className="page-header">
      <h1 id="dashboard-title">{t("dashboard.title")}</h1>
      {scope && (
        <p className="muted">
          {scope.kind === "all"
            ? t("dashboard.scopeAll")
            : t("dashboard.scopeTownship", { township: text(org.unit(scope.township)?.name) })}
        </p>
      )}
    </div>
  );
  if (!scope)
    return (
      <section aria-labelledby="dashboard-title">
        {header}
        <SaidNotice tone="warn" said={{ key: "dashboard.notAllowed" }} />
      </section>
    );

  const counts =
    state.status === "ready"
      ? countCases(state.data.cases, {
          org,
          definitionOf: (c) => services.definition(c.definitionId, c.definitionVersion),
          township: scope.kind === "township" ? scope.township : undefined,
          procedure: procedure || undefined,
        })
      : undefined;

  return (
    <section aria-labelledby="dashboard-title" className="admin-page">
      {header}
      <div className="card">
        <div className="toolbar">
          <label htmlFor={selectId}>{t("dashboard.procedure")}</label>
          <select
            id={selectId}
            className="select toolbar-select"
            value={procedure}
            onChange={(e) => setProcedure(e.target.value)}
          >
            <option value="">{t("dashboard.allProcedures")}</option>
            {(state.data?.procedures ?? []).map((id) => (
              <option key={id} value={id}>
                {text(services.definition(id)?.title ?? id)}
              </option>
            ))}
          </select>
        </div>
        {state.status === "loading" && <p role="status">{t("common.loading")}</p>}
        {state.status === "failed" && <SaidNotice said={explainError(state.error)} />}
        {counts && (
          <dl className="stat-grid">
            {statuses.map((s) => (
              <div key={s} className={`stat stat-${s}`}>
                <dt>{t(`case.${s}`)}</dt>
                <dd>{counts.total[s]}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
      {counts && (
        <div className="card">
          <ChartLegend />
          <div className="chart-grid">
            {!procedure && <BarChart title={t("dashboard.byProcedure")} rows={counts.byProcedure} />}
            <BarChart title={t("dashboard.byState")} rows={counts.byState} />
            <BarChart title={t("dashboard.byTownship")} rows={counts.byTownship} limit={30} />
          </div>
        </div>
      )}
    </section>
  );
}
