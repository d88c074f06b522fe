import { isValueField } from "../schema/fieldValueType";
import type { FieldJson, FormJson } from "../schema/formJson";
import type { FieldLocation } from "./formRuntime";

/** For every top-level field key: the tabs and wizard page that hold it. */
export function fieldLocations(form: FormJson): Map<string, FieldLocation> {
  const out = new Map<string, FieldLocation>();
  const walk = (fields: readonly FieldJson[], where: string, loc: FieldLocation) => {
    fields.forEach((f, i) => {
      const at = `${where}[${i}]`;
      if (isValueField(f)) out.set(f.key, loc);
      else if (f.type === "section") walk(f.fields, `${at}.fields`, loc);
      else if (f.type === "tabs") {
        for (const [ti, t] of f.tabs.entries())
          walk(t.fields, `${at}.tabs[${ti}].fields`, { ...loc, tabs: { ...loc.tabs, [at]: ti } });
      } else if (f.type === "wizard") {
        for (const [pi, p] of f.pages.entries())
          walk(p.fields, `${at}.pages[${pi}].fields`, { ...loc, page: pi });
      }
    });
  };
  walk(form.fields, "fields", { tabs: {} });
  return out;
}

/** Top-level field keys on each wizard page (validated before moving on). */
export function pageFieldKeys(fields: readonly FieldJson[]): string[] {
  const keys: string[] = [];
  const walk = (list: readonly FieldJson[]) => {
    for (const f of list) {
      if (isValueField(f)) keys.push(f.key);
      else if (f.type === "section") walk(f.fields);
      else if (f.type === "tabs") for (const t of f.tabs) walk(t.fields);
    }
  };
  walk(fields);
  return keys;
}
