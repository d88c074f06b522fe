import type { ScopeTypes, TypeDesc } from "@wf/expr";
import type { DesignDefinition } from "./workflowTypes.ts";

const SIMPLE = new Set(["string", "number", "boolean", "date", "datetime"]);
const str: TypeDesc = { kind: "string" };

interface DataFieldJson {
  type?: unknown;
  fields?: Record<string, DataFieldJson>;
  open?: boolean;
  of?: DataFieldJson;
}

/** The expression type of a declared data field; people and org units are id strings. */
export function dataFieldType(field: DataFieldJson | undefined): TypeDesc {
  const type = field?.type;
  if (type === "person" || type === "orgUnit") return str;
  if (typeof type === "string" && SIMPLE.has(type)) return { kind: type } as TypeDesc;
  if (type === "list") return { kind: "list", of: dataFieldType(field?.of) };
  if (type === "object") {
    const fields: Record<string, TypeDesc> = {};
    for (const [k, v] of Object.entries(field?.fields ?? {})) fields[k] = dataFieldType(v);
    return field?.open === true || field?.fields === undefined
      ? { kind: "object", fields, open: true }
      : { kind: "object", fields };
  }
  return { kind: "any" };
}

/**
 * What expressions of a definition may read (contract §2): `data` as declared, `form` (open),
 * `actor`, `starter`, `case`, and `item` in multi-signer steps. Tolerant of a half-written
 * definition, since the designer shows it while it is being written.
 */
export function definitionScope(def: DesignDefinition, opts: { item?: boolean } = {}): ScopeTypes {
  const declared =
    typeof def.data === "object" && def.data !== null ? (def.data as Record<string, DataFieldJson>) : {};
  const data: Record<string, TypeDesc> = {};
  for (const [k, v] of Object.entries(declared)) data[k] = dataFieldType(v);
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
