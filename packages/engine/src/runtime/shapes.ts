/**
 * Records keyed by per-case ids (open tasks and timers: `case-17.t3`, `case-17.t3:remind`).
 *
 * V8 gives an ordinary object a hidden class per sequence of keys and records each new key as a
 * transition from the previous class. Keys that are unique per case added to `{}` fill the
 * transition table of the empty object's class; after a few thousand cases every object built
 * up from `{}` anywhere in the process gets a hidden class (and descriptor array and enum cache)
 * of its own: about 4 KB more per idle case, and slower code. These records start from a class
 * of their own instead (a constructor's initial class), so their ids fill only that one. They are
 * ordinary objects in every observable way: Object.prototype, constructor Object, JSON, equality.
 */
export type IdRecord<T> = Record<string, T>;

const IdRecordObject = function IdRecordObject() {} as unknown as new () => Record<string, unknown>;
(IdRecordObject as unknown as { prototype: object }).prototype = Object.prototype;

/** An empty id-keyed record. */
function emptyIdRecord<T>(): IdRecord<T> {
  return new IdRecordObject() as IdRecord<T>;
}

/** A copy of `rec` without the entries `drop` selects. */
export function copyIdRecord<T>(rec: IdRecord<T>, drop?: (v: T) => boolean): IdRecord<T> {
  const out = emptyIdRecord<T>();
  if (!drop && !Object.hasOwn(rec, "__proto__")) return Object.assign(out, rec);
  for (const k in rec) {
    if (!Object.hasOwn(rec, k)) continue;
    const v = rec[k] as T;
    if (!drop?.(v)) put(out, k, v);
  }
  return out;
}

/**
 * `rec[id]`, prototype chain included, for a record keyed by per-case ids. Each such record has
 * a hidden class of its own (above), so a keyed load of it misses V8's inline and megamorphic
 * caches on nearly every call and goes through the runtime to fill them for a class that is
 * never seen again; `Reflect.get` takes the generic lookup straight away (~0.3 us less a lookup).
 */
export function idGet<T>(rec: IdRecord<T>, id: string): T | undefined {
  return Reflect.get(rec, id) as T | undefined;
}

/** A copy of `rec` with `entries` added (or replaced), in order. */
export function withIds<T>(rec: IdRecord<T>, ...entries: [string, T][]): IdRecord<T> {
  const out = copyIdRecord(rec);
  for (const [k, v] of entries) put(out, k, v);
  return out;
}

/**
 * `{ ...a, ...b }`. A spread keeps every property in the object itself; building a record up
 * from `{}` (Object.assign, or key by key) moves properties beyond the fourth to a separate
 * array, and a record of more than 16 keys (case data) to a hash table, which costs about
 * 1.7 KB more per stored case. (Spreads share hidden classes once the id-keyed records above
 * no longer fill the empty object's transitions.)
 */
export function merged<T extends object>(a?: object, b?: object): T {
  return { ...a, ...b } as T;
}

/**
 * {@link merged} for submitted form values written over a case data object, from spread sites
 * of its own: `merged` is called with every shape in the engine and copies by V8's slow path;
 * these see only what forms write into. Object.assign stores keys as the spread defines them,
 * except an own `"__proto__"` key, which is left to `merged`.
 */
export function mergedForm(prev: object, form: object): object {
  if (Object.hasOwn(form, "__proto__")) return merged(prev, form);
  return Object.assign({ ...prev }, form);
}

/** `out[k] = v` as a spread would do it: a `"__proto__"` key (possible in parsed JSON) stays a key. */
export function put(out: Record<string, unknown>, k: string, v: unknown): void {
  if (k === "__proto__")
    Object.defineProperty(out, k, { value: v, writable: true, enumerable: true, configurable: true });
  else out[k] = v;
}
