import type { FunctionRegistry, TypeDesc } from "@wf/expr";
import type { OrgDirectory } from "../ports";

const str: TypeDesc = { kind: "string" };

/**
 * The org functions definitions may call, backed by the OrgDirectory port:
 * `ancestor(id, level)`, `unitType(id)`, `unitLevel(id)`, `unitParent(id)`,
 * `childOfType(id, type)` and `unitAttr(id, key)`.
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
    childOfType: {
      params: [str, str],
      returns: str,
      doc: "The id of the unit's only child unit of a type (the county's police department), or null when it has none; an error when several children have that type",
      impl: ([id, type]) =>
        directory && id !== null && type !== null ? childOfType(directory, String(id), String(type)) : null,
    },
    unitAttr: {
      params: [str, str],
      returns: { kind: "any" },
      doc: "An attribute of an org unit (`attrs[key]`, e.g. a village's villageType), or null when the unit or the attribute is absent",
      impl: ([id, key]) => {
        if (!directory || id === null || key === null) return null;
        const attrs = directory.unit(String(id))?.attrs;
        return attrs !== undefined && Object.hasOwn(attrs, String(key)) ? (attrs[String(key)] ?? null) : null;
      },
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

/**
 * The one child of a unit with the given type, or null when there is none. Several children of
 * that type are an error naming them: picking one silently would send a case to the wrong desk.
 */
function childOfType(directory: OrgDirectory, id: string, type: string): string | null {
  const found = directory.children(id).filter((u) => u.type === type);
  if (found.length > 1) {
    throw new Error(
      `unit "${id}" has ${found.length} child units of type "${type}" (${found.map((u) => u.id).join(", ")}); childOfType needs exactly one`,
    );
  }
  return found[0]?.id ?? null;
}
