import type { ScopeTypes } from "@wf/expr";
import type { DesignerLocale } from "../form/formTypes.ts";
import { CheckInput, ExpressionInput, NumberInput, SelectInput, TextInput } from "../form/propertyInputs.tsx";
import { uiText } from "../ui/uiText.ts";
import { DurationInput } from "./DurationInput.tsx";
import { stepBranches } from "./stepIndex.ts";
import type { DesignStep } from "./workflowTypes.ts";

/** Props of {@link FlowProperties}. */
export interface FlowPropertiesProps {
  step: DesignStep;
  scope: ScopeTypes;
  /** Steps this one may lead to, as [id, caption] (`@branchEnd` included inside a branch). */
  targets: readonly (readonly [string, string])[];
  set: (changes: Record<string, unknown>) => void;
  /** Add a step in a new branch of this parallel step. */
  addBranch: (name: string) => void;
  locale: DesignerLocale;
}

type Rule = "all" | "any" | { atLeast: number };

function RuleInput(props: { label: string; value: unknown; onCommit: (rule: Rule) => void }) {
  const value = props.value as Rule | undefined;
  const atLeast = typeof value === "object" && value !== null ? value.atLeast : undefined;
  return (
    <>
      <SelectInput
        label={props.label}
        value={atLeast !== undefined ? "atLeast" : value === "any" ? "any" : "all"}
        options={[
          ["all", "all"],
          ["any", "any"],
          ["atLeast", "atLeast n"],
        ]}
        onCommit={(v) =>
          props.onCommit(v === "atLeast" ? { atLeast: atLeast ?? 2 } : v === "any" ? "any" : "all")
        }
      />
      {atLeast !== undefined ? (
        <NumberInput
          label={`${props.label}: n`}
          value={atLeast}
          onCommit={(n) => props.onCommit({ atLeast: Math.max(1, n ?? 1) })}
        />
      ) : null}
    </>
  );
}

/**
 * The properties of steps that route rather than ask someone: conditions of an automatic route,
 * the wait of a timer, signers and completion of a multi-signer task, the join of a parallel
 * step, the sub-process to start, and the outcome an end step records.
 */
export function FlowProperties(props: FlowPropertiesProps) {
  const t = uiText(props.locale);
  const { step, set } = props;
  const next = ["multiTask", "timer", "parallel", "subProcess"].includes(step.kind) ? (
    <SelectInput
      label={t.target}
      value={step.to}
      options={props.targets}
      empty={t.none}
      onCommit={(to) => set({ to })}
    />
  ) : null;
  if (step.kind === "auto") {
    const choose = (Array.isArray(step.choose) ? step.choose : []) as { when: string; to: string }[];
    const setChoose = (list: { when: string; to: string }[]) => set({ choose: list });
    return (
      <fieldset className="wf-prop">
        <legend>{t.conditions}</legend>
        {choose.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a condition is its position in the list
          <div key={i}>
            <ExpressionInput
              label={`${t.expression} ${i + 1}`}
              value={c.when}
              onCommit={(when) => setChoose(choose.map((x, j) => (j === i ? { ...x, when: when ?? "" } : x)))}
              scope={props.scope}
              locale={props.locale}
            />
            <SelectInput
              label={`${t.target} ${i + 1}`}
              value={c.to}
              options={props.targets}
              onCommit={(to) => setChoose(choose.map((x, j) => (j === i ? { ...x, to: to ?? "" } : x)))}
            />
            <button
              type="button"
              onClick={() => setChoose(choose.filter((_, j) => j !== i))}
            >{`${t.remove} ${i + 1}`}</button>
          </div>
        ))}
        <SelectInput
          label={t.otherwise}
          value={typeof step.otherwise === "string" ? step.otherwise : undefined}
          options={props.targets}
          empty={t.none}
          onCommit={(otherwise) => set({ otherwise })}
        />
      </fieldset>
    );
  }
  if (step.kind === "timer") {
    return (
      <>
        <DurationInput
          label={t.afterDays}
          value={step.after}
          onCommit={(after) => set({ after })}
          locale={props.locale}
        />
        {next}
      </>
    );
  }
  if (step.kind === "multiTask") {
    const veto = step.veto as { outcome: string; to: string } | undefined;
    return (
      <>
        <ExpressionInput
          label={t.over}
          value={step.over}
          onCommit={(over) => set({ over })}
          scope={props.scope}
          locale={props.locale}
        />
        <RuleInput label={t.complete} value={step.complete} onCommit={(complete) => set({ complete })} />
        <SelectInput
          label={t.vetoOutcome}
          value={veto?.outcome}
          options={Object.keys(step.outcomes ?? {}).map((o) => [o, o] as const)}
          empty={t.none}
          onCommit={(outcome) =>
            set({ veto: outcome === undefined ? undefined : { to: "", ...veto, outcome } })
          }
        />
        {veto ? (
          <SelectInput
            label={t.vetoTarget}
            value={veto.to || undefined}
            options={props.targets}
            onCommit={(to) => set({ veto: { ...veto, to: to ?? "" } })}
          />
        ) : null}
        <TextInput
          label={t.addSigners}
          value={(step.addSigners as { roles?: string[] } | undefined)?.roles?.join(", ")}
          onCommit={(v) => {
            const roles = (v ?? "").split(/[,，\s]+/).filter(Boolean);
            set({ addSigners: roles.length > 0 ? { roles } : undefined });
          }}
        />
        <TextInput
          label={t.collect}
          value={typeof step.collect === "string" ? step.collect : undefined}
          onCommit={(collect) => set({ collect })}
        />
        {next}
      </>
    );
  }
  if (step.kind === "parallel") {
    const names = Object.keys(stepBranches(step));
    return (
      <>
        <RuleInput label={t.join} value={step.join} onCommit={(join) => set({ join })} />
        <p>{names.join(", ")}</p>
        <button type="button" onClick={() => props.addBranch(`branch${names.length + 1}`)}>
          {t.addStep}
        </button>
        {next}
      </>
    );
  }
  if (step.kind === "subProcess") {
    return (
      <>
        <TextInput
          label={t.definition}
          value={typeof step.definition === "string" ? step.definition : undefined}
          onCommit={(definition) => set({ definition: definition ?? "" })}
        />
        <CheckInput label="wait" value={step.wait} onCommit={(wait) => set({ wait: wait ?? false })} />
        {next}
      </>
    );
  }
  if (step.kind === "end") {
    return (
      <TextInput
        label={t.endOutcome}
        value={typeof step.outcome === "string" ? step.outcome : undefined}
        onCommit={(outcome) => set({ outcome })}
      />
    );
  }
  return next;
}
