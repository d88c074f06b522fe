import type { AuditEvent, Definition, InstanceRecord, Step } from "@wf/engine";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { stepTitle } from "./stepText.ts";

type Mark = "done" | "current" | "todo";

/** Steps a person would name when describing the procedure: work steps, waits and branches. */
function visible(step: Step): boolean {
  return step.kind !== "auto" && step.kind !== "end";
}

/**
 * The definition's steps in order with the case's position on them: done (someone or a timer
 * acted there), current (active now) and still to come. A return to an earlier step shows that
 * step as current again, since the engine's active steps are the truth.
 */
export function StepDiagram({
  definition,
  instance,
  events,
}: {
  definition: Definition;
  instance: InstanceRecord;
  events: readonly AuditEvent[];
}) {
  const { t, text } = useI18n();
  const acted = new Set(events.filter((e) => e.type !== "started").map((e) => e.step));
  const active = new Set(instance.steps);
  const steps = Object.entries(definition.steps as Record<string, Step>).filter(([, s]) => visible(s));
  const mark = (id: string): Mark => (active.has(id) ? "current" : acted.has(id) ? "done" : "todo");
  const labels: Record<Mark, string> = {
    done: t("diagram.done"),
    current: t("diagram.current"),
    todo: t("diagram.todo"),
  };
  return (
    <ol className="step-diagram" aria-label={t("diagram.title")}>
      {steps.map(([id], i) => {
        const m = mark(id);
        return (
          <li key={id} className={`step step-${m}`} aria-current={m === "current" ? "step" : undefined}>
            <span className="step-dot" aria-hidden="true">
              {m === "done" ? "✓" : i + 1}
            </span>
            <span className="step-name">{text(stepTitle(definition, id))}</span>
            <span className="visually-hidden">({labels[m]})</span>
          </li>
        );
      })}
      {instance.status !== "running" && (
        <li className="step step-end">
          <span className="step-dot" aria-hidden="true">
            ■
          </span>
          <span className="step-name">
            {instance.reason ? text(instance.reason) : t(`case.${instance.status}`)}
          </span>
        </li>
      )}
    </ol>
  );
}
