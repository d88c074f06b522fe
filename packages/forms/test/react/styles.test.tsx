// @vitest-environment jsdom
import { cleanup, render } from "@testing-library/react";
import { afterEach, expect, test } from "vitest";
import { adoptFormStyles, FormStyles, formStyles } from "../../src/react/index";

afterEach(cleanup);

test("FormStyles adopts one constructed stylesheet per document and renders no <style> (CSP-safe)", () => {
  // jsdom has constructable stylesheets but not adoptedStyleSheets; give the document the property
  // browsers have.
  Object.defineProperty(document, "adoptedStyleSheets", { value: [], writable: true, configurable: true });
  const view = render(
    <div>
      <FormStyles />
      <FormStyles />
    </div>,
  );
  expect(document.querySelector("style")).toBeNull();
  expect(view.container.innerHTML).toBe("<div></div>");
  const sheets = document.adoptedStyleSheets;
  expect(sheets).toHaveLength(1);
  const selectors = [...(sheets[0]?.cssRules ?? [])].map((r) => (r as CSSStyleRule).selectorText);
  expect(selectors).toContain(".wf-grid");
  expect(selectors).toContain(".wf-form");
  render(<FormStyles />);
  expect(document.adoptedStyleSheets).toHaveLength(1);
});

test("without constructable stylesheets it falls back to one <style> element", () => {
  const frame = document.createElement("iframe");
  document.body.append(frame);
  const doc = frame.contentDocument;
  if (!doc) throw new Error("no frame document");
  expect("adoptedStyleSheets" in doc).toBe(false);
  expect(adoptFormStyles(doc)).toBe(false);
  adoptFormStyles(doc);
  const styles = doc.querySelectorAll("style[data-wf-forms]");
  expect(styles).toHaveLength(1);
  expect(styles[0]?.textContent).toBe(formStyles);
  frame.remove();
});
