import type { Builtin, BuiltinFamily } from "./builtin";
import { dateFunctions } from "./dateFunctions";
import { listFunctions } from "./listFunctions";
import { numberFunctions } from "./numberFunctions";
import { textFunctions } from "./textFunctions";
import { valueFunctions } from "./valueFunctions";

export type { Builtin, CheckCall, LambdaFn } from "./builtin";

/**
 * Join the families into one frozen null-prototype registry; a name defined twice is a bug here.
 * (Frozen: evaluation decides once per expression which built-in a name is.)
 */
function assemble(...families: BuiltinFamily[]): Record<string, Builtin> {
  const all: Record<string, Builtin> = Object.create(null);
  for (const family of families) {
    for (const [name, builtin] of Object.entries(family)) {
      if (Object.hasOwn(all, name)) throw new Error(`built-in function ${name} is defined in two families`);
      all[name] = builtin;
    }
  }
  return Object.freeze(all);
}

/** The built-in functions (a null-prototype object; look names up with Object.hasOwn). */
export const BUILTINS: Readonly<Record<string, Builtin>> = assemble(
  dateFunctions,
  listFunctions,
  valueFunctions,
  numberFunctions,
  textFunctions,
);

/** Whether name is a built-in function. */
export function isBuiltin(name: string): boolean {
  return Object.hasOwn(BUILTINS, name);
}
