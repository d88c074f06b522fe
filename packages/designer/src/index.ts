// @wf/designer: the low-code form and workflow designers. Framework-free models (history,
// form edits, workflow edits, checks) sit under the React components, so every operation is
// testable without a DOM; the app loads this package on demand: lazy(() => import("@wf/designer")).

export { completeExpression, type ExprSuggestion } from "./expression/completeExpression.ts";
export { ExpressionEditor, type ExpressionEditorProps } from "./expression/ExpressionEditor.tsx";
export {
  type DndTarget,
  dropAction,
  fieldDndId,
  listDndId,
  paletteDndId,
  parseDndId,
} from "./form/canvasDrop.ts";
export {
  checkFormForPublish,
  type FormCheckIssue,
  type FormCheckOptions,
  type FormIssueCode,
} from "./form/checkFormForPublish.ts";
export { type FormExpression, formExpressions } from "./form/expressionSites.ts";
export { FormChecks, type FormChecksProps, fieldOfIssue } from "./form/FormChecks.tsx";
export { FormDesigner, type FormDesignerProps } from "./form/FormDesigner.tsx";
export {
  canBeColumn,
  createField,
  PALETTE,
  type PaletteCategory,
  type PaletteItem,
  paletteItem,
  uniqueKey,
} from "./form/fieldPalette.ts";
export {
  type FieldPath,
  type FieldVisit,
  fieldAt,
  formatPath,
  type ListPath,
  walkFields,
} from "./form/fieldPaths.ts";
export { type CalcCycle, findCalcCycles } from "./form/findCalcCycles.ts";
export {
  type FormDesignerAction,
  type FormDesignerState,
  formDesignerReducer,
  initFormDesigner,
} from "./form/formDesignerReducer.ts";
export {
  addField,
  canDrop,
  duplicateField,
  keysInScope,
  moveField,
  type Placed,
  pasteField,
  removeField,
  updateField,
} from "./form/formEdits.ts";
export { formOutline, type OutlineNode } from "./form/formOutline.ts";
export { type ExprSite, fieldValueType, formScope } from "./form/formScope.ts";
export type { DesignerLocale, DesignField, DesignForm, DesignPanel, LocalText } from "./form/formTypes.ts";
export { type KeyboardMoves, keyboardMoves, type MoveTarget, ownerOfList } from "./form/keyboardMoves.ts";
export { type PreviewStep, previewStepsFor } from "./form/previewSteps.ts";
export { renameFieldKey } from "./form/renameFieldKey.ts";
export {
  createHistory,
  HISTORY_LIMIT,
  type History,
  type HistoryEntry,
  recordChange,
  redo,
  undo,
} from "./history/history.ts";
export { applyPatch, diffJson, type JsonPath, jsonEqual, type PatchOp } from "./history/jsonPatch.ts";
export { type JsonIssue, JsonView, type JsonViewProps } from "./json/JsonView.tsx";
export {
  type JsonSchema,
  type JsonSuggestion,
  type JsonValueHints,
  jsonCompletions,
  schemasAt,
} from "./json/jsonCompletions.ts";
export { locateJsonPath, parseIssuePath, readJson } from "./json/locateJsonPath.ts";
export { designerStyles } from "./ui/designerStyles.ts";
export { type UiText, uiText } from "./ui/uiText.ts";
export {
  type CatalogPerson,
  type CatalogUnit,
  checkStaffing,
  type OrgCatalog,
  type StaffingIssue,
  type StaffingOptions,
  type StaffingReason,
  type StaffingReport,
  unitsMatching,
} from "./workflow/checkStaffing.ts";
export {
  addDaysIso,
  createSimulation,
  openTasks,
  type SimProfile,
  type Simulation,
  type SimulationOptions,
} from "./workflow/createSimulation.ts";
export { DefinitionProperties, type DefinitionPropertiesProps } from "./workflow/DefinitionProperties.tsx";
export {
  type DefinitionGraph,
  definitionGraph,
  type GraphEdge,
  type GraphNode,
  type GraphNodeKind,
} from "./workflow/definitionGraph.ts";
export { definitionHints } from "./workflow/definitionHints.ts";
export { dataFieldType, definitionScope } from "./workflow/definitionScope.ts";
export { layoutGraph, type NodeBox, nodeSize } from "./workflow/layoutGraph.ts";
export { newDefinition, newForm } from "./workflow/newDocuments.ts";
export { SimTaskForm, type SimTaskFormProps } from "./workflow/SimTaskForm.tsx";
export { findStep, type LocatedStep, listSteps, type StepLink, stepLinks } from "./workflow/stepIndex.ts";
export { issuesByStep, type PathIssue, stepOfIssue } from "./workflow/stepIssues.ts";
export { createStep, STEP_KIND_NAMES } from "./workflow/stepTemplates.ts";
export { WorkflowDesigner, type WorkflowDesignerProps } from "./workflow/WorkflowDesigner.tsx";
export { WorkflowSimulator, type WorkflowSimulatorProps } from "./workflow/WorkflowSimulator.tsx";
export {
  initWorkflowDesigner,
  type WorkflowDesignerAction,
  type WorkflowDesignerState,
  workflowDesignerReducer,
} from "./workflow/workflowDesignerReducer.ts";
export {
  addStep,
  connectSteps,
  disconnect,
  removeStep,
  renameStep,
  STEP_ID_PATTERN,
  type StepPlace,
  updateStep,
} from "./workflow/workflowEdits.ts";
export {
  BRANCH_END,
  type DesignAssignee,
  type DesignBranch,
  type DesignDefinition,
  type DesignOrgRef,
  type DesignOutcome,
  type DesignSodRule,
  type DesignStep,
  STEP_KINDS,
  type StepKind,
} from "./workflow/workflowTypes.ts";
