import type { Instance, TaskOutcome } from "@wf/engine";
import { useState } from "react";
import { useEngine } from "../engine/EngineProvider.tsx";
import { explainError } from "../engine/explainError.ts";
import { useEngineQuery } from "../engine/useEngineQuery.ts";
import { whyCannotAct } from "../engine/whyCannotAct.ts";
import { formatTime } from "../i18n/formatTime.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { caseLabel } from "../inbox/caseLabel.ts";
import { useOrg } from "../org/OrgProvider.tsx";
import { useProfile } from "../profile/ProfileProvider.tsx";
import type { Actor } from "../profile/profiles.ts";
import { href } from "../routing/useHashRoute.ts";
import { NeedProfile } from "../ui/NeedProfile.tsx";
import { SaidNotice } from "../ui/SaidNotice.tsx";
import { loadTask } from "./loadTask.ts";
import { TaskDone } from "./TaskDone.tsx";
import { TaskWork } from "./TaskWork.tsx";

/** One task: what it is, and either the work to do or the reason this person cannot do it. */
export function TaskPage({ taskId }: { taskId: string }) {
  const { actor } = useProfile();
  if (!actor) return <NeedProfile />;
  // A new person or task starts a fresh page: drafts are per task and person.
  return <Task key={`${taskId}|${actor.id}|${actor.unit}`} taskId={taskId} actor={actor} />;
}

function Task({ taskId, actor }: { taskId: string; actor: Actor }) {
  const { t, text, lang } = useI18n();
  const org = useOrg();
  const { services } = useEngine();
  const state = useEngineQuery((s) => loadTask(s, taskId, actor.id), [taskId, actor.id]);
  const [done, setDone] = useState<{ outcome: TaskOutcome; instance: Instance }>();

  if (state.status === "loading") return <p className="empty">{t("task.loading")}</p>;
  if (state.status === "failed") return <SaidNotice said={explainError(state.error)} />;
  const { task, instance, events } = state.data;
  const definition = services.definition(task.definitionId, task.definitionVersion);
  const label = caseLabel(instance, org);
  const why = done ? undefined : whyCannotAct(task, actor, org, { definition, instance, events });

  return (
    <section aria-labelledby="task-title">
      <div className="page-header">
        <div>
          <p className="eyebrow">{definition ? text(definition.title) : task.definitionId}</p>
          <h1 id="task-title">{text(task.title)}</h1>
          <p>
            {label && <span>{text(label)} · </span>}
            <a href={href({ name: "case", caseId: instance.id, print: false })}>
              {t("task.case")} {instance.id.slice(0, 8)}
            </a>
            {task.due && <span> · {t("inbox.due", { time: formatTime(task.due, lang) })}</span>}
          </p>
        </div>
      </div>
      {done ? (
        <TaskDone outcome={done.outcome} instance={done.instance} actor={actor} />
      ) : why ? (
        <>
          <SaidNotice said={why} tone="warn" title={t("task.cannotAct")} />
          {state.data.draft?.opinion && (
            <div className="card kept-draft">
              <p>{t("task.keptDraft")}</p>
              <blockquote className="timeline-opinion">{state.data.draft.opinion}</blockquote>
            </div>
          )}
        </>
      ) : (
        <TaskWork
          loaded={state.data}
          actor={actor}
          onDone={(outcome, result) => setDone({ outcome, instance: result })}
        />
      )}
    </section>
  );
}
