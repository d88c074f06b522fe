/** A location inside a JSON document: object keys and array indices, outermost first. */
export type JsonPath = readonly (string | number)[];

/**
 * One change to a JSON document. `set` writes a value (an object key, an array index of an
 * array whose length does not change, or the whole document when `path` is empty); `remove`
 * deletes an object key. Arrays that change length are replaced whole, which keeps every
 * patch invertible without tracking index shifts.
 */
export type PatchOp = { op: "set"; path: JsonPath; value: unknown } | { op: "remove"; path: JsonPath };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Deep structural equality of two JSON values. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}

/**
 * The smallest patch (at the granularity described on {@link PatchOp}) that turns `from` into `to`.
 *
 * @example diffJson({ a: 1 }, { a: 2, b: 3 }) // [{ op: "set", path: ["a"], value: 2 }, { op: "set", path: ["b"], value: 3 }]
 */
export function diffJson(from: unknown, to: unknown, path: JsonPath = []): PatchOp[] {
  if (from === to) return [];
  if (isPlainObject(from) && isPlainObject(to)) {
    const ops: PatchOp[] = [];
    for (const key of Object.keys(from)) {
      if (!Object.hasOwn(to, key)) ops.push({ op: "remove", path: [...path, key] });
    }
    for (const key of Object.keys(to)) {
      if (!Object.hasOwn(from, key)) ops.push({ op: "set", path: [...path, key], value: to[key] });
      else ops.push(...diffJson(from[key], to[key], [...path, key]));
    }
    return ops;
  }
  if (Array.isArray(from) && Array.isArray(to) && from.length === to.length) {
    return to.flatMap((item, i) => diffJson(from[i], item, [...path, i]));
  }
  if (jsonEqual(from, to)) return [];
  return [{ op: "set", path, value: to }];
}

function applyOne(doc: unknown, path: JsonPath, op: PatchOp, depth: number): unknown {
  if (depth === path.length) return op.op === "set" ? op.value : undefined;
  const key = path[depth]!;
  if (Array.isArray(doc) && typeof key === "number") {
    const copy = doc.slice();
    copy[key] = applyOne(doc[key], path, op, depth + 1);
    return copy;
  }
  const record = isPlainObject(doc) ? doc : {};
  const copy: Record<string, unknown> = { ...record };
  if (op.op === "remove" && depth === path.length - 1) {
    delete copy[String(key)];
  } else {
    copy[String(key)] = applyOne(record[String(key)], path, op, depth + 1);
  }
  return copy;
}

/**
 * Apply patches in order without mutating `doc`: unchanged subtrees are shared with the input,
 * so React can compare them by reference.
 */
export function applyPatch<T>(doc: T, ops: readonly PatchOp[]): T {
  let next: unknown = doc;
  for (const op of ops) next = applyOne(next, op.path, op, 0);
  return next as T;
}
