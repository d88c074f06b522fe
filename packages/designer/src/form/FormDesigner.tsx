import {
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import type { FunctionRegistry } from "@wf/expr";
import { formJsonSchemaDocument } from "@wf/forms";
import { useEffect, useMemo, useReducer, useRef, useState } from "react";
import { JsonView } from "../json/JsonView.tsx";
import type { JsonSchema } from "../json/jsonCompletions.ts";
import { SideTabs } from "../ui/SideTabs";
import { pick, uiText } from "../ui/uiText.ts";
import { useDesignerKeys } from "../ui/useDesignerKeys.ts";
import { useDesignerStyles } from "../ui/useDesignerStyles.ts";
import type { DesignDefinition } from "../workflow/workflowTypes.ts";
import { dropAction } from "./canvasDrop.ts";
import { checkFormForPublish } from "./checkFormForPublish.ts";
import { FieldList } from "./FieldList.tsx";
import { FieldProperties } from "./FieldProperties.tsx";
import { FormChecks } from "./FormChecks.tsx";
import { FormPreview } from "./FormPreview.tsx";
import { FormToolbar, formShortcut } from "./FormToolbar.tsx";
import { formDesignerReducer, initFormDesigner } from "./formDesignerReducer.ts";
import { type DesignerLocale, type DesignForm, localText } from "./formTypes.ts";
import { OutlineTree } from "./OutlineTree.tsx";
import { Palette } from "./Palette.tsx";
import { previewStepsFor } from "./previewSteps.ts";

/** Props of {@link FormDesigner}. */
export interface FormDesignerProps {
  /** The form to start from; later changes of this prop are ignored (give a new `key` to reload). */
  form: DesignForm;
  /** Called with every change of the form (canvas, properties, JSON, undo). */
  onChange?: (form: DesignForm) => void;
  /** Called with the form as its next version when the author publishes and the checks pass. */
  onPublish?: (form: DesignForm) => void;
  /** Definitions whose steps show this form, for "preview as a role at a step". */
  definitions?: readonly DesignDefinition[];
  /** Host functions the form's expressions may call. */
  functions?: FunctionRegistry;
  /** Test values for the live evaluation of conditions and calculations. */
  testData?: Record<string, unknown>;
  locale?: DesignerLocale;
}

let formSchemaCache: JsonSchema | undefined;
/** The form language's JSON Schema, generated from its zod schema once, on first use. */
function formSchema(): JsonSchema {
  formSchemaCache ??= formJsonSchemaDocument();
  return formSchemaCache;
}

type SidePanel = "properties" | "outline" | "preview" | "json" | "checks";

/**
 * The form designer: palette, drag-and-drop canvas (with keyboard moves), property panel,
 * outline, live preview as a role at a step, JSON view in sync, pre-publish checks, undo/redo.
 *
 * @example <FormDesigner form={json} definitions={[selection]} onPublish={save} locale="zh-CN" />
 */
export function FormDesigner(props: FormDesignerProps) {
  const locale = props.locale ?? "zh-CN";
  const t = uiText(locale);
  useDesignerStyles();
  const [state, dispatch] = useReducer(formDesignerReducer, props.form, initFormDesigner);
  const [panel, setPanel] = useState<SidePanel>("properties");
  const form = state.history.present;
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;
  const first = useRef(form);
  useEffect(() => {
    if (form !== first.current) onChange.current?.(form);
  }, [form]);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const onDragEnd = (event: DragEndEvent) => {
    const action = dropAction(form, event.active.id, event.over?.id ?? null);
    if (action) dispatch(action);
  };
  const issues = useMemo(
    () => checkFormForPublish(form, props.functions ? { functions: props.functions } : {}),
    [form, props.functions],
  );
  const steps = useMemo(
    () => previewStepsFor(form.id, props.definitions ?? [], locale),
    [form.id, props.definitions, locale],
  );
  const rootRef = useRef<HTMLDivElement>(null);
  // Shortcuts work wherever focus is inside the designer.
  useDesignerKeys(rootRef, dispatch, (event) => formShortcut(event, state));

  const tabs: [SidePanel, string][] = [
    ["properties", t.properties],
    ["outline", t.outline],
    ["preview", t.preview],
    ["json", t.json],
    ["checks", `${t.checks} (${issues.length})`],
  ];
  return (
    <div className="wf-designer wf-form-designer" ref={rootRef}>
      <FormToolbar state={state} dispatch={dispatch} locale={locale} />
      {state.refusal ? (
        <p className="wf-refusal" role="status">
          {state.refusal}
        </p>
      ) : null}
      <div className="wf-fd-body">
        <DndContext sensors={sensors} onDragEnd={onDragEnd}>
          <Palette
            locale={locale}
            onAdd={(type) => {
              const at = state.selected;
              const list = at ? at.slice(0, -1) : ["fields"];
              const index = at ? Number(at.at(-1)) + 1 : form.fields.length;
              dispatch({ type: "add", fieldType: type, list, index });
            }}
          />
          <section className="wf-fd-canvas" aria-label={t.canvas}>
            <h2>{localText(form.title, locale)}</h2>
            <FieldList
              fields={form.fields}
              path={["fields"]}
              selected={state.selected}
              locale={locale}
              dispatch={dispatch}
              label={t.canvas}
            />
          </section>
        </DndContext>
        <aside>
          <SideTabs tabs={tabs} open={panel} onOpen={setPanel} />
          <div role="tabpanel">
            {panel === "properties" ? (
              <FieldProperties
                // A fresh panel per field: text typed but not yet committed never follows the
                // selection to another field.
                key={state.selected?.join(".") ?? ""}
                form={form}
                path={state.selected}
                locale={locale}
                dispatch={dispatch}
                functions={props.functions}
                testData={props.testData}
              />
            ) : null}
            {panel === "outline" ? (
              <OutlineTree form={form} selected={state.selected} locale={locale} dispatch={dispatch} />
            ) : null}
            {panel === "preview" ? (
              <FormPreview form={form} locale={locale} steps={steps} functions={props.functions} />
            ) : null}
            {panel === "json" ? (
              <JsonView
                value={form}
                onChange={(next) => {
                  if (
                    typeof next === "object" &&
                    next !== null &&
                    Array.isArray((next as DesignForm).fields)
                  ) {
                    dispatch({ type: "replace", form: next as DesignForm });
                  }
                }}
                issues={issues.map((i) => ({ path: i.path, message: pick(i.message, locale) }))}
                label={t.json}
                locale={locale}
                schema={formSchema()}
              />
            ) : null}
            {panel === "checks" ? (
              <FormChecks
                form={form}
                issues={issues}
                locale={locale}
                onShow={(path) => {
                  dispatch({ type: "select", path });
                  setPanel("properties");
                }}
                onPublish={props.onPublish}
              />
            ) : null}
          </div>
        </aside>
      </div>
    </div>
  );
}
