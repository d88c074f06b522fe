import type { ScopeTypes } from "@wf/expr";
import { LAYOUT_TYPES, walkFields } from "../form/fieldPaths.ts";
import type { DesignerLocale, DesignForm } from "../form/formTypes.ts";
import { localText } from "../form/formTypes.ts";
import { ExpressionInput, SelectInput, TextInput } from "../form/propertyInputs.tsx";
import { uiText } from "../ui/uiText.ts";
import { DurationInput } from "./DurationInput.tsx";
import type { DesignAssignee, DesignDefinition, DesignStep } from "./workflowTypes.ts";

/** Props of {@link TaskProperties}. */
export interface TaskPropertiesProps {
  step: DesignStep;
  definition: DesignDefinition;
  forms: readonly DesignForm[];
  scope: ScopeTypes;
  set: (changes: Record<string, unknown>) => void;
  locale: DesignerLocale;
}

const LEVELS = ["city", "county", "township", "village"] as const;
const PERMISSIONS = ["hidden", "readonly", "editable", "required"] as const;

interface FormBlock {
  ref?: string;
  fields?: Record<string, string>;
  default?: string;
  [property: string]: unknown;
}

/**
 * Who acts on a task and what they see: the role and the unit rule of the assignee, the form,
 * and each field's permission at this step (the default applies to fields not listed).
 */
export function TaskProperties(props: TaskPropertiesProps) {
  const t = uiText(props.locale);
  const assignee: DesignAssignee = props.step.assignee ?? {};
  const at = assignee.at ?? {};
  const setAssignee = (next: DesignAssignee) => props.set({ assignee: next });
  const setAt = (prop: "from" | "up" | "child", value: string | undefined) => {
    const nextAt = { ...at, [prop]: value };
    if (value === undefined) delete nextAt[prop];
    setAssignee({ ...assignee, at: nextAt });
  };
  const block = (props.step.form ?? {}) as FormBlock;
  const deadline = (props.step.deadline ?? {}) as Record<string, unknown>;
  const timeout = (props.step.timeout ?? {}) as Record<string, unknown>;
  const setBlock = (next: FormBlock | undefined) => props.set({ form: next });
  const form = props.forms.find((f) => f.id === block.ref);
  const keys: string[] = [];
  if (form) {
    walkFields(form, ({ field, scope }) => {
      if (field.key && !LAYOUT_TYPES.has(field.type)) keys.push(`${scope}${field.key}`);
    });
  }
  const permissionOptions = PERMISSIONS.map((p) => [p, p] as const);
  return (
    <>
      <SelectInput
        label={t.assigneeRole}
        value={assignee.role}
        options={(props.definition.roles ?? []).map((r) => [r, r] as const)}
        empty={t.none}
        onCommit={(role) =>
          setAssignee(role === undefined ? { ...assignee, role: "" } : { ...assignee, role })
        }
      />
      <ExpressionInput
        label={t.assigneeFrom}
        value={at.from}
        onCommit={(v) => setAt("from", v)}
        scope={props.scope}
        locale={props.locale}
      />
      <SelectInput
        label={t.assigneeUp}
        value={at.up}
        options={LEVELS.map((l) => [l, l] as const)}
        empty={t.none}
        onCommit={(v) => setAt("up", v)}
      />
      <TextInput label={t.assigneeChild} value={at.child} onCommit={(v) => setAt("child", v)} />
      <SelectInput
        label={t.form}
        value={block.ref}
        options={props.forms.map((f) => [f.id, `${localText(f.title, props.locale)} (${f.id})`] as const)}
        empty={t.none}
        onCommit={(ref) => setBlock(ref === undefined ? undefined : { ...block, ref })}
      />
      <TextInput
        label={t.stepChecks}
        value={Array.isArray(props.step.checks) ? props.step.checks.join(", ") : undefined}
        onCommit={(v) => {
          const checks = (v ?? "").split(/[,，\s]+/).filter(Boolean);
          props.set({ checks: checks.length > 0 ? checks : undefined });
        }}
      />
      <DurationInput
        label={t.deadline}
        value={deadline.after}
        onCommit={(after) =>
          props.set({ deadline: after === undefined ? undefined : { ...deadline, after } })
        }
        locale={props.locale}
      />
      {deadline.after !== undefined ? (
        <DurationInput
          label={t.remindBefore}
          value={(deadline.remind as { before?: unknown } | undefined)?.before}
          onCommit={(before) => {
            const { remind: _old, ...rest } = deadline;
            props.set({ deadline: before === undefined ? rest : { ...rest, remind: { before } } });
          }}
          locale={props.locale}
        />
      ) : null}
      {props.step.kind === "userTask" ? (
        <>
          <DurationInput
            label={t.timeout}
            value={timeout.after}
            onCommit={(after) =>
              props.set({
                timeout:
                  after === undefined
                    ? undefined
                    : { outcome: Object.keys(props.step.outcomes ?? {})[0] ?? "", ...timeout, after },
              })
            }
            locale={props.locale}
          />
          {timeout.after !== undefined ? (
            <SelectInput
              label={`${t.timeout}: ${t.outcomes}`}
              value={typeof timeout.outcome === "string" ? timeout.outcome : undefined}
              options={Object.keys(props.step.outcomes ?? {}).map((o) => [o, o] as const)}
              onCommit={(outcome) => props.set({ timeout: { ...timeout, outcome: outcome ?? "" } })}
            />
          ) : null}
        </>
      ) : null}
      {block.ref ? (
        <fieldset className="wf-prop">
          <legend>{t.fieldPermissions}</legend>
          <SelectInput
            label={t.defaultPermission}
            value={block.default}
            options={permissionOptions}
            empty="editable"
            onCommit={(v) => {
              const { default: _old, ...rest } = block;
              setBlock(v === undefined ? rest : { ...rest, default: v });
            }}
          />
          {keys.map((key) => (
            <SelectInput
              key={key}
              label={key}
              value={block.fields?.[key]}
              options={permissionOptions}
              empty={`(${block.default ?? "editable"})`}
              onCommit={(v) => {
                const fields = { ...block.fields };
                if (v === undefined) delete fields[key];
                else fields[key] = v;
                const next: FormBlock = { ...block, fields };
                if (Object.keys(fields).length === 0) delete next.fields;
                setBlock(next);
              }}
            />
          ))}
        </fieldset>
      ) : null}
    </>
  );
}
