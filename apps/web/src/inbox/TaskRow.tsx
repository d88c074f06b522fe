import type { InstanceRecord, TaskRecord } from "@wf/engine";
import { useEngine } from "../engine/EngineProvider.tsx";
import { formatTime } from "../i18n/formatTime.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useOrg } from "../org/OrgProvider.tsx";
import { href } from "../routing/useHashRoute.ts";
import { caseLabel } from "./caseLabel.ts";

/** One task in a list: step, procedure, who the case is about, who it is for, dates and badges. */
export function TaskRow({
  task,
  instance,
  now,
}: {
  task: TaskRecord;
  instance: InstanceRecord | undefined;
  now: string;
}) {
  const { t, text, lang } = useI18n();
  const org = useOrg();
  const { services } = useEngine();
  const definition = services.definition(task.definitionId, task.definitionVersion);
  const label = caseLabel(instance, org);
  const overdue = task.due !== undefined && Date.parse(task.due) < Date.parse(now);
  const a = task.assignee;
  const forWhom =
    "person" in a
      ? t("inbox.forPerson", { name: text(org.person(a.person)?.name ?? a.person) })
      : t("inbox.forRole", {
          unit: text(org.unit(a.unit)?.name ?? a.unit),
          role: text(org.roleName(a.role)),
        });
  return (
    <a className="task-row" href={href({ name: "task", taskId: task.id })}>
      <div className="task-row-main">
        <div className="task-row-title">
          <span className="task-step">{text(task.title)}</span>
          {definition && <span className="badge badge-primary">{text(definition.title)}</span>}
          {overdue && <span className="badge badge-danger">{t("inbox.overdueBadge")}</span>}
          {task.claimedBy && (
            <span className="badge">
              {t("inbox.claimedBy", { name: text(org.person(task.claimedBy)?.name ?? task.claimedBy) })}
            </span>
          )}
        </div>
        {label && <div className="task-row-case">{text(label)}</div>}
        <div className="task-row-meta muted">{forWhom}</div>
      </div>
      <div className="task-row-dates muted">
        <span>{t("inbox.received", { time: formatTime(task.createdAt, lang) })}</span>
        {task.due && (
          <span className={overdue ? "text-danger" : undefined}>
            {t("inbox.due", { time: formatTime(task.due, lang) })}
          </span>
        )}
      </div>
    </a>
  );
}
