import { EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";

/** The static side of style-mod's `StyleModule`, which CodeMirror mounts its themes with. */
interface StyleModuleClass {
  mount(root: unknown, modules: unknown, options?: unknown): void;
}

/** Stand-ins for documents, one per document, so style-mod keeps its mounted set on them. */
const standIns = new WeakMap<Document, object>();
let installed = false;

function constructable(doc: Document): boolean {
  const win = doc.defaultView;
  return (
    !!win &&
    typeof win.CSSStyleSheet !== "undefined" &&
    "adoptedStyleSheets" in doc &&
    "replaceSync" in win.CSSStyleSheet.prototype
  );
}

/**
 * A root that style-mod treats like a shadow root of `doc`: no `head`, but `adoptedStyleSheets`,
 * which it forwards to the document.
 */
function standIn(doc: Document): object {
  let root = standIns.get(doc);
  if (!root) {
    root = {
      ownerDocument: doc,
      get adoptedStyleSheets() {
        return doc.adoptedStyleSheets;
      },
      set adoptedStyleSheets(sheets: CSSStyleSheet[]) {
        doc.adoptedStyleSheets = sheets;
      },
    };
    standIns.set(doc, root);
  }
  return root;
}

/**
 * Make CodeMirror's styles work under a Content-Security-Policy without 'unsafe-inline' for
 * styles (the app's `style-src 'self'`). style-mod 4 uses a constructed stylesheet in
 * `adoptedStyleSheets` only for shadow roots; for a document (which has a `head`) it always
 * writes a `<style>` element, which such a CSP blocks, so every editor in the page would lose
 * its base theme. This wraps `StyleModule.mount` so that a document is given to style-mod as a
 * shadow-root-like stand-in: style-mod then builds one constructed stylesheet per document
 * (CSSOM, which style-src does not govern) and keeps its own rule ordering. Where constructed
 * stylesheets are missing (jsdom, older browsers) the `<style>` element stays. Idempotent; must
 * run before the first `EditorView` is created.
 */
export function installCspSafeCodeMirrorStyles(): void {
  if (installed) return;
  installed = true;
  // style-mod is CodeMirror's own dependency, not ours: reach its class through a theme module.
  const [module] = EditorState.create({ extensions: EditorView.theme({}) }).facet(EditorView.styleModule);
  if (!module) return;
  const StyleModule = module.constructor as unknown as StyleModuleClass;
  const mount = StyleModule.mount.bind(StyleModule);
  StyleModule.mount = (root, modules, options) => {
    const isDocument = typeof Document !== "undefined" && root instanceof Document;
    mount(isDocument && constructable(root) ? standIn(root) : root, modules, options);
  };
}
