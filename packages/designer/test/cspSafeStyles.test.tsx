import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ExpressionEditor } from "../src/index.ts";

describe("CodeMirror styles under a CSP without 'unsafe-inline'", () => {
  it("go into a constructed stylesheet in adoptedStyleSheets, not a <style> element", () => {
    // jsdom has CSSStyleSheet but not document.adoptedStyleSheets; give it one, as browsers have.
    let adopted: CSSStyleSheet[] = [];
    Object.defineProperty(document, "adoptedStyleSheets", {
      configurable: true,
      get: () => adopted,
      set: (sheets: CSSStyleSheet[]) => {
        adopted = sheets;
      },
    });
    try {
      render(
        <ExpressionEditor
          label="expr"
          value="1 + 1"
          onChange={() => {}}
          scope={{}}
          env={{ now: "2026-11-23T12:00:00+08:00" }}
        />,
      );
      screen.getByLabelText("expr");
      const inline = [...document.querySelectorAll("style")].filter((s) =>
        s.textContent?.includes(".cm-scroller"),
      );
      expect(inline).toEqual([]);
      const rules = adopted.flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText));
      expect(rules.some((r) => r.includes(".cm-scroller"))).toBe(true);
    } finally {
      delete (document as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
    }
  });
});
