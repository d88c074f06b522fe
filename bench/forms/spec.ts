/**
 * One 300-field form with 50 conditions, written twice from the same list: as our form JSON
 * (conditions as `visible` expressions) and as the equivalent JSON Schema for @rjsf/core
 * (conditions as `allOf` if/then blocks, which rjsf resolves against the data on every change).
 *
 * 300 = 25 select drivers + 25 text drivers + 50 conditional fields + 200 plain fields
 * (130 text, 40 number, 20 select, 10 checkbox); every fifth plain field is required.
 */

type Kind = "text" | "number" | "select" | "checkbox";
interface Spec {
  key: string;
  kind: Kind;
  label: string;
  required: boolean;
  /** For a conditional field: the driver key and whether it is a select (== 'yes') or text (len > 3). */
  when?: { driver: string; select: boolean };
}

const OPTIONS = ["yes", "no", "maybe", "unknown"];

function specs(): Spec[] {
  const out: Spec[] = [];
  const plain: Kind[] = [
    ...Array(130).fill("text"),
    ...Array(40).fill("number"),
    ...Array(20).fill("select"),
    ...Array(10).fill("checkbox"),
  ];
  // Interleave drivers, their dependents and plain fields, as real long forms mix them.
  let p = 0;
  for (let k = 0; k < 50; k++) {
    const select = k % 2 === 0;
    const driver = select ? `s${k}` : `t${k}`;
    out.push({ key: driver, kind: select ? "select" : "text", label: `Driver ${k}`, required: false });
    out.push({
      key: `d${k}`,
      kind: "text",
      label: `Depends on ${driver}`,
      required: false,
      when: { driver, select },
    });
    for (let j = 0; j < 4; j++, p++) {
      out.push({ key: `f${p}`, kind: plain[p]!, label: `Field ${p}`, required: p % 5 === 0 });
    }
  }
  if (out.length !== 300) throw new Error(`expected 300 fields, got ${out.length}`);
  return out;
}

/** The middle plain text field and a text driver: where the keystroke benchmark types. */
export const TYPE_INTO = { plain: "f101", driver: "t25" };

const text = (s: string) => ({ zh: s, en: s });

export function ourForm() {
  const fields = specs().map((s) => {
    const base: Record<string, unknown> = { key: s.key, label: text(s.label) };
    if (s.required) base.required = true;
    if (s.kind === "select") base.options = OPTIONS.map((o) => ({ value: o, label: text(o) }));
    if (s.when) base.visible = s.when.select ? `${s.when.driver} == 'yes'` : `len(${s.when.driver}) > 3`;
    return { type: s.kind, ...base };
  });
  return { id: "bench-300", version: 1, title: text("300 fields"), fields };
}

export function jsonSchema() {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  const allOf: unknown[] = [];
  for (const s of specs()) {
    const prop =
      s.kind === "select"
        ? { type: "string", title: s.label, enum: OPTIONS }
        : s.kind === "number"
          ? { type: "number", title: s.label }
          : s.kind === "checkbox"
            ? { type: "boolean", title: s.label }
            : { type: "string", title: s.label };
    if (s.required) required.push(s.key);
    if (!s.when) {
      properties[s.key] = prop;
      continue;
    }
    const test = s.when.select ? { const: "yes" } : { type: "string", minLength: 4 };
    allOf.push({
      if: { properties: { [s.when.driver]: test }, required: [s.when.driver] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's own if/then keyword
      then: { properties: { [s.key]: prop } },
    });
  }
  return { type: "object", title: "300 fields", properties, required, allOf };
}
