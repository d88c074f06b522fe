import type { Dispatch } from "react";
import type { DesignerLocale } from "../form/formTypes.ts";
import { SelectInput, TextInput } from "../form/propertyInputs.tsx";
import { uiText } from "../ui/uiText.ts";
import { definitionScope } from "./definitionScope.ts";
import { type DesignNamedRule, NamedRulesEditor } from "./NamedRulesEditor.tsx";
import { listSteps } from "./stepIndex.ts";
import type { WorkflowDesignerAction } from "./workflowDesignerReducer.ts";
import type { DesignDefinition, DesignSodRule } from "./workflowTypes.ts";

/** Props of {@link DefinitionProperties}. */
export interface DefinitionPropertiesProps {
  definition: DesignDefinition;
  dispatch: Dispatch<WorkflowDesignerAction>;
  locale: DesignerLocale;
}

const DATA_TYPES = [
  "string",
  "number",
  "boolean",
  "date",
  "datetime",
  "person",
  "orgUnit",
  "object",
  "list",
  "any",
] as const;

const list = (text: string | undefined) =>
  (text ?? "")
    .split(/[,，\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * What belongs to the procedure rather than to a step: id and title, the roles it uses, who may
 * start and cancel it, its calendar, its typed case data and its separation-of-duties rules, so
 * a new procedure can be set up without opening the JSON.
 */
export function DefinitionProperties(props: DefinitionPropertiesProps) {
  const t = uiText(props.locale);
  const def = props.definition;
  const set = (changes: Record<string, unknown>, label = "edit procedure") => {
    const next = { ...def, ...changes } as DesignDefinition;
    for (const [k, v] of Object.entries(changes)) if (v === undefined) delete next[k];
    props.dispatch({ type: "replace", definition: next, label });
  };
  const roleSet = (key: "start" | "cancel") =>
    (def[key] as { roles?: string[] } | undefined)?.roles?.join(", ");
  const data = (typeof def.data === "object" && def.data !== null ? def.data : {}) as Record<
    string,
    { type?: string }
  >;
  const rules = def.separationOfDuties ?? [];
  const setRules = (next: DesignSodRule[]) => set({ separationOfDuties: next.length > 0 ? next : undefined });
  const steps = listSteps(def)
    .filter((s) => s.step.kind === "userTask" || s.step.kind === "multiTask")
    .map((s) => s.id);
  return (
    <section className="wf-wd-props" aria-label={t.procedure}>
      <TextInput label={t.procedureId} value={def.id} onCommit={(id) => id && set({ id })} />
      <TextInput
        label={`${t.title} (zh)`}
        value={def.title?.zh}
        onCommit={(zh) => set({ title: { ...def.title, zh: zh ?? "" } })}
      />
      <TextInput
        label={`${t.title} (en)`}
        value={def.title?.en}
        onCommit={(en) => set({ title: { zh: def.title?.zh ?? "", ...(en ? { en } : {}) } })}
      />
      <TextInput label={t.roles} value={def.roles?.join(", ")} onCommit={(v) => set({ roles: list(v) })} />
      <TextInput
        label={t.startRoles}
        value={roleSet("start")}
        onCommit={(v) => set({ start: { roles: list(v) } })}
      />
      <TextInput
        label={t.cancelRoles}
        value={roleSet("cancel")}
        onCommit={(v) => set({ cancel: list(v).length > 0 ? { roles: list(v) } : undefined })}
      />
      <TextInput
        label={t.calendar}
        value={typeof def.calendar === "string" ? def.calendar : undefined}
        onCommit={(calendar) => set({ calendar })}
      />
      <fieldset className="wf-prop">
        <legend>{t.dataFields}</legend>
        {Object.entries(data).map(([key, field]) => (
          <div key={key}>
            <SelectInput
              label={`${key}: ${t.fieldType}`}
              value={field.type}
              options={DATA_TYPES.map((d) => [d, d] as const)}
              onCommit={(type) => set({ data: { ...data, [key]: { ...field, type: type ?? "any" } } })}
            />
            <button
              type="button"
              onClick={() => {
                const { [key]: _gone, ...rest } = data;
                set({ data: rest });
              }}
            >{`${t.remove} ${key}`}</button>
          </div>
        ))}
        <TextInput
          label={t.addDataField}
          value={undefined}
          onCommit={(key) => key && !data[key] && set({ data: { ...data, [key]: { type: "string" } } })}
        />
      </fieldset>
      <NamedRulesEditor
        rules={
          (typeof def.rules === "object" && def.rules !== null ? def.rules : {}) as Record<
            string,
            DesignNamedRule
          >
        }
        onChange={(rules) => set({ rules })}
        scope={definitionScope(def)}
        locale={props.locale}
      />
      <fieldset className="wf-prop">
        <legend>{t.separation}</legend>
        {rules.map((rule, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a rule is its position in the list
          <div key={i}>
            <TextInput
              label={`${t.steps} ${i + 1}`}
              value={rule.steps.join(", ")}
              onCommit={(v) => setRules(rules.map((r, j) => (j === i ? { ...r, steps: list(v) } : r)))}
            />
            <SelectInput
              label={`${t.notBy} ${i + 1}`}
              value={rule.notBy === "subject" ? "subject" : `actorOf:${rule.notBy.actorOf}`}
              options={[
                ["subject", t.subject],
                ...steps.map((s) => [`actorOf:${s}`, `${t.actorOf}${s}`] as const),
              ]}
              onCommit={(v) =>
                setRules(
                  rules.map((r, j) =>
                    j === i
                      ? { ...r, notBy: v?.startsWith("actorOf:") ? { actorOf: v.slice(8) } : "subject" }
                      : r,
                  ),
                )
              }
            />
            <button
              type="button"
              onClick={() => setRules(rules.filter((_, j) => j !== i))}
            >{`${t.remove} ${t.separation} ${i + 1}`}</button>
          </div>
        ))}
        <button
          type="button"
          onClick={() => setRules([...rules, { steps: steps.slice(0, 1), notBy: "subject" }])}
        >
          {t.addSeparation}
        </button>
      </fieldset>
    </section>
  );
}
