import { type Diagnostic, setDiagnostics } from "@codemirror/lint";
import { Annotation, Compartment, EditorState, type Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { type RefObject, useEffect, useRef } from "react";
import { installCspSafeCodeMirrorStyles } from "./cspSafeStyles.ts";

/** Marks changes that come from the `value` prop, so they are not reported back as edits. */
const fromProps = Annotation.define<boolean>();

/** Options of {@link useCodeMirror}. */
export interface CodeMirrorOptions {
  value: string;
  onChange: (text: string) => void;
  /** Extensions that may change between renders (completion scope, language); reconfigured in place. */
  extensions: Extension;
  /** Problems to underline, replaced on every render that passes new ones. */
  diagnostics: readonly Diagnostic[];
  /** Accessible name of the editing area. */
  label: string;
}

/**
 * Mount a CodeMirror 6 editor in the returned element and keep it in step with React: `value`
 * flows in without losing the cursor when it already matches, edits flow out through
 * `onChange`, and diagnostics are set directly (not through a debounced linter) so an error
 * appears the moment the text changes.
 */
export function useCodeMirror(options: CodeMirrorOptions): RefObject<HTMLDivElement | null> {
  const parent = useRef<HTMLDivElement | null>(null);
  const view = useRef<EditorView | null>(null);
  const compartment = useRef(new Compartment());
  const latest = useRef(options);
  latest.current = options;

  useEffect(() => {
    if (!parent.current) return;
    installCspSafeCodeMirrorStyles();
    const created = new EditorView({
      parent: parent.current,
      state: EditorState.create({
        doc: latest.current.value,
        extensions: [
          compartment.current.of(latest.current.extensions),
          EditorView.contentAttributes.of({ "aria-label": latest.current.label }),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            if (update.transactions.some((tr) => tr.annotation(fromProps))) return;
            latest.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = created;
    return () => {
      created.destroy();
      view.current = null;
    };
  }, []);

  useEffect(() => {
    view.current?.dispatch({ effects: compartment.current.reconfigure(options.extensions) });
  }, [options.extensions]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const current = v.state.doc.toString();
    if (current !== options.value) {
      v.dispatch({
        changes: { from: 0, to: current.length, insert: options.value },
        annotations: fromProps.of(true),
      });
    }
    v.dispatch(setDiagnostics(v.state, [...options.diagnostics]));
  }, [options.value, options.diagnostics]);

  return parent;
}
