import type { FormJsonIssue } from "./types";

/** What ordering needs of a compiled field (compileForm's CompiledField has all of it). */
interface CalcNode<F> {
  path: string;
  where: string;
  calc?: { reads: readonly string[] } | undefined;
  columns: readonly F[];
}

/** Topological order of calculated fields; a cycle is an issue naming the loop. */
export function orderCalcs<F extends CalcNode<F>>(fields: Map<string, F>, issues: FormJsonIssue[]): F[] {
  // A group node depends on its columns: reading `items` reads every calculated cell.
  const deps = (path: string): string[] => {
    const f = fields.get(path);
    if (!f) return [];
    return [...(f.calc?.reads ?? []), ...f.columns.map((c) => c.path)];
  };
  const order: F[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (path: string, trail: string[]): void => {
    const s = state.get(path);
    if (s === "done") return;
    if (s === "visiting") {
      const loop = [...trail.slice(trail.indexOf(path)), path];
      const first = fields.get(path);
      issues.push({
        path: `${first?.where ?? ""}.calc`,
        message: `calculated fields form a cycle: ${loop.join(" → ")}`,
        hint: "break the loop by making one of them an input field",
      });
      return;
    }
    state.set(path, "visiting");
    for (const d of deps(path)) if (d !== path || fields.get(path)?.calc) visit(d, [...trail, path]);
    state.set(path, "done");
    const f = fields.get(path);
    if (f?.calc) order.push(f);
  };
  for (const path of fields.keys()) visit(path, []);
  return order;
}
