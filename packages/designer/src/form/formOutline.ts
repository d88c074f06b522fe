import { paletteItem } from "./fieldPalette.ts";
import { childLists, type FieldPath } from "./fieldPaths.ts";
import type { DesignerLocale, DesignField, DesignForm, LocalText } from "./formTypes.ts";
import { localText } from "./formTypes.ts";

/** One line of the outline tree: a field, or a tab/page of a tab set or wizard. */
export interface OutlineNode {
  /** A stable id for React keys and tree selection: the JSON path as text. */
  id: string;
  kind: "field" | "panel";
  path: FieldPath;
  /** What to show: the label, else the key, else the type name. */
  title: string;
  type?: string;
  key?: string;
  children: OutlineNode[];
}

function fieldTitle(field: DesignField, locale: DesignerLocale): string {
  const label = localText(field.label, locale);
  if (label) return label;
  if (field.key) return field.key;
  const name = paletteItem(field.type)?.name;
  return name ? localText(name, locale) : field.type;
}

function fieldNode(field: DesignField, path: FieldPath, locale: DesignerLocale): OutlineNode {
  const node: OutlineNode = {
    id: path.join("."),
    kind: "field",
    path,
    title: fieldTitle(field, locale),
    type: field.type,
    children: [],
  };
  if (field.key) node.key = field.key;
  const panels = field.tabs ?? field.pages;
  const panelKey = Array.isArray(field.tabs) ? "tabs" : "pages";
  if (Array.isArray(panels)) {
    node.children = panels.map((panel: { title?: LocalText; fields?: DesignField[] }, i) => {
      const panelPath = [...path, panelKey, i];
      return {
        id: panelPath.join("."),
        kind: "panel" as const,
        path: panelPath,
        title: localText(panel?.title, locale) || String(i + 1),
        children: (panel?.fields ?? []).map((f, j) => fieldNode(f, [...panelPath, "fields", j], locale)),
      };
    });
  } else {
    node.children = childLists(field, path).flatMap((list) =>
      list.fields.map((f, j) => fieldNode(f, [...list.path, j], locale)),
    );
  }
  return node;
}

/**
 * The form as a tree for the outline panel, in document order. Tabs and wizard pages appear as
 * their own nodes so an author can see which tab a field sits on.
 */
export function formOutline(form: DesignForm, locale: DesignerLocale = "zh-CN"): OutlineNode[] {
  return (form.fields ?? []).map((field, i) => fieldNode(field, ["fields", i], locale));
}
