import { useEngine } from "../engine/EngineProvider.tsx";
import { explainError } from "../engine/explainError.ts";
import { useEngineQuery } from "../engine/useEngineQuery.ts";
import { formatTime } from "../i18n/formatTime.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { said } from "../i18n/said.ts";
import { caseLabel } from "../inbox/caseLabel.ts";
import { TaskRow } from "../inbox/TaskRow.tsx";
import { useOrg } from "../org/OrgProvider.tsx";
import { useProfile } from "../profile/ProfileProvider.tsx";
import type { Actor } from "../profile/profiles.ts";
import { href } from "../routing/useHashRoute.ts";
import { NeedProfile } from "../ui/NeedProfile.tsx";
import { SaidNotice } from "../ui/SaidNotice.tsx";
import { downloadJson, evidenceBundle, submittedForms } from "./evidenceBundle.ts";
import { CaseHiddenError, loadCase } from "./loadCase.ts";
import { StepDiagram } from "./StepDiagram.tsx";
import { stepTitle } from "./stepText.ts";
import { Timeline } from "./Timeline.tsx";

/** A case: its state, open tasks, linked cases, the timeline and the audit chain; `print` lays it out for paper. */
export function CasePage({ caseId, print }: { caseId: string; print: boolean }) {
  const { actor } = useProfile();
  if (!actor) return <NeedProfile />;
  return <Case caseId={caseId} print={print} actor={actor} />;
}

function Case({ caseId, print, actor }: { caseId: string; print: boolean; actor: Actor }) {
  const { t, text, lang } = useI18n();
  const org = useOrg();
  const { services } = useEngine();
  const state = useEngineQuery((s) => loadCase(s, caseId, actor), [caseId, actor.id, actor.unit]);
  if (state.status === "loading") return <p className="empty">{t("common.loading")}</p>;
  if (state.status === "failed")
    return (
      <SaidNotice
        said={state.error instanceof CaseHiddenError ? said("cases.hidden") : explainError(state.error)}
        tone={state.error instanceof CaseHiddenError ? "warn" : "error"}
      />
    );
  const { instance, events, openTasks, parent, children, chain } = state.data;
  const definition = services.definition(instance.definitionId, instance.definitionVersion);
  const label = caseLabel(instance, org);
  const starter = org.person(instance.startedBy.id);
  const linked = [
    ...(parent ? [{ role: t("case.parent"), relation: "parent" as const, c: parent }] : []),
    ...children.map((c) => ({ role: t("case.child"), relation: "child" as const, c })),
  ];
  const forms = new Map(submittedForms(services, instance, events).map((f) => [f.seq, f]));
  const exportBundle = async () => {
    const bundle = await evidenceBundle(services, instance, events, chain, linked);
    downloadJson(`evidence-${instance.definitionId}-${instance.id}.json`, bundle);
  };

  return (
    <section aria-labelledby="case-title" className={print ? "case-print" : undefined}>
      <div className="page-header">
        <div>
          <p className="eyebrow">{print ? t("print.title") : t("case.title")}</p>
          <h1 id="case-title">
            {definition ? text(definition.title) : instance.definitionId}
            {label && <> · {text(label)}</>}
          </h1>
          <p>
            {instance.id} · v{instance.definitionVersion}
            {print && <> · {t("print.printedAt", { time: formatTime(services.clock(), lang) })}</>}
          </p>
        </div>
        <div className="button-row no-print">
          {print ? (
            <>
              <button type="button" className="btn btn-primary" onClick={() => window.print()}>
                {t("case.print")}
              </button>
              <a className="btn" href={href({ name: "case", caseId, print: false })}>
                {t("common.back")}
              </a>
            </>
          ) : (
            <a className="btn" href={href({ name: "case", caseId, print: true })}>
              {t("case.print")}
            </a>
          )}
          <button type="button" className="btn" onClick={() => void exportBundle()}>
            {t("case.evidence")}
          </button>
        </div>
      </div>
      <div className="card">
        <dl className="facts">
          <dt>{t("case.status")}</dt>
          <dd>
            <span className={`badge ${instance.status === "running" ? "badge-primary" : "badge-ok"}`}>
              {t(`case.${instance.status}`)}
            </span>
            {instance.reason && <> {text(instance.reason)}</>}
          </dd>
          {instance.status === "running" && (
            <>
              <dt>{t("case.current")}</dt>
              <dd>{instance.steps.map((s) => text(stepTitle(definition, s))).join("、")}</dd>
            </>
          )}
          {instance.outcome && !instance.reason && (
            <>
              <dt>{t("case.outcome")}</dt>
              <dd>{instance.outcome}</dd>
            </>
          )}
          <dt>{t("case.startedBy")}</dt>
          <dd>
            {text(starter?.name ?? instance.startedBy.id)} ·{" "}
            {text(org.unit(instance.startedBy.unit)?.name ?? "")}
          </dd>
          <dt>{t("case.startedAt")}</dt>
          <dd>{formatTime(instance.startedAt, lang)}</dd>
          <dt>{t("case.definition")}</dt>
          <dd>
            {t("start.version", { v: instance.definitionVersion })} ·{" "}
            <code title={instance.definitionHash}>{instance.definitionHash.slice(0, 12)}</code>
            {definition?.calendar && <> · {t("case.calendar", { id: definition.calendar })}</>}
          </dd>
          <dt>{t("case.chain")}</dt>
          <dd className={chain.ok ? "text-ok" : "text-danger"}>
            {chain.ok
              ? t("case.chainOk", { n: events.length })
              : t("case.chainBroken", { seq: String(chain.brokenAt ?? "?") })}
          </dd>
        </dl>
      </div>
      {definition && (
        <div className="card">
          <h2>{t("diagram.title")}</h2>
          <StepDiagram definition={definition} instance={instance} events={events} />
        </div>
      )}
      {openTasks.length > 0 && !print && (
        <div className="card">
          <h2>{t("case.openTasks")}</h2>
          <ul className="list">
            {openTasks.map((task) => (
              <li key={task.id}>
                <TaskRow task={task} instance={instance} now={services.clock()} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {linked.length > 0 && (
        <div className="card">
          <h2>{t("case.linked")}</h2>
          <ul className="list">
            {linked.map(({ role, c }) => {
              const d = services.definition(c.definitionId, c.definitionVersion);
              return (
                <li key={c.id} className="linked-case">
                  <span className="badge">{role}</span>{" "}
                  <a href={href({ name: "case", caseId: c.id, print: false })}>
                    {d ? text(d.title) : c.definitionId}
                  </a>{" "}
                  <span className="muted">{t(`case.${c.status}`)}</span>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <div className="card">
        <h2>{t("case.timeline")}</h2>
        <Timeline events={events} definition={definition} forms={forms} print={print} />
      </div>
    </section>
  );
}
