import type { DesignField, LocalText } from "./formTypes.ts";

/** The palette sections, in the order they are shown. */
export type PaletteCategory = "basic" | "choice" | "special" | "rows" | "layout";

/** One entry of the palette: a field type, its name and the section it is listed in. */
export interface PaletteItem {
  type: string;
  category: PaletteCategory;
  name: LocalText & { en: string };
}

/** Every field type of the form language (contract §5), as the palette lists them. */
export const PALETTE: readonly PaletteItem[] = [
  { type: "text", category: "basic", name: { zh: "单行文本", en: "Text" } },
  { type: "textarea", category: "basic", name: { zh: "多行文本", en: "Text area" } },
  { type: "number", category: "basic", name: { zh: "数字", en: "Number" } },
  { type: "money", category: "basic", name: { zh: "金额", en: "Money" } },
  { type: "date", category: "basic", name: { zh: "日期", en: "Date" } },
  { type: "datetime", category: "basic", name: { zh: "日期时间", en: "Date and time" } },
  { type: "select", category: "choice", name: { zh: "下拉选择", en: "Select" } },
  { type: "radio", category: "choice", name: { zh: "单选", en: "Radio" } },
  { type: "multiSelect", category: "choice", name: { zh: "多选", en: "Multi-select" } },
  { type: "checkbox", category: "choice", name: { zh: "勾选框", en: "Checkbox" } },
  { type: "switch", category: "choice", name: { zh: "开关", en: "Switch" } },
  { type: "idCard", category: "special", name: { zh: "身份证号", en: "ID card number" } },
  { type: "mobile", category: "special", name: { zh: "手机号", en: "Mobile number" } },
  { type: "personPicker", category: "special", name: { zh: "人员选择", en: "Person picker" } },
  { type: "orgPicker", category: "special", name: { zh: "组织选择", en: "Org unit picker" } },
  { type: "file", category: "special", name: { zh: "附件", en: "File" } },
  { type: "signature", category: "special", name: { zh: "签名", en: "Signature" } },
  { type: "group", category: "rows", name: { zh: "重复组", en: "Repeating group" } },
  { type: "table", category: "rows", name: { zh: "表格", en: "Table" } },
  { type: "section", category: "layout", name: { zh: "分组", en: "Section" } },
  { type: "tabs", category: "layout", name: { zh: "标签页", en: "Tabs" } },
  { type: "wizard", category: "layout", name: { zh: "分步向导", en: "Wizard" } },
  { type: "static", category: "layout", name: { zh: "说明文字", en: "Static text" } },
];

/** The palette entry of a type, if the type is known. */
export function paletteItem(type: string): PaletteItem | undefined {
  return PALETTE.find((item) => item.type === type);
}

/** Types that may be columns of a group or table: value fields only (contract §5). */
export function canBeColumn(type: string): boolean {
  const item = paletteItem(type);
  return item !== undefined && item.category !== "rows" && item.category !== "layout";
}

function option(value: string, zh: string, en: string) {
  return { value, label: { zh, en } };
}

/**
 * A new field of `type` with a key not in `takenKeys` and labels in both languages, ready to
 * drop on the canvas. Layout items that hold fields start with one empty panel so they can be
 * dropped into at once.
 *
 * @example createField("select", new Set(["select1"])) // { type: "select", key: "select2", ... }
 */
export function createField(type: string, takenKeys: ReadonlySet<string>): DesignField {
  const item = paletteItem(type);
  if (!item)
    throw new Error(
      `unknown field type "${type}"; the palette lists ${PALETTE.map((p) => p.type).join(", ")}`,
    );
  const label = { zh: item.name.zh, en: item.name.en };
  const key = uniqueKey(type, takenKeys);
  switch (type) {
    case "select":
    case "radio":
    case "multiSelect":
      return {
        type,
        key,
        label,
        options: [option("a", "选项一", "Option 1"), option("b", "选项二", "Option 2")],
      };
    case "group":
    case "table":
      return { type, key, label, fields: [] };
    case "section":
      return { type, label, fields: [] };
    case "tabs":
      return { type, tabs: [{ title: { zh: "标签一", en: "Tab 1" }, fields: [] }] };
    case "wizard":
      return { type, pages: [{ title: { zh: "第一步", en: "Step 1" }, fields: [] }] };
    case "static":
      return { type, text: { zh: "说明文字", en: "Explanatory text" } };
    default:
      return { type, key, label };
  }
}

/**
 * `base` if free, else `base` followed by the smallest number that is free (`name2`, `name3`),
 * stripping a number `base` already ends with so copies of `name2` become `name3`, not `name22`.
 */
export function uniqueKey(base: string, takenKeys: ReadonlySet<string>): string {
  if (!takenKeys.has(base)) return base;
  const stem = base.replace(/\d+$/, "") || base;
  for (let n = 2; ; n++) {
    const candidate = `${stem}${n}`;
    if (!takenKeys.has(candidate)) return candidate;
  }
}
