import { autocompletion, type CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { json } from "@codemirror/lang-json";
import { defaultHighlightStyle, syntaxHighlighting } from "@codemirror/language";
import type { Diagnostic } from "@codemirror/lint";
import { EditorView, keymap } from "@codemirror/view";
import { useMemo, useRef, useState } from "react";
import { useCodeMirror } from "../codemirror/useCodeMirror.ts";
import type { DesignerLocale } from "../form/formTypes.ts";
import { jsonEqual } from "../history/jsonPatch.ts";
import { uiText } from "../ui/uiText.ts";
import { type JsonSchema, type JsonValueHints, jsonCompletions } from "./jsonCompletions.ts";
import { locateJsonPath, readJson } from "./locateJsonPath.ts";

/** A problem to mark in the JSON, at a path such as `fields[2].visible` or `steps.review.to`. */
export interface JsonIssue {
  path: string;
  message: string;
}

/** Props of {@link JsonView}. */
export interface JsonViewProps {
  value: unknown;
  /** Called with each edit that is valid JSON; invalid text stays local and is marked. */
  onChange: (value: unknown) => void;
  issues: readonly JsonIssue[];
  label: string;
  locale?: DesignerLocale;
  /** JSON Schema of the document, for completion of property names and allowed values. */
  schema?: JsonSchema;
  /** Values the schema cannot list (step ids, role ids), offered at the places they fit. */
  hints?: JsonValueHints;
}

const format = (value: unknown) => JSON.stringify(value, null, 2);

/**
 * The document as editable JSON, in step with the visual designer: edits that parse are passed
 * on at once (the designer records them for undo), text that does not parse is kept while the
 * author types and its error is marked, and the designer's issues are underlined at their paths.
 */
export function JsonView(props: JsonViewProps) {
  const t = uiText(props.locale);
  const [text, setText] = useState(() => format(props.value));
  const sent = useRef<unknown>(props.value);
  // A change made elsewhere (canvas, undo) replaces the text; an echo of our own edit does not,
  // so the author's formatting and cursor survive typing.
  if (!jsonEqual(sent.current, props.value)) {
    sent.current = props.value;
    const next = format(props.value);
    if (next !== text) setText(next);
  }
  const read = useMemo(() => readJson(text), [text]);

  const onChange = (next: string) => {
    setText(next);
    const parsed = readJson(next);
    if (parsed.ok && !jsonEqual(parsed.value, sent.current)) {
      sent.current = parsed.value;
      props.onChange(parsed.value);
    }
  };

  const diagnostics = useMemo((): Diagnostic[] => {
    if (!read.ok) {
      const from = Math.min(read.offset, text.length);
      return [
        {
          from,
          to: Math.min(from + 1, text.length),
          severity: "error",
          message: `${t.invalidJson}: ${read.message}`,
        },
      ];
    }
    return props.issues.map((issue) => ({
      ...locateJsonPath(text, issue.path),
      severity: "error",
      message: issue.message,
    }));
  }, [read, text, props.issues, t]);

  const schema = useRef(props.schema);
  const hints = useRef(props.hints);
  schema.current = props.schema;
  hints.current = props.hints;
  const extensions = useMemo(
    () => [
      json(),
      syntaxHighlighting(defaultHighlightStyle),
      history(),
      keymap.of([...defaultKeymap, ...historyKeymap]),
      EditorView.lineWrapping,
      autocompletion({
        override: [
          (context: CompletionContext): CompletionResult | null => {
            if (!schema.current) return null;
            const found = jsonCompletions(
              context.state.doc.toString(),
              context.pos,
              schema.current,
              hints.current,
            );
            if (!found || (found.options.length === 0 && !context.explicit)) return null;
            return {
              from: found.from,
              to: found.to,
              options: found.options.map((o) => ({ label: o.label, apply: o.apply })),
            };
          },
        ],
      }),
    ],
    [],
  );
  const parent = useCodeMirror({ value: text, onChange, extensions, diagnostics, label: props.label });

  return (
    <div className="wf-json-view">
      <div ref={parent} />
      <ul aria-label={`${props.label}: ${t.issues}`}>
        {!read.ok ? <li role="alert">{`${t.invalidJson}: ${read.message}`}</li> : null}
        {read.ok
          ? props.issues.map((issue) => (
              <li key={`${issue.path}:${issue.message}`}>
                <code>{issue.path || "/"}</code> {issue.message}
              </li>
            ))
          : null}
      </ul>
    </div>
  );
}
