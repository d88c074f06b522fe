import { definitionJsonSchema, type OrgUnit, type Person, validateDefinition } from "@wf/engine";
import { useEffect, useMemo, useReducer, useRef, useState } from "react";
import type { DesignerLocale, DesignForm } from "../form/formTypes.ts";
import type { JsonPath } from "../history/jsonPatch.ts";
import { JsonView } from "../json/JsonView.tsx";
import type { JsonSchema } from "../json/jsonCompletions.ts";
import { SideTabs } from "../ui/SideTabs";
import { pick, uiText } from "../ui/uiText.ts";
import { historyShortcut, useDesignerKeys } from "../ui/useDesignerKeys.ts";
import { useDesignerStyles } from "../ui/useDesignerStyles.ts";
import { checkStaffing, type StaffingReport } from "./checkStaffing.ts";
import type { SimCalendars } from "./createSimulation.ts";
import { DefinitionProperties } from "./DefinitionProperties.tsx";
import { definitionHints } from "./definitionHints.ts";
import { IssuesPanel } from "./IssuesPanel.tsx";
import { StepProperties } from "./StepProperties.tsx";
import { issuesByStep } from "./stepIssues.ts";
import { WorkflowDiagram } from "./WorkflowDiagram.tsx";
import { WorkflowSimulator } from "./WorkflowSimulator.tsx";
import { WorkflowToolbar } from "./WorkflowToolbar.tsx";
import { initWorkflowDesigner, workflowDesignerReducer } from "./workflowDesignerReducer.ts";
import type { DesignDefinition } from "./workflowTypes.ts";

/** Props of {@link WorkflowDesigner}. */
export interface WorkflowDesignerProps {
  /** The definition to start from; later changes of this prop are ignored (give a new `key`). */
  definition: DesignDefinition;
  onChange?: (definition: DesignDefinition) => void;
  /** Called with the definition as its next version when the checks and the staffing check pass. */
  onPublish?: (definition: DesignDefinition) => void;
  /** Forms steps may show (for the form picker and per-field permissions). */
  forms?: readonly DesignForm[];
  /** The org catalog, for the staffing check and the simulator. */
  catalog?: { units: readonly OrgUnit[]; people: readonly Person[] };
  /** Holiday calendars for working days in the simulator. */
  calendars?: SimCalendars;
  /** Where the simulator's clock starts; the current time when absent. */
  simulationStart?: string;
  locale?: DesignerLocale;
}

let definitionSchemaCache: JsonSchema | undefined;
/** The definition language's JSON Schema, generated from the engine's zod schema once. */
function definitionSchema(): JsonSchema {
  definitionSchemaCache ??= definitionJsonSchema();
  return definitionSchemaCache;
}

