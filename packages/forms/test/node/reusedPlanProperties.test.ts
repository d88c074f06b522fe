import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { residentIdCheckChar } from "@wf/expr";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import {
  type CompiledField,
  type CompiledForm,
  compileForm,
  createFormSchema,
  createFormValidator,
  type FieldPermissions,
  type FormContext,
  parseFormValues,
  toFieldIssues,
  validateForm,
} from "../../src/index";

// The engine's port and parseFormValues reuse a plan per form and permission set, and take the
// clock, case data and directory per call; createFormSchema builds everything afresh for one
// context. On any values, permissions and context, in any order of calls, both must agree.

const dir = fileURLToPath(new URL("../../../../workflows/forms/", import.meta.url));
const shipped = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => JSON.parse(readFileSync(`${dir}${f}`, "utf8")) as { id: string });

const t = (s: string) => ({ zh: s, en: s });
const opt = (value: string, visible?: string) => ({
  value,
  label: t(value),
  ...(visible ? { visible } : {}),
});
/** What the shipped forms use little of: chained conditions, filtered options, row calcs and rules. */
const rich = {
  id: "rich",
  version: 1,
  title: t("rich"),
  fields: [
    {
      key: "kind",
      type: "select",
      label: t("kind"),
      required: true,
      options: [opt("a"), opt("b"), opt("c", "flag")],
    },
    { key: "flag", type: "checkbox", label: t("flag") },
    {
      type: "section",
      label: t("s"),
      visible: "kind == 'a'",
      fields: [
        { key: "note", type: "text", label: t("note"), required: "flag", minLength: 2 },
        { key: "start", type: "date", label: t("start"), max: { expr: "today()" } },
      ],
    },
    { key: "end", type: "date", label: t("end"), visible: "note != null" },
    { key: "count", type: "number", label: t("count"), min: 0, max: { expr: "flag ? 5 : 50" }, scale: 0 },
    { key: "double", type: "number", label: t("double"), calc: "count == null ? null : count * 2" },
    {
      key: "items",
      type: "table",
      label: t("items"),
      maxRows: 3,
      fields: [
        { key: "what", type: "select", label: t("what"), required: true, options: [opt("x"), opt("y")] },
        {
          key: "qty",
          type: "number",
          label: t("qty"),
          min: 1,
          rules: [{ id: "few", check: "value <= 10", message: t("few") }],
        },
        { key: "amount", type: "number", label: t("amount"), calc: "row.qty == null ? null : row.qty * 2" },
        { key: "why", type: "text", label: t("why"), visible: "row.what == 'y'", required: true },
      ],
    },
    { key: "person", type: "personPicker", label: t("person") },
  ],
  rules: [
    { id: "order", check: "end == null || start == null || end >= start", path: "end", message: t("order") },
    { id: "flagged", check: "kind != 'b' || flag != true", message: t("flagged") },
  ],
};

