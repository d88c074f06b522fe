import { currentCompletions, startCompletion } from "@codemirror/autocomplete";
import { forceLinting } from "@codemirror/lint";
import { EditorView } from "@codemirror/view";
import { act, render, screen, waitFor } from "@testing-library/react";
import type { ScopeTypes } from "@wf/expr";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { completeExpression, ExpressionEditor } from "../src/index.ts";

const scope: ScopeTypes = {
  rank: { kind: "string" },
  age: { kind: "number" },
  data: {
    kind: "object",
    fields: { candidate: { kind: "object", fields: { birthDate: { kind: "date" } } } },
  },
};
const env = { now: "2026-11-23T12:00:00+08:00" };

function Controlled(props: { initial: string; testData?: Record<string, unknown>; locale?: "en" }) {
  const [value, setValue] = useState(props.initial);
  return (
    <>
      <ExpressionEditor
        label="visible"
        value={value}
        onChange={setValue}
        scope={scope}
        env={env}
        {...props}
      />
      <span data-testid="value">{value}</span>
    </>
  );
}

function editorView(container: HTMLElement): EditorView {
  const dom = container.querySelector(".cm-editor");
  const view = dom instanceof HTMLElement ? EditorView.findFromDOM(dom) : null;
  if (!view) throw new Error("no CodeMirror editor rendered");
  return view;
}

function type(view: EditorView, text: string) {
  act(() =>
    view.dispatch({
      changes: { from: view.state.doc.length, insert: text },
      selection: { anchor: view.state.doc.length + text.length },
    }),
  );
}

describe("ExpressionEditor", () => {
  it("reports edits and shows errors in place and below, with the suggested name", () => {
    const { container } = render(<Controlled initial="rank == '副科'" />);
    expect(screen.queryByRole("alert")).toBeNull();
    const view = editorView(container);
    type(view, " and rnak");
    expect(screen.getByTestId("value").textContent).toBe("rank == '副科' and rnak");
    expect(screen.getByRole("alert").textContent).toContain("did you mean 'rank'");
    forceLinting(view);
    expect(container.querySelector(".cm-lintRange-error")).not.toBeNull();
  });

  it("evaluates against test data as the text changes", () => {
    const { container } = render(
      <Controlled initial="age > 30" testData={{ age: 31, rank: "正科", data: {} }} locale="en" />,
    );
    expect(screen.getByRole("status", { name: "visible: Result" }).textContent).toBe("Result: true");
    type(editorView(container), " and rank == '副科'");
    expect(screen.getByRole("status", { name: "visible: Result" }).textContent).toBe("Result: false");
  });

  it("shows an evaluation failure instead of a result", () => {
    render(
      <Controlled
        initial="yearsBetween(data.candidate.birthDate, today())"
        testData={{ data: { candidate: { birthDate: "bad" } } }}
        locale="en"
      />,
    );
    expect(screen.getByRole("status", { name: "visible: Result" }).textContent).toMatch(/^Evaluation failed/);
  });

  it("follows a new value from outside without reporting it as an edit", () => {
    const changes: string[] = [];
    const { container, rerender } = render(
      <ExpressionEditor label="x" value="age" onChange={(v) => changes.push(v)} scope={scope} />,
    );
    rerender(<ExpressionEditor label="x" value="age + 1" onChange={(v) => changes.push(v)} scope={scope} />);
    expect(editorView(container).state.doc.toString()).toBe("age + 1");
    expect(changes).toEqual([]);
  });

  it("offers field names and functions in the editor", async () => {
    const { container } = render(<Controlled initial="" />);
    const view = editorView(container);
    type(view, "ra");
    act(() => {
      startCompletion(view);
    });
    await waitFor(() => expect(currentCompletions(view.state).map((c) => c.label)).toContain("rank"));
  });
});

describe("completeExpression", () => {
  it("completes names, functions and keywords at the top level", () => {
    const found = completeExpression("age > 1 and ye", 14, scope);
    expect(found?.from).toBe(12);
    const labels = found?.options.map((o) => o.label) ?? [];
    expect(labels).toEqual(expect.arrayContaining(["rank", "age", "data", "yearsBetween", "today", "and"]));
    expect(found?.options.find((o) => o.label === "yearsBetween")?.info).toBeTruthy();
  });

  it("completes the fields of an object after a dot", () => {
    expect(completeExpression("data.candidate.bi", 17, scope)).toEqual({
      from: 15,
      options: [{ label: "birthDate", type: "property", detail: "date" }],
    });
    expect(completeExpression("rank.", 5, scope)?.options).toEqual([]);
  });

  it("offers host functions and stays quiet in numbers or without a word", () => {
    const fns = {
      unitLevel: {
        params: [{ kind: "string" as const }],
        returns: { kind: "string" as const },
        impl: () => "",
        doc: "level",
      },
    };
    expect(completeExpression("unitL", 5, scope, fns)?.options.some((o) => o.label === "unitLevel")).toBe(
      true,
    );
    expect(completeExpression("12", 2, scope)).toBeUndefined();
    expect(completeExpression("a + ", 4, scope)).toBeUndefined();
  });
});
