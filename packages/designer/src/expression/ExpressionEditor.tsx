import { autocompletion } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import type { Diagnostic } from "@codemirror/lint";
import { EditorView, keymap } from "@codemirror/view";
import {
  check,
  type EvalEnv,
  ExprError,
  type ExprIssue,
  evaluate,
  type FunctionRegistry,
  type ScopeTypes,
  type TypeDesc,
} from "@wf/expr";
import { useId, useMemo, useRef } from "react";
import { useCodeMirror } from "../codemirror/useCodeMirror.ts";
import type { DesignerLocale } from "../form/formTypes.ts";
import { uiText } from "../ui/uiText.ts";
import { expressionCompletionSource } from "./completeExpression.ts";
import { exprHighlighting } from "./exprLanguage.ts";

/** Props of {@link ExpressionEditor}. */
export interface ExpressionEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** The names the expression may read, with their types (e.g. from `formScope`). */
  scope: ScopeTypes;
  /** Host functions beyond the built-ins (form functions, the engine's org functions). */
  functions?: FunctionRegistry;
  /** The type the result must have, e.g. boolean for a condition. */
  expect?: TypeDesc;
  /** Values to evaluate the expression against; when given, the result is shown live. */
  testData?: Record<string, unknown>;
  /** Clock, time zone and calendar for the live evaluation (defaults to now). */
  env?: EvalEnv;
  /** The field's name, read out by screen readers. */
  label: string;
  locale?: DesignerLocale;
}

function toDiagnostic(issue: ExprIssue, length: number): Diagnostic {
  const from = Math.min(issue.offset ?? 0, length);
  const end = Math.min(Math.max(issue.end ?? from, from), length);
  const to = end > from ? end : Math.min(from + 1, length);
  return { from, to, severity: "error", message: issue.message };
}

function evaluateLive(
  source: string,
  data: Record<string, unknown>,
  env: EvalEnv,
): { value?: unknown; error?: string } {
  try {
    return { value: evaluate(source, data, env) };
  } catch (error) {
    if (error instanceof ExprError) return { error: error.message };
    throw error;
  }
}

/**
 * A one-expression editor (contract §1): highlighting, completion of the names in `scope` and
 * of the functions, the checker's errors underlined in place and listed below, and the value
 * for `testData` computed as one types.
 *
 * @example <ExpressionEditor label="显示条件" value={v} onChange={setV} scope={formScope(form)} testData={{ rank: "副科" }} />
 */
export function ExpressionEditor(props: ExpressionEditorProps) {
  const t = uiText(props.locale);
  const id = useId();
  const scopeRef = useRef(props.scope);
  const functionsRef = useRef<FunctionRegistry>(props.functions ?? {});
  scopeRef.current = props.scope;
  functionsRef.current = props.functions ?? {};

  const extensions = useMemo(
    () => [
      exprHighlighting(),
      history(),
      keymap.of([...defaultKeymap, ...historyKeymap]),
      autocompletion({
        override: [
          expressionCompletionSource(
            () => scopeRef.current,
            () => functionsRef.current,
          ),
        ],
      }),
      EditorView.lineWrapping,
    ],
    [],
  );

  const issues = useMemo(() => {
    if (props.value.trim() === "") return [];
    const opts = {
      scope: props.scope,
      functions: props.functions ?? {},
      ...(props.expect ? { expect: props.expect } : {}),
    };
    return check(props.value, opts);
  }, [props.value, props.scope, props.functions, props.expect]);
  const diagnostics = useMemo(
    () => issues.map((i) => toDiagnostic(i, props.value.length)),
    [issues, props.value],
  );

  const parent = useCodeMirror({
    value: props.value,
    onChange: props.onChange,
    extensions,
    diagnostics,
    label: props.label,
  });

  const live =
    props.testData && issues.length === 0 && props.value.trim() !== ""
      ? evaluateLive(props.value, props.testData, props.env ?? { now: new Date().toISOString() })
      : undefined;

  return (
    <div className="wf-expr-editor">
      <div ref={parent} id={id} className="wf-expr-input" data-invalid={issues.length > 0 || undefined} />
      {issues.length > 0 ? (
        <ul className="wf-expr-issues" aria-label={`${props.label}: ${t.issues}`}>
          {issues.map((issue) => (
            <li key={`${issue.offset ?? 0}-${issue.message}`} role="alert">
              {issue.line !== undefined ? `${issue.line}:${issue.column ?? 1} ` : ""}
              {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
      {live ? (
        <output className="wf-expr-result" aria-label={`${props.label}: ${t.result}`} htmlFor={id}>
          {live.error !== undefined
            ? `${t.evalFailed}: ${live.error}`
            : `${t.result}: ${JSON.stringify(live.value)}`}
        </output>
      ) : null}
    </div>
  );
}
