import type { FunctionRegistry, TypeDesc } from "@wf/expr";
import type { OrgDirectory } from "../ports";

const str: TypeDesc = { kind: "string" };

/**
 * The org functions definitions may call, backed by the OrgDirectory port:
 * `ancestor(id, level)`, `unitType(id)`, `unitLevel(id)`, `unitParent(id)`.
 * Without a directory (static checking), the signatures are there and calls return null.
 */
export function orgFunctions(directory?: OrgDirectory): FunctionRegistry {
  return {
    ancestor: {
      params: [str, str],
      returns: str,
      doc: "The id of the unit's ancestor (or itself) at a level: city, county, township, village",
      impl: ([id, level]) => (directory ? (ancestorAt(directory, String(id), String(level)) ?? null) : null),
    },
    unitType: {
      params: [str],
      returns: str,
      doc: "The type of an org unit (org-dept, discipline, village …)",
      impl: ([id]) => directory?.unit(String(id))?.type ?? null,
    },
    unitLevel: {
      params: [str],
      returns: str,
      doc: "The level of an org unit (city, county, township, village), or null",
      impl: ([id]) => directory?.unit(String(id))?.level ?? null,
    },
    unitParent: {
      params: [str],
      returns: str,
      doc: "The id of an org unit's parent, or null",
      impl: ([id]) => directory?.unit(String(id))?.parent ?? null,
    },
  };
}

/** Climb from a unit (itself included) to the first unit of the given level. */
export function ancestorAt(directory: OrgDirectory, id: string, level: string): string | undefined {
  let unit = directory.unit(id);
  for (let guard = 0; unit && guard < 64; guard++) {
    if (unit.level === level) return unit.id;
    unit = unit.parent === undefined ? undefined : directory.unit(unit.parent);
  }
  return undefined;
}
