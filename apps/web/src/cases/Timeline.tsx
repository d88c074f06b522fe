import type { AuditEvent, Definition } from "@wf/engine";
import { FormHostProvider, FormView } from "@wf/forms/react";
import { useMemo } from "react";
import { useEngine } from "../engine/EngineProvider.tsx";
import { attachmentsOf } from "../files/attachmentsOf.ts";
import { formatTime } from "../i18n/formatTime.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import type { MessageKey } from "../i18n/messages.ts";
import { useOrg } from "../org/OrgProvider.tsx";
import { pickerDirectory } from "../org/pickerDirectory.ts";
import { href } from "../routing/useHashRoute.ts";
import type { SubmittedForm } from "./evidenceBundle.ts";
import { outcomeLabel, stepTitle } from "./stepText.ts";

const eventKeys: Record<string, MessageKey> = {
  started: "event.started",
  acted: "event.acted",
  claimed: "event.claimed",
  released: "event.released",
  delegated: "event.delegated",
  signerAdded: "event.signerAdded",
  timer: "event.timer",
  childStarted: "event.childStarted",
  childEnded: "event.childEnded",
  cancelled: "event.cancelled",
};

/** The case's audit log as a timeline: when, who (and at which unit), what, and the opinion. */
export function Timeline({
  events,
  definition,
  forms,
  print,
}: {
  events: AuditEvent[];
  definition: Definition | undefined;
  /** Forms submitted in the case, by the seq of the event that submitted them. */
  forms: ReadonlyMap<number, SubmittedForm>;
  /** The print view shows every form open. */
  print: boolean;
}) {
  const { t, text, lang } = useI18n();
  const org = useOrg();
  const { services } = useEngine();
  // Picker values (people, units) are ids; the host directory turns them into names.
  const host = useMemo(() => ({ directory: pickerDirectory(org), storage: services.files }), [org, services]);
  return (
    <FormHostProvider host={host}>
      <ol className="timeline">
        {events.map((e) => {
          const who = e.actor === "system" ? t("event.system") : text(org.person(e.actor)?.name ?? e.actor);
          const unit = e.actor === "system" ? undefined : org.unit(e.unit);
          const kind = eventKeys[e.type];
          return (
            <li key={e.seq} className={`timeline-item timeline-${e.type}`}>
              <div className="timeline-head">
                <strong>{text(stepTitle(definition, e.step))}</strong>
                <span className="badge">{kind ? t(kind) : e.type}</span>
                {e.outcome && (
                  <span className="badge badge-primary">
                    {text(outcomeLabel(definition, e.step, e.outcome))}
                  </span>
                )}
              </div>
              <div className="timeline-meta muted">
                <time dateTime={e.at}>{formatTime(e.at, lang)}</time> · {who}
                {unit && <> · {text(unit.name)}</>}
              </div>
              {e.opinion && <blockquote className="timeline-opinion">{e.opinion}</blockquote>}
              {forms.get(e.seq)?.ref && (
                <details className="timeline-form" open={print}>
                  <summary>{t("case.submittedForm")}</summary>
                  <FormView
                    form={services.forms.form({
                      ref: forms.get(e.seq)?.ref ?? "",
                      version: forms.get(e.seq)?.version,
                    })}
                    values={forms.get(e.seq)?.values ?? {}}
                    locale={lang === "zh" ? "zh-CN" : "en"}
                  />
                </details>
              )}
              {attachmentsOf(forms.get(e.seq)?.values).length > 0 && (
                <ul className="attachments">
                  {attachmentsOf(forms.get(e.seq)?.values).map((f) => (
                    <li key={f.id}>
                      <span className="muted">{t("case.attachment")}:</span>{" "}
                      <a href={href({ name: "file", fileId: f.id })} target="_blank" rel="noreferrer">
                        {f.name}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </FormHostProvider>
  );
}
