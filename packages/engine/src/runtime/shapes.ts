/**
 * Records keyed by per-case ids (open tasks and timers: `case-17.t3`, `case-17.t3:remind`) as
 * dictionary-mode objects.
 *
 * V8 gives an ordinary object a hidden class per sequence of keys and records each new key as a
 * transition from the previous class. Keys that are unique per case add one transition each to
 * the empty object's class; after a few thousand cases that transition table is full, and from
 * then on every object built up from `{}` anywhere in the process gets a hidden class (and
 * descriptor array and enum cache) of its own: about 4 KB more per idle case, and slower code.
 * A dictionary-mode object keeps its keys in a hash table under one shared class. It is an
 * ordinary object in every observable way (Object.prototype, insertion order, JSON, equality).
 */
export type IdRecord<T> = Record<string, T>;

/** An empty dictionary-mode object (deleting a property that is not the last one normalises it). */
export function emptyIdRecord<T>(): IdRecord<T> {
  const out: Record<string, unknown> = { _a: 0, _b: 0 };
  delete out._a;
  delete out._b;
  return out as IdRecord<T>;
}

/** A copy of `rec` without the entries `drop` selects. */
export function copyIdRecord<T>(rec: IdRecord<T>, drop?: (v: T) => boolean): IdRecord<T> {
  const out = emptyIdRecord<T>();
  for (const k in rec) {
    if (!Object.hasOwn(rec, k)) continue;
    const v = rec[k] as T;
    if (!drop?.(v)) put(out, k, v);
  }
  return out;
}

/** A copy of `rec` with `entries` added (or replaced), in order. */
export function withIds<T>(rec: IdRecord<T>, ...entries: [string, T][]): IdRecord<T> {
  const out = copyIdRecord(rec);
  for (const [k, v] of entries) put(out, k, v);
  return out;
}

/**
 * `{ ...a, ...b }` for plain JSON records, built key by key. In Node 20's V8 an object spread at a
 * call site that sees many shapes (megamorphic) gives every result a hidden class of its own;
 * adding keys one by one reuses the shared transitions. Use it for objects the store keeps.
 */
export function merged<T extends object>(...parts: (object | undefined)[]): T {
  const out: Record<string, unknown> = {};
  for (const part of parts) {
    if (part === undefined) continue;
    const rec = part as Record<string, unknown>;
    for (const k in rec) if (Object.hasOwn(rec, k)) put(out, k, rec[k]);
  }
  return out as T;
}

/** `out[k] = v` as a spread would do it: a `"__proto__"` key (possible in parsed JSON) stays a key. */
export function put(out: Record<string, unknown>, k: string, v: unknown): void {
  if (k === "__proto__")
    Object.defineProperty(out, k, { value: v, writable: true, enumerable: true, configurable: true });
  else out[k] = v;
}
