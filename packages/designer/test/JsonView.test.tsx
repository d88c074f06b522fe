import { currentCompletions, startCompletion } from "@codemirror/autocomplete";
import { EditorView } from "@codemirror/view";
import { act, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { JsonView, locateJsonPath, parseIssuePath, readJson } from "../src/index.ts";

function viewIn(container: HTMLElement): EditorView {
  const view = EditorView.findFromDOM(container.querySelector(".cm-editor") as HTMLElement);
  if (!view) throw new Error("no editor");
  return view;
}

function replaceAll(view: EditorView, text: string) {
  act(() => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }));
}

describe("locating JSON paths", () => {
  const text = '{\n  "fields": [\n    { "key": "a", "visible": "x" }\n  ]\n}';

  it("parses issue paths of both packages", () => {
    expect(parseIssuePath("fields[2].tabs[0].fields[1].visible")).toEqual([
      "fields",
      2,
      "tabs",
      0,
      "fields",
      1,
      "visible",
    ]);
    expect(parseIssuePath("steps.county-review.outcomes.pass.to")).toEqual([
      "steps",
      "county-review",
      "outcomes",
      "pass",
      "to",
    ]);
    expect(parseIssuePath("")).toEqual([]);
  });

  it("finds a value, and the nearest written ancestor of a missing one", () => {
    const at = locateJsonPath(text, "fields[0].visible");
    expect(text.slice(at.from, at.to)).toBe('"x"');
    const missing = locateJsonPath(text, "fields[0].label.en");
    expect(text.slice(missing.from, missing.to)).toBe('{ "key": "a", "visible": "x" }');
  });

  it("reads strict JSON and reports where it breaks", () => {
    expect(readJson('{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(readJson('{"a": }')).toMatchObject({ ok: false, offset: 6 });
  });
});

describe("JsonView", () => {
  it("passes valid edits on, keeps invalid text local with its error, and marks issues", () => {
    const seen: unknown[] = [];
    const { container, rerender } = render(
      <JsonView value={{ a: 1 }} onChange={(v) => seen.push(v)} issues={[]} label="JSON" locale="en" />,
    );
    const view = viewIn(container);
    replaceAll(view, '{ "a": 2 }');
    expect(seen).toEqual([{ a: 2 }]);
    replaceAll(view, '{ "a": ');
    expect(seen).toHaveLength(1);
    expect(screen.getByRole("alert").textContent).toMatch(/^Invalid JSON/);
    rerender(
      <JsonView
        value={{ a: 3 }}
        onChange={(v) => seen.push(v)}
        issues={[{ path: "a", message: "too big" }]}
        label="JSON"
        locale="en"
      />,
    );
    expect(view.state.doc.toString()).toBe('{\n  "a": 3\n}');
    expect(screen.getByRole("list", { name: "JSON: Problems" }).textContent).toContain("too big");
    expect(seen).toHaveLength(1);
  });
});

describe("JsonView completion", () => {
  it("offers the schema's property names in the editor", async () => {
    const schema = { type: "object", properties: { alpha: { type: "string" }, beta: { type: "boolean" } } };
    const { container } = render(
      <JsonView value={{}} onChange={() => {}} issues={[]} label="JSON" schema={schema} />,
    );
    const view = viewIn(container);
    replaceAll(view, '{ "al" }');
    act(() => {
      view.dispatch({ selection: { anchor: 5 } });
      startCompletion(view);
    });
    await waitFor(() => expect(currentCompletions(view.state).map((c) => c.label)).toEqual(['"alpha"']));
    expect(currentCompletions(view.state)[0]?.apply).toBe('"alpha": ');
  });
});
