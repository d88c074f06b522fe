import { useEffect } from "react";
import { formStyles } from "./stylesheet";

export { formStyles };

/** Documents that already carry the stylesheet (one adoption per document, however many forms). */
const styled = new WeakSet<Document>();

/**
 * Apply the renderer's stylesheet to a document once, without inline CSS: a constructed
 * stylesheet is added to `document.adoptedStyleSheets`. That goes through the CSSOM, which a
 * Content-Security-Policy of `style-src 'self'` (no `'unsafe-inline'`) allows, where an inline
 * `<style>` element is refused. Where constructed stylesheets are missing (Safari before 16.4,
 * jsdom) it falls back to a `<style data-wf-forms>` element, which such a policy blocks: hosts with
 * a strict policy that must support those browsers link `@wf/forms/styles.css` instead.
 * Returns whether the CSP-safe path was taken.
 */
export function adoptFormStyles(doc: Document = document): boolean {
  if (styled.has(doc)) return true;
  const view = doc.defaultView;
  const Sheet = view?.CSSStyleSheet;
  styled.add(doc);
  if (!Sheet || !("adoptedStyleSheets" in doc) || !("replaceSync" in Sheet.prototype)) {
    const style = doc.createElement("style");
    style.dataset.wfForms = "";
    style.textContent = formStyles;
    doc.head.append(style);
    return false;
  }
  const sheet = new Sheet();
  sheet.replaceSync(formStyles);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  return true;
}

/**
 * Applies the renderer's stylesheet (see {@link adoptFormStyles}); render it once near the root.
 * It renders no `<style>` element itself, so it is safe under a strict Content-Security-Policy.
 * Hosts that prefer a stylesheet file import `@wf/forms/styles.css` and leave this out.
 */
export function FormStyles(): null {
  useEffect(() => {
    if (typeof document !== "undefined") adoptFormStyles(document);
  }, []);
  return null;
}