/** The current time written in China's offset, as the engine's clock reads it. */
function chinaNow(): string {
  return `${new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

type SidePanel = "procedure" | "properties" | "json" | "issues" | "simulator";

/**
 * The workflow designer: the definition as a diagram with automatic layout, steps added,
 * connected and removed on it or from the toolbar, a property panel per step kind, the JSON in
 * sync, the engine's static checks on the nodes, and a staffing check before publishing.
 *
 * @example <WorkflowDesigner definition={json} forms={forms} catalog={{ units, people }} onPublish={save} />
 */
export function WorkflowDesigner(props: WorkflowDesignerProps) {
  const locale = props.locale ?? "zh-CN";
  const t = uiText(locale);
  useDesignerStyles();
  const [state, dispatch] = useReducer(workflowDesignerReducer, props.definition, initWorkflowDesigner);
  const [panel, setPanel] = useState<SidePanel>("properties");
  const [edge, setEdge] = useState<{ step: string; via: JsonPath } | null>(null);
  const [staffing, setStaffing] = useState<StaffingReport | null>(null);
  const def = state.history.present;
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;
  const first = useRef(def);
  useEffect(() => {
    if (def !== first.current) onChange.current?.(def);
    setStaffing(null);
  }, [def]);

  const forms = props.forms ?? [];
  // Fixed when the designer opens, so the simulator does not restart on every render.
  const [startAt] = useState(() => props.simulationStart ?? chinaNow());
  const result = useMemo(
    () => validateDefinition(def, props.forms ? { forms: props.forms.map((f) => f.id) } : {}),
    [def, props.forms],
  );
  const issues = result.ok ? [] : result.issues;
  const onNodes = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const [step, list] of issuesByStep(issues))
      map.set(
        step,
        list.map((i) => `${i.message}${i.hint ? ` (${i.hint})` : ""}`),
      );
    for (const issue of staffing?.issues ?? [])
      map.set(issue.step, [...(map.get(issue.step) ?? []), pick(issue.message, locale)]);
    return map;
  }, [issues, staffing, locale]);

  const runStaffing = () => (props.catalog ? checkStaffing(def, props.catalog) : null);
  const publish = () => {
    const report = runStaffing();
    setStaffing(report);
    setPanel("issues");
    if (issues.length === 0 && (report === null || report.ok))
      props.onPublish?.({ ...def, version: def.version + 1 });
  };
  const rootRef = useRef<HTMLDivElement>(null);
  useDesignerKeys(rootRef, dispatch, historyShortcut);

  const tabs: [SidePanel, string][] = [
    ["procedure", t.procedure],
    ["properties", t.properties],
    ["json", t.json],
    ["issues", `${t.issues} (${issues.length + (staffing?.issues.length ?? 0)})`],
    ...(props.catalog ? [["simulator", t.simulator] as [SidePanel, string]] : []),
  ];
  return (
    <div className="wf-designer wf-workflow-designer" ref={rootRef}>
      <WorkflowToolbar
        state={state}
        dispatch={dispatch}
        edge={edge}
        clearEdge={() => setEdge(null)}
        onStaffing={
          props.catalog
            ? () => {
                setStaffing(runStaffing());
                setPanel("issues");
              }
            : undefined
        }
        onPublish={props.onPublish ? publish : undefined}
        locale={locale}
      />
      {state.refusal ? (
        <p className="wf-refusal" role="status">
          {state.refusal}
        </p>
      ) : null}
      <div className="wf-wd-body">
        <WorkflowDiagram
          definition={def}
          selected={state.selected}
          issues={onNodes}
          dispatch={dispatch}
          onSelectEdge={setEdge}
          locale={locale}
        />
        <aside>
          <SideTabs tabs={tabs} open={panel} onOpen={setPanel} />
          <div role="tabpanel">
            {panel === "procedure" ? (
              <DefinitionProperties definition={def} dispatch={dispatch} locale={locale} />
            ) : null}
            {panel === "properties" ? (
              <StepProperties
                // A fresh panel per step, so uncommitted text never follows the selection.
                key={state.selected ?? ""}
                definition={def}
                stepId={state.selected}
                forms={forms}
                dispatch={dispatch}
                locale={locale}
              />
            ) : null}
            {panel === "json" ? (
              <JsonView
                value={def}
                onChange={(next) => {
                  if (
                    typeof next === "object" &&
                    next !== null &&
                    typeof (next as DesignDefinition).steps === "object"
                  ) {
                    dispatch({ type: "replace", definition: next as DesignDefinition });
                  }
                }}
                issues={issues.map((i) => ({
                  path: i.path,
                  message: i.hint ? `${i.message} (${i.hint})` : i.message,
                }))}
                label={t.json}
                locale={locale}
                schema={definitionSchema()}
                hints={definitionHints}
              />
            ) : null}
            {panel === "simulator" && props.catalog ? (
              <WorkflowSimulator
                definition={def}
                forms={props.forms}
                units={props.catalog.units}
                people={props.catalog.people}
                calendars={props.calendars}
                now={startAt}
                locale={locale}
              />
            ) : null}
            {panel === "issues" ? (
              <IssuesPanel
                issues={issues}
                staffing={staffing}
                locale={locale}
                onShow={(id) => {
                  dispatch({ type: "select", id });
                  setPanel("properties");
                }}
              />
            ) : null}
          </div>
        </aside>
      </div>
    </div>
  );
}
