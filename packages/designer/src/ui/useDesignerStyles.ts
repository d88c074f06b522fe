import { useEffect } from "react";
import { designerStyles } from "./designerStyles.ts";

let adopted = false;

/**
 * Apply the designers' stylesheet once per page. A constructed stylesheet goes through the CSSOM,
 * which a Content-Security-Policy of `style-src 'self'` allows (an inline <style> element it
 * blocks, as the app's does); where constructed stylesheets are missing (older browsers, jsdom)
 * a <style> element is the fallback.
 */
export function useDesignerStyles(): void {
  useEffect(() => {
    if (adopted || typeof document === "undefined") return;
    adopted = true;
    if (
      typeof CSSStyleSheet !== "undefined" &&
      "adoptedStyleSheets" in document &&
      "replaceSync" in CSSStyleSheet.prototype
    ) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(designerStyles);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      return;
    }
    const style = document.createElement("style");
    style.dataset.wfDesigner = "";
    style.textContent = designerStyles;
    document.head.append(style);
  }, []);
}
