import type { Scope } from "@wf/expr";
import type { CompiledDefinition } from "../compile/compileDefinition";
import { dataKey } from "../definition/checkReferences";
import type { Definition, StepOf } from "../definition/types";
import { NotFoundError, ValidationError, type ValidationIssue } from "../errors";
import type { Evaluator } from "../expr/Evaluator";
import { renderMessage } from "../expr/messageTemplate";
import type { FieldPermissions, FormValidator } from "../ports";
import type { Actor } from "../store/Store";
import type { WfContext } from "./context";
import { setPath } from "./setPath";
import { put } from "./shapes";
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
  const plan = stepPlan(c, step);
  const form = sub.formData ?? {};
  // The scope (and the copy of the data it needs) only when an expression will read it: most
  // submissions have neither an outcome condition nor rules.
  const scope =
    outcome.when !== undefined || (runChecks && plan.rules.length > 0)
      ? ruleScope(c, ctx, step, sub, item)
      : undefined;
  const ev = c.services.ev;
  if (outcome.when !== undefined && scope !== undefined && !passes(ev, outcome.when, scope, sub.at)) {
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
    const version = ctx.forms?.[step.form.ref];
    const ref = version === undefined ? step.form.ref : { ref: step.form.ref, version };
    for (const f of forms.validate(ref, form, plan.permissions)) {
      issues.push({ field: f.path, message: f.message, severity: "block" });
    }
  }
  if (runChecks && scope !== undefined) {
    for (const { name, rule, test } of plan.rules) {
      if (!holds(test, scope, sub.at)) issues.push(ruleIssue(ev, name, rule, scope, sub.at));
    }
  }
  let text = "";
  for (const i of issues) {
    if (i.severity !== "block") continue;
    text += `${text === "" ? "" : "; "}${i.field ?? i.rule}: ${i.message.en}`;
  }
  if (text !== "") {
    throw new ValidationError(`cannot complete step "${stepId}" with "${sub.outcome}": ${text}`, issues);
  }
  return issues;
}

/**
 * The issue of a rule that failed, its message's placeholders evaluated in the rules' scope. (A
 * function of its own: the closure in checkSubmission made V8 allocate a context on every call.)
 */
function ruleIssue(ev: Evaluator, name: string, rule: Rule, scope: Scope, at: string): ValidationIssue {
  return {
    rule: name,
    message: renderMessage(rule.message, (src) => ev.value(src, scope, at)),
    severity: rule.severity,
  };
}

/** The scope of the outcome condition and the rules: the data as the transition will write it. */
function ruleScope(
  c: CompiledDefinition,
  ctx: WfContext,
  step: StepOf<"userTask"> | StepOf<"multiTask">,
  sub: Submission,
  item: unknown,
): Scope {
  const form = sub.formData ?? {};
  let data = ctx.data;
  if (
    step.form?.into !== undefined &&
    sub.formData !== undefined &&
    typeof form === "object" &&
    form !== null
  ) {
    // Rules see the data as the transition will write it (read-only fields dropped).
    data = withForm(data, dataKey(step.form.into), writableForm(step.form, form) as object);
  }
  return c.services.submissionScope(ctx, data, form, sub.actor, item);
}

/** What the transition writes at `key`: the writable form values over what is there already. */
function mergedAt(prev: unknown, writable: object): unknown {
  return typeof prev === "object" && prev !== null ? { ...prev, ...writable } : writable;
}

/**
 * `setPath(data, key, mergedAt(data[key], writable))`. A top-level key is copied with
 * Object.assign onto an object of its own and read back from that copy: a spread copy keeps the
 * case data's hidden class, which in a drive is often one no other case has (so every read of it
 * missed V8's caches, the rules' reads and the read of `key` alike), and the store of the new key
 * on it found no kept transition (1-2 us in a loop over one case). Object.assign builds the copy
 * along the shared transitions from `{}`. Same keys in the same order, the same value read at
 * `key` (own, or Object.prototype's); an own `"__proto__"` (which Object.assign would make the
 * prototype) goes through setPath.
 */
function withForm(data: Record<string, unknown>, key: string, writable: object): Record<string, unknown> {
  if (key === "" || key.includes(".") || Object.hasOwn(data, "__proto__"))
    return setPath(data, key, mergedAt(data[key], writable));
  const out: Record<string, unknown> = Object.assign({}, data);
  const value = mergedAt(out[key], writable);
  if (key === "__proto__") put(out, key, value);
  else out[key] = value;
  return out;
}

type Rule = NonNullable<Definition["rules"]>[string];

/** What checking a step's submissions needs that depends only on the definition. */
interface StepPlan {
  /** The form's field permissions at this step (frozen: the form validator may key a cache on it). */
  permissions: FieldPermissions | undefined;
  /** The step's checks that name a rule of the definition, in order, with its condition ready to run. */
  rules: readonly { name: string; rule: Rule; test: (scope: Scope, at: string) => boolean }[];
}

// Per compiled definition (a step object could be shared by two definitions with other rules).
const plans = new WeakMap<CompiledDefinition, Map<object, StepPlan>>();

function stepPlan(c: CompiledDefinition, step: StepOf<"userTask"> | StepOf<"multiTask">): StepPlan {
  let byStep = plans.get(c);
  if (!byStep) {
    byStep = new Map();
    plans.set(c, byStep);
  }
  let plan = byStep.get(step);
  if (!plan) {
    plan = makeStepPlan(c, step);
    byStep.set(step, plan);
  }
  return plan;
}

// Apart from stepPlan, which runs for every submission: its closure made a context on every call.
function makeStepPlan(c: CompiledDefinition, step: StepOf<"userTask"> | StepOf<"multiTask">): StepPlan {
  const f = step.form;
  return {
    permissions:
      f === undefined
        ? undefined
        : Object.freeze({
            fields: Object.freeze({ ...f.fields }),
            default: f.default ?? "editable",
          }),
    rules: (step.checks ?? []).flatMap((name) => {
      const rule = c.definition.rules?.[name];
      return rule ? [{ name, rule, test: c.services.ev.tester(rule.when) }] : [];
    }),
  };
}

/** A rule whose expression cannot be evaluated (missing data) counts as failed, not as a crash. */
function passes(ev: Evaluator, src: string, scope: Scope, at: string): boolean {
  try {
    return ev.test(src, scope, at);
  } catch {
    return false;
  }
}

/** {@link passes} for a condition the step plan keeps ready. */
function holds(test: (scope: Scope, at: string) => boolean, scope: Scope, at: string): boolean {
  try {
    return test(scope, at);
  } catch {
    return false;
  }
}