const day = fc
  .date({ min: new Date("1950-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const residentId = fc.tuple(day, fc.boolean()).map(([d, valid]) => {
  const first = `110105${d.replaceAll("-", "")}123`;
  return first + (valid ? residentIdCheckChar(first) : "0");
});
const junk = fc.oneof(
  fc.constant(null),
  fc.constant(""),
  fc.integer(),
  fc.string(),
  fc.boolean(),
  fc.constant([]),
);

/** Mostly plausible values for a field's type, sometimes any junk. */
function arbitraryFor(f: CompiledField): fc.Arbitrary<unknown> {
  const json = f.json;
  const options = "options" in json ? json.options.map((o) => o.value) : [];
  const plausible: fc.Arbitrary<unknown> = (() => {
    switch (json.type) {
      case "number":
      case "money":
        return fc.oneof(fc.integer({ min: -5, max: 60 }), fc.double({ min: -5, max: 60, noNaN: true }));
      case "date":
        return day;
      case "datetime":
        return day.map((d) => `${d}T09:00:00+08:00`);
      case "checkbox":
      case "switch":
        return fc.boolean();
      case "select":
      case "radio":
        return fc.constantFrom(...options, "none");
      case "multiSelect":
        return fc.array(fc.constantFrom(...options, "none"), { maxLength: 3 });
      case "personPicker":
      case "orgPicker":
        return json.multiple
          ? fc.array(fc.constantFrom("ok-1", "no-1"), { maxLength: 2 })
          : fc.constantFrom("ok-1", "no-1");
      case "idCard":
        return residentId;
      case "group":
      case "table":
        return fc.array(
          fc.record(Object.fromEntries(f.columns.map((c) => [c.key, arbitraryFor(c)])), { requiredKeys: [] }),
          { maxLength: 4 },
        );
      default:
        return fc.string({ maxLength: 25 });
    }
  })();
  return fc.oneof({ weight: 5, arbitrary: plausible }, { weight: 1, arbitrary: junk });
}

const valuesOf = (form: CompiledForm) =>
  fc.record(Object.fromEntries(form.topLevel.map((f) => [f.key, arbitraryFor(f)])), { requiredKeys: [] });

const permission = fc.constantFrom(
  "hidden" as const,
  "readonly" as const,
  "editable" as const,
  "required" as const,
);
const permissionsOf = (form: CompiledForm): fc.Arbitrary<FieldPermissions | undefined> =>
  fc.option(
    fc.record(
      {
        default: permission,
        fields: fc.dictionary(fc.constantFrom(...form.fields.keys()), permission, { maxKeys: 3 }),
      },
      { requiredKeys: [] },
    ),
    { nil: undefined },
  );

const contexts = fc.record({
  now: fc.constantFrom("2026-03-02T09:00:00+08:00", "1999-06-01T09:00:00+08:00", "2040-01-01T09:00:00+08:00"),
  data: fc.constantFrom(undefined, {}, { village: { type: "软弱涣散" } }),
  directory: fc.boolean(),
});

describe("a reused plan answers as a schema built for the call", () => {
  test.each([...shipped.map((f) => f.id), "rich"])("%s", (id) => {
    const json = id === "rich" ? rich : shipped.find((f) => f.id === id);
    let ctx: FormContext = {};
    const validator = createFormValidator([json], { context: () => ctx });
    const form = validator.form(id);
    const fresh = compileForm(json);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(valuesOf(form), permissionsOf(form), contexts), { minLength: 1, maxLength: 4 }),
        (calls) => {
          for (const [values, permissions, c] of calls) {
            ctx = {
              env: { now: c.now },
              data: c.data,
              ...(c.directory ? { exists: (_: string, v: string) => v.startsWith("ok-") } : {}),
            };
            const r = createFormSchema(fresh, { ...ctx, permissions }).safeParse(values);
            const expected = r.success ? [] : toFieldIssues(r.error.issues);
            expect(validator.validate(id, values, permissions)).toEqual(expected);
            // Frozen permissions (the engine's, one object per step) are planned by identity,
            // and a `{ ref, version }` is found by the pair: both must answer the same.
            const frozen =
              permissions === undefined
                ? undefined
                : Object.freeze({
                    ...permissions,
                    ...(permissions.fields ? { fields: Object.freeze({ ...permissions.fields }) } : {}),
                  });
            const pinned = { ref: id, version: form.json.version };
            expect(validator.validate(pinned, values, frozen)).toEqual(expected);
            expect(validator.validate(pinned, values, frozen)).toEqual(expected);
            const parsed = parseFormValues(form, values, permissions, ctx);
            expect(parsed.ok ? parsed.values : parsed.issues).toEqual(r.success ? r.data : expected);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("a date or date-time field's type test", () => {
  const form = compileForm({
    id: "dates",
    version: 1,
    title: t("dates"),
    fields: [
      { key: "d", type: "date", label: t("d") },
      { key: "dt", type: "datetime", label: t("dt") },
    ],
  });
  const dateLike = fc.oneof(
    fc.string(),
    day,
    day.map((d) => d.replace(/-\d\d$/, "-29")),
    day.map((d) => d.replace(/-\d\d-/, "-02-")),
    fc
      .tuple(day, fc.constantFrom("T09:00:00Z", "T24:00:00+08:00", "T09:00:00.5-05:30", "T09:00", " "))
      .map(([d, time]) => d + time),
    fc.constantFrom(null, 0, true, ["2026-01-01"]),
  );
  const empty = (v: unknown) =>
    v === null || (typeof v === "string" && v.trim() === "") || (Array.isArray(v) && v.length === 0);
  test("is zod's ISO date and date-time (with offset) check", () => {
    const zodDate = z.iso.date();
    const zodDateTime = z.iso.datetime({ offset: true });
    fc.assert(
      fc.property(dateLike, dateLike, (d, dt) => {
        const types = validateForm(form, { d, dt }, { default: "editable" })
          .filter((i) => i.rule === "type")
          .map((i) => i.path);
        const expected = [
          ...(empty(d) || zodDate.safeParse(d).success ? [] : ["d"]),
          ...(empty(dt) || zodDateTime.safeParse(dt).success ? [] : ["dt"]),
        ];
        expect(types).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe("a date field's bounds", () => {
  test("order days as localeCompare does (the collation, not only the code units)", () => {
    fc.assert(
      fc.property(day, day, day, (value, a, b) => {
        const [min, max] = a < b ? [a, b] : [b, a];
        const form = compileForm({
          id: "bounded",
          version: 1,
          title: t("bounded"),
          fields: [{ key: "d", type: "date", label: t("d"), min, max }],
        });
        const rules = validateForm(form, { d: value }, { default: "editable" }).map((i) => i.rule);
        const expected = [
          ...(value.localeCompare(min) < 0 ? ["min"] : []),
          ...(value.localeCompare(max) > 0 ? ["max"] : []),
        ];
        expect(rules).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
