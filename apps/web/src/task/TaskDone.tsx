import type { Instance, TaskOutcome } from "@wf/engine";
import { useI18n } from "../i18n/I18nProvider.tsx";
import type { Actor } from "../profile/profiles.ts";
import { href } from "../routing/useHashRoute.ts";

/**
 * After a decision: what was recorded, the rules' notes (preferences are shown, never blocking),
 * and the next task when it is again for this person, so a clerk can carry on without searching.
 */
export function TaskDone({
  outcome,
  instance,
  actor,
}: {
  outcome: TaskOutcome;
  instance: Instance;
  actor: Actor;
}) {
  const { t, text } = useI18n();
  const next = instance.tasks.find((task) => {
    const a = task.assignee;
    return "person" in a ? a.person === actor.id : a.unit === actor.unit && actor.roles.includes(a.role);
  });
  return (
    <div className="card">
      <div className="notice notice-ok" role="status">
        <p className="notice-text">{t("task.done", { outcome: text(outcome.label) })}</p>
      </div>
      {instance.notices.length > 0 && (
        <div className="notice notice-info">
          <div>
            <strong className="notice-title">{t("task.notices")}</strong>
            <ul className="notice-details">
              {instance.notices.map((n) => (
                <li key={`${n.rule ?? n.field}`}>{text(n.message)}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
      <div className="button-row">
        {next && (
          <a className="btn btn-primary" href={href({ name: "task", taskId: next.id })}>
            {text(next.title)} →
          </a>
        )}
        <a className="btn" href={href({ name: "case", caseId: instance.id, print: false })}>
          {t("task.openCase")}
        </a>
        <a className="btn" href={href({ name: "inbox" })}>
          {t("notFound.home")}
        </a>
      </div>
    </div>
  );
}
