import type { InstanceStatus } from "@wf/engine";
import { useState } from "react";
import { useEngine } from "../engine/EngineProvider.tsx";
import { explainError } from "../engine/explainError.ts";
import { useEngineQuery } from "../engine/useEngineQuery.ts";
import { formatTime } from "../i18n/formatTime.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { caseLabel } from "../inbox/caseLabel.ts";
import { useOrg } from "../org/OrgProvider.tsx";
import { useProfile } from "../profile/ProfileProvider.tsx";
import type { Actor } from "../profile/profiles.ts";
import { href } from "../routing/useHashRoute.ts";
import { NeedProfile } from "../ui/NeedProfile.tsx";
import { SaidNotice } from "../ui/SaidNotice.tsx";
import { overseesAll, visibleCases } from "./caseVisibility.ts";
import { stepTitle } from "./stepText.ts";

const statuses: InstanceStatus[] = ["running", "completed", "cancelled"];

/** The cases this person may see (see caseVisibility.ts), newest first, filtered by status. */
export function CasesPage() {
  const { actor } = useProfile();
  if (!actor) return <NeedProfile />;
  return <CaseList actor={actor} />;
}

function CaseList({ actor }: { actor: Actor }) {
  const { t, text, lang } = useI18n();
  const org = useOrg();
  const { services } = useEngine();
  const [status, setStatus] = useState<InstanceStatus | "">("");
  const state = useEngineQuery(
    async (s) => {
      const all = await s.store.queryInstances(status ? { status } : {});
      const visible = await visibleCases(s, actor, all);
      return visible.sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1));
    },
    [status, actor.id, actor.unit, actor.roles.join()],
  );
  return (
    <section aria-labelledby="cases-title">
      <div className="page-header">
        <div>
          <h1 id="cases-title">{t("cases.title")}</h1>
          <p>{overseesAll(actor) ? t("cases.scopeAll") : t("cases.scopeMine")}</p>
        </div>
      </div>
      <div className="card">
        <div className="toolbar">
          <label htmlFor="cases-status" className="visually-hidden">
            {t("case.status")}
          </label>
          <select
            id="cases-status"
            className="select toolbar-select"
            value={status}
            onChange={(e) => setStatus(e.target.value as InstanceStatus | "")}
          >
            <option value="">{t("cases.all")}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(`case.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {state.status === "failed" && <SaidNotice said={explainError(state.error)} />}
        {state.status === "ready" && state.data.length === 0 && <p className="empty">{t("cases.empty")}</p>}
        <ul className="list">
          {(state.data ?? []).map((c) => {
            const definition = services.definition(c.definitionId, c.definitionVersion);
            const label = caseLabel(c, org);
            return (
              <li key={c.id}>
                <a className="task-row" href={href({ name: "case", caseId: c.id, print: false })}>
                  <div className="task-row-main">
                    <div className="task-row-title">
                      <span className="task-step">
                        {definition ? text(definition.title) : c.definitionId}
                      </span>
                      <span className={`badge ${c.status === "running" ? "badge-primary" : "badge-ok"}`}>
                        {t(`case.${c.status}`)}
                      </span>
                    </div>
                    {label && <div className="task-row-case">{text(label)}</div>}
                    <div className="task-row-meta muted">
                      {c.steps.map((s) => text(stepTitle(definition, s))).join("、")}
                    </div>
                  </div>
                  <div className="task-row-dates muted">
                    <span>{formatTime(c.startedAt, lang)}</span>
                  </div>
                </a>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
