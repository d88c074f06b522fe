import type { CompiledDefinition } from "../compile/compileDefinition";
import { dataKey } from "../definition/checkReferences";
import type { StepOf } from "../definition/types";
import { NotFoundError, ValidationError, type ValidationIssue } from "../errors";
import { renderMessage } from "../expr/messageTemplate";
import type { FormValidator } from "../ports";
import type { Actor } from "../store/Store";
import type { WfContext } from "./context";
import { setPath } from "./setPath";
import { writableForm } from "./writableForm";

/** What a person submits with an outcome. */
export interface Submission {
  outcome: string;
  actor: Actor;
  at: string;
  formData?: unknown;
  opinion?: string;
}

/**
 * Check a submission before any transition: the outcome exists and is offered, the opinion is
 * given when required, the form validates, and the step's rules pass. Block rules refuse with
 * a ValidationError listing every issue; warn/info rules come back as notices.
 */
export function checkSubmission(
  c: CompiledDefinition,
  ctx: WfContext,
  stepId: string,
  step: StepOf<"userTask"> | StepOf<"multiTask">,
  sub: Submission,
  forms: FormValidator | undefined,
  item?: unknown,
): ValidationIssue[] {
  const outcome = step.outcomes[sub.outcome];
  if (!outcome) {
    throw new NotFoundError(
      `step "${stepId}" has no outcome "${sub.outcome}"; it has ${Object.keys(step.outcomes).join(", ")}`,
    );
  }
  const issues: ValidationIssue[] = [];
  if (outcome.opinion === "required" && (sub.opinion === undefined || sub.opinion.trim() === "")) {
    issues.push({
      field: "opinion",
      severity: "block",
      message: { zh: "请填写意见", en: "An opinion is required for this outcome" },
    });
  }
  const target = outcome.to === undefined ? undefined : c.index.byId.get(outcome.to)?.step;
  // Checks guard moves that advance the case: not an end, not staying, not a send-back.
  const advances =
    target !== undefined &&
    target.kind !== "end" &&
    outcome.to !== stepId &&
    (c.depth.get(outcome.to ?? "") ?? 0) >= (c.depth.get(stepId) ?? 0);
  const runChecks = outcome.checks ?? advances;
  const form = sub.formData ?? {};
  let data = ctx.data;
  if (
    step.form?.into !== undefined &&
    sub.formData !== undefined &&
    typeof form === "object" &&
    form !== null
  ) {
    // Rules see the data as the transition will write it (read-only fields dropped).
    const key = dataKey(step.form.into);
    const prev = data[key];
    const writable = writableForm(step.form, form) as object;
    data = setPath(
      data,
      key,
      typeof prev === "object" && prev !== null ? { ...prev, ...writable } : writable,
    );
  }
  const ev = c.services.ev;
  const scope = c.services.scope(
    { ...ctx, data },
    { form, actor: sub.actor, ...(item !== undefined ? { item } : {}) },
  );
  if (outcome.when !== undefined && !safeTest(() => ev.test(outcome.when ?? "", scope, sub.at))) {
    issues.push({
      rule: "when",
      severity: "block",
      message: {
        zh: "当前条件下不能选择此结果",
        en: `outcome "${sub.outcome}" is not available now (${outcome.when})`,
      },
    });
  }
  if (step.form && forms && (runChecks || sub.formData !== undefined)) {
    const permissions = { fields: step.form.fields ?? {}, default: step.form.default ?? "editable" };
    const version = ctx.forms?.[step.form.ref];
    const ref = version === undefined ? step.form.ref : { ref: step.form.ref, version };
    for (const f of forms.validate(ref, form, permissions)) {
      issues.push({ field: f.path, message: f.message, severity: "block" });
    }
  }
  if (runChecks) {
    for (const name of step.checks ?? []) {
      const rule = c.definition.rules?.[name];
      if (!rule) continue;
      if (!safeTest(() => ev.test(rule.when, scope, sub.at)))
        issues.push({
          rule: name,
          message: renderMessage(rule.message, (src) => ev.value(src, scope, sub.at)),
          severity: rule.severity,
        });
    }
  }
  const blocking = issues.filter((i) => i.severity === "block");
  if (blocking.length > 0) {
    const text = blocking.map((i) => `${i.field ?? i.rule}: ${i.message.en}`).join("; ");
    throw new ValidationError(`cannot complete step "${stepId}" with "${sub.outcome}": ${text}`, issues);
  }
  return issues;
}

/** A rule whose expression cannot be evaluated (missing data) counts as failed, not as a crash. */
function safeTest(run: () => boolean): boolean {
  try {
    return run();
  } catch {
    return false;
  }
}
