import { put } from "./shapes";

/**
 * A copy of `data` with `path` (dotted, without the leading `data.`) set to `value`. Only the
 * objects along the path are copied: snapshots are shared with the store and never mutated.
 */
export function setPath(
  data: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  const dot = path.indexOf(".");
  const head = dot < 0 ? path : path.slice(0, dot);
  if (head === "") return data;
  if (dot < 0) return withKey(data, head, value);
  const inner = data[head];
  const obj =
    inner !== null && typeof inner === "object" && !Array.isArray(inner)
      ? (inner as Record<string, unknown>)
      : {};
  return withKey(data, head, setPath(obj, path.slice(dot + 1), value));
}

/**
 * {@link setPath} on a copy the caller made and nobody else has seen yet: sets the top-level key
 * in place (objects below it are still copied), so a run of assignments copies `data` once.
 */
export function setPathOwned(owned: Record<string, unknown>, path: string, value: unknown): void {
  const dot = path.indexOf(".");
  if (dot < 0) {
    if (path !== "") put(owned, path, value);
    return;
  }
  const head = path.slice(0, dot);
  if (head === "") return;
  const inner = owned[head];
  const obj =
    inner !== null && typeof inner === "object" && !Array.isArray(inner)
      ? (inner as Record<string, unknown>)
      : {};
  put(owned, head, setPath(obj, path.slice(dot + 1), value));
}

/**
 * `{ ...data, [key]: value }`, with `"__proto__"` kept a key as that literal keeps it. Written as a
 * copy and then a store: V8 turns the literal with a computed key after a spread into a runtime
 * definition on every call (about 2.5 us for a 25-key object, where the copy and store take 0.7).
 */
function withKey(data: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const out = { ...data };
  put(out, key, value);
  return out;
}

/** Top-level keys of `after` whose values differ from `before` (by identity: changes copy). */
export function changedKeys(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, unknown> | undefined {
  if (before === after) return undefined;
  let out: Record<string, unknown> | undefined;
  // Keys of `before`, then the keys only `after` has: the order a Set of both would give.
  for (const k of Object.keys(before)) {
    if (before[k] !== after[k]) {
      out ??= {};
      out[k] = after[k] === undefined ? null : after[k];
    }
  }
  for (const k of Object.keys(after)) {
    if (Object.hasOwn(before, k)) continue;
    if (before[k] !== after[k]) {
      out ??= {};
      out[k] = after[k] === undefined ? null : after[k];
    }
  }
  return out;
}

/**
 * `changedKeys({}, after)`, what a case's start writes into its `started` event: a spread of
 * `after` in one go (~0.1 us for the shipped start data, against ~1 us key by key, and the event
 * keeps its fields in the object itself). What the spread would do otherwise (an own
 * `"__proto__"` key, an undefined value, a value equal to the one `{}` inherits under that key)
 * goes the long way.
 */
export function startKeys(after: Record<string, unknown>): Record<string, unknown> | undefined {
  const keys = Object.keys(after);
  if (keys.length === 0) return undefined;
  const empty: Record<string, unknown> = {};
  for (const k of keys) {
    const v = after[k];
    if (v === undefined || v === empty[k] || k === "__proto__") return changedKeys(empty, after);
  }
  return { ...after };
}
