import type { ScopeTypes, TypeDesc } from "@wf/expr";
import type { DataField, Definition } from "../definition/types";

/** The static type of a declared data field; people and org units are id strings. */
export function fieldType(f: DataField): TypeDesc {
  switch (f.type) {
    case "person":
    case "orgUnit":
      return { kind: "string" };
    case "object": {
      const fields: Record<string, TypeDesc> = {};
      for (const [k, v] of Object.entries(f.fields ?? {})) fields[k] = fieldType(v);
      return f.open === true || f.fields === undefined
        ? { kind: "object", fields, open: true }
        : { kind: "object", fields };
    }
    case "list":
      return { kind: "list", of: f.of ? fieldType(f.of) : { kind: "any" } };
    default:
      return { kind: f.type };
  }
}

const str: TypeDesc = { kind: "string" };

/**
 * The names an expression of this definition may read: `data` (closed: an unknown field is an
 * error), `form` (open), `actor`, `starter`, `case`, and `item` inside multi-instance steps.
 */
export function definitionScope(def: Definition, opts: { item?: boolean } = {}): ScopeTypes {
  const data: Record<string, TypeDesc> = {};
  for (const [k, v] of Object.entries(def.data ?? {})) data[k] = fieldType(v);
  const scope: ScopeTypes = {
    data: { kind: "object", fields: data },
    form: { kind: "object", fields: {}, open: true },
    actor: { kind: "object", fields: { id: str, unit: str, roles: { kind: "list", of: str } } },
    starter: { kind: "object", fields: { id: str, unit: str } },
    case: { kind: "object", fields: { id: str, startedAt: { kind: "datetime" } } },
  };
  if (opts.item) scope.item = { kind: "any" };
  return scope;
}
