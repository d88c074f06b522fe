import { definitionJsonSchema } from "@wf/engine";
import { formJsonSchemaDocument } from "@wf/forms";
import { describe, expect, it } from "vitest";
import { definitionHints, jsonCompletions } from "../src/index.ts";

const definitionSchema = definitionJsonSchema();

/** Completions where `|` stands in the text. */
function at(text: string, schema = definitionSchema) {
  const pos = text.indexOf("|");
  return jsonCompletions(text.replace("|", ""), pos, schema, definitionHints);
}
const labels = (text: string, schema = definitionSchema) =>
  at(text, schema)?.options.map((o) => o.label) ?? [];

describe("jsonCompletions", () => {
  it("offers the definition's top-level properties not yet written", () => {
    const found = labels('{ "id": "x", | }');
    expect(found).toEqual(
      expect.arrayContaining(['"steps"', '"initial"', '"roles"', '"separationOfDuties"']),
    );
    expect(found).not.toContain('"id"');
  });

  it("offers step kinds, and the properties of the kind written", () => {
    expect(labels('{ "steps": { "a": { "kind": "|" } } }')).toEqual(
      expect.arrayContaining([
        '"userTask"',
        '"multiTask"',
        '"auto"',
        '"timer"',
        '"parallel"',
        '"subProcess"',
        '"end"',
      ]),
    );
    const timer = labels('{ "steps": { "a": { "kind": "timer", | } } }');
    expect(timer).toEqual(expect.arrayContaining(['"after"', '"to"']));
    expect(timer).not.toContain('"outcomes"');
    expect(labels('{ "steps": { "a": { "kind": "userTask", | } } }')).toEqual(
      expect.arrayContaining(['"assignee"', '"outcomes"', '"form"']),
    );
  });

  it("offers step ids for targets and role ids for roles", () => {
    const text =
      '{ "roles": ["clerk", "org-dept"], "initial": "a", "steps": { "a": { "kind": "userTask", "assignee": { "role": "|" } }, "b": { "kind": "end", "to": "" } } }';
    expect(labels(text)).toEqual(['"clerk"', '"org-dept"']);
    expect(
      labels('{ "initial": "|", "steps": { "apply": { "kind": "end" }, "review": { "kind": "end" } } }'),
    ).toEqual(['"apply"', '"review"']);
  });

  it("replaces the string being typed", () => {
    const found = at('{ "steps": { "a": { "kind": "use|" } } }');
    expect(found?.from).toBe(28);
    expect(found?.to).toBe(33);
    expect(found?.options.find((o) => o.label === '"userTask"')?.apply).toBe('"userTask"');
    expect(at('{ "ve| }')?.options.find((o) => o.label === '"version"')?.apply).toBe('"version": ');
  });

  it("works with the form schema: field types and a field's properties", () => {
    const form = formJsonSchemaDocument();
    expect(labels('{ "fields": [ { "type": "|" } ] }', form)).toEqual(
      expect.arrayContaining(['"text"', '"select"', '"tabs"']),
    );
    const select = labels('{ "fields": [ { "type": "select", | } ] }', form);
    expect(select).toEqual(expect.arrayContaining(['"options"', '"key"', '"visible"']));
    expect(select).not.toContain('"pages"');
  });
});
