import type { ActRequest, FieldPermission, Instance, TaskOutcome } from "@wf/engine";
import { FormHostProvider, FormRenderer, type FormRendererHandle } from "@wf/forms/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { useEngine } from "../engine/EngineProvider.tsx";
import { explainError } from "../engine/explainError.ts";
import { formatTime } from "../i18n/formatTime.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import type { Said } from "../i18n/said.ts";
import { useOrg } from "../org/OrgProvider.tsx";
import { pickerDirectory } from "../org/pickerDirectory.ts";
import type { Actor } from "../profile/profiles.ts";
import { ConfirmDialog } from "../ui/ConfirmDialog.tsx";
import { SaidNotice } from "../ui/SaidNotice.tsx";
import { ClaimBar } from "./ClaimBar.tsx";
import { findStep } from "./findStep.ts";
import type { LoadedTask } from "./loadTask.ts";
import { useTaskDraft } from "./useTaskDraft.ts";

type FormValues = Record<string, unknown>;

/**
 * The working part of a task: the step's form, the opinion box and one button per outcome.
 * Outcome buttons sit outside the form renderer and submit it, so the form validates first; an
 * outcome marked `confirm` asks before anything is sent. Everything typed is a draft until then.
 */
export function TaskWork({
  loaded,
  actor,
  onDone,
}: {
  loaded: LoadedTask;
  actor: Actor;
  /** Called once the decision is committed, with the case as it now stands. */
  onDone(outcome: TaskOutcome, instance: Instance): void;
}) {
  const { t, text, lang } = useI18n();
  const org = useOrg();
  const { services, changed } = useEngine();
  const { task, instance, draft: initialDraft } = loaded;
  const definition = services.definition(task.definitionId, task.definitionVersion);
  const draft = useTaskDraft(task.id, actor.id, initialDraft);
  const [opinion, setOpinion] = useState(initialDraft?.opinion ?? "");
  const [opinionMissing, setOpinionMissing] = useState(false);
  const [confirming, setConfirming] = useState<{ outcome: TaskOutcome; values: FormValues | undefined }>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<Said>();
  // The version the clerk saw when the page opened: if the case moves on meanwhile, the engine
  // refuses with a conflict instead of applying a decision made on an outdated picture.
  const [seenVersion, setSeenVersion] = useState(instance.version);
  const pending = useRef<TaskOutcome | undefined>(undefined);
  const formBox = useRef<HTMLDivElement>(null);
  const formHandle = useRef<FormRendererHandle | null>(null);
  const opinionBox = useRef<HTMLTextAreaElement>(null);
  const errorBox = useRef<HTMLDivElement>(null);
  // A refusal is announced (role=alert) and also brought into view: on a phone it would
  // otherwise appear below the fold, under the buttons the clerk just pressed.
  useEffect(() => {
    if (error) errorBox.current?.scrollIntoView?.({ block: "center", behavior: "smooth" });
  }, [error]);

  const compiled = useMemo(
    () => (task.form ? services.forms.form(task.form) : undefined),
    [services, task.form],
  );
  const permissions = useMemo(
    () =>
      task.form
        ? {
            fields: task.form.permissions as Record<string, FieldPermission>,
            default: task.form.default as FieldPermission,
          }
        : undefined,
    [task.form],
  );
  const step = findStep(definition, task.step);
  const into = step && "form" in step ? step.form?.into : undefined;
  const [startValues] = useState<FormValues | undefined>(() => {
    if (initialDraft?.form) return initialDraft.form;
    const saved = into ? instance.data[into] : undefined;
    return saved && typeof saved === "object" ? (saved as FormValues) : undefined;
  });
  // The form opens once with the case data as it was; later changes do not reset it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  const context = useMemo(() => ({ env: { now: services.clock() }, data: instance.data }), [services]);
  const host = useMemo(() => ({ directory: pickerDirectory(org), storage: services.files }), [org, services]);

  const labelOf = (path: string) => compiled?.fields.get(path)?.json.label;

  const act = async (outcome: TaskOutcome, values: FormValues | undefined) => {
    setConfirming(undefined);
    setSubmitting(true);
    setError(undefined);
    try {
      await draft.flush();
      const request: ActRequest = {
        taskId: task.id,
        actor,
        outcome: outcome.id,
        actionId: crypto.randomUUID(),
        expectedVersion: seenVersion,
      };
      if (values !== undefined) request.formData = values;
      if (opinion.trim() !== "") request.opinion = opinion.trim();
      const result = await services.engine.act(request);
      await draft.discard();
      changed();
      onDone(outcome, result);
    } catch (e) {
      setError(explainError(e, labelOf));
    } finally {
      setSubmitting(false);
    }
  };

  const proceed = (values: FormValues | undefined) => {
    const outcome = pending.current;
    if (!outcome) return;
    if (outcome.opinion === "required" && opinion.trim() === "") {
      setOpinionMissing(true);
      opinionBox.current?.focus();
      return;
    }
    if (outcome.confirm) setConfirming({ outcome, values });
    else void act(outcome, values);
  };

  const choose = (outcome: TaskOutcome) => {
    pending.current = outcome;
    setOpinionMissing(false);
    setError(undefined);
    // The form validates and shows its error summary itself; a valid form calls onSubmit -> proceed.
    if (compiled && formHandle.current) void formHandle.current.submit();
    else proceed(undefined);
  };

  const required = pending.current?.opinion === "required" ? pending.current : undefined;
  return (
    <div className="task-work">
      <FormHostProvider host={host}>
        {compiled ? (
          <div className="card task-form" ref={formBox}>
            <FormRenderer
              form={compiled}
              values={startValues}
              permissions={permissions}
              locale={lang === "zh" ? "zh-CN" : "en"}
              context={context}
              onDraft={draft.setForm}
              onSubmit={(values) => proceed(values)}
              hideSubmit
              ref={formHandle}
            />
          </div>
        ) : (
          <p className="card muted">{t("task.noForm")}</p>
        )}
      </FormHostProvider>
      <div className="card">
        <ClaimBar
          task={task}
          actor={actor}
          version={seenVersion}
          onChanged={(i) => setSeenVersion(i.version)}
        />
        <div className="field">
          <label htmlFor="task-opinion">
            {required ? t("task.opinionRequired", { outcome: text(required.label) }) : t("task.opinion")}
          </label>
          <textarea
            id="task-opinion"
            ref={opinionBox}
            className="textarea"
            value={opinion}
            aria-invalid={opinionMissing || undefined}
            aria-describedby="task-opinion-hint"
            onChange={(e) => {
              setOpinion(e.target.value);
              draft.setOpinion(e.target.value);
            }}
          />
          <span id="task-opinion-hint" className="field-hint">
            {t("task.opinionHint")}
          </span>
        </div>
        {error && (
          <div ref={errorBox}>
            <SaidNotice said={error} />
          </div>
        )}
        <fieldset className="outcome-bar">
          <legend className="visually-hidden">{t("task.outcomes")}</legend>
          {task.outcomes.map((o, i) => (
            <button
              key={o.id}
              type="button"
              className={`btn ${o.confirm ? "btn-danger" : i === 0 ? "btn-primary" : ""}`}
              disabled={submitting}
              onClick={() => choose(o)}
            >
              {text(o.label)}
            </button>
          ))}
          <span className="draft-status muted" aria-live="polite">
            {submitting
              ? t("task.submitting")
              : draft.savedAt
                ? t("task.draftSaved", { time: formatTime(draft.savedAt, lang) })
                : ""}
          </span>
        </fieldset>
        {draft.saveError !== undefined && <SaidNotice said={explainError(draft.saveError)} />}
      </div>
      {confirming && (
        <ConfirmDialog
          title={t("task.confirmTitle", { outcome: text(confirming.outcome.label) })}
          confirmLabel={text(confirming.outcome.label)}
          onCancel={() => setConfirming(undefined)}
          onConfirm={() => void act(confirming.outcome, confirming.values)}
        >
          <p>{t("task.confirmBody")}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
