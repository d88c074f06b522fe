import { put } from "../runtime/shapes";

// The engine's lib has no DOM types, so the two Web APIs it uses are declared here by shape.
// Both exist as globals in Node 20 and in every browser the app supports.
interface SubtleLike {
  digest(algorithm: "SHA-256", data: Uint8Array): Promise<ArrayBuffer>;
}
interface WebGlobals {
  crypto?: { subtle?: SubtleLike };
  TextEncoder: new () => { encode(text: string): Uint8Array };
}

/** SHA-256 of a UTF-8 string as lowercase hex, through Web Crypto (Node 20 and browsers alike). */
export async function sha256Hex(text: string): Promise<string> {
  const g = globalThis as unknown as WebGlobals;
  const subtle = g.crypto?.subtle;
  if (!subtle)
    throw new Error("Web Crypto (globalThis.crypto.subtle) is not available; pass `hash` to createEngine");
  const digest = new Uint8Array(await subtle.digest("SHA-256", new g.TextEncoder().encode(text)));
  let hex = "";
  for (const b of digest) hex += b.toString(16).padStart(2, "0");
  return hex;
}

/**
 * JSON with object keys sorted at every level and `undefined` members left out, so the same
 * value always gives the same text (and hash), whatever order its keys were built in.
 *
 * The text is that of `JSON.stringify(sortedCopy(value))`, got with one native JSON.stringify
 * over the value itself, in which only the objects whose keys are out of order are replaced by
 * sorted copies: most of an audit event is built in order, so little is copied and no string is
 * built piece by piece.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(ordered(value, 0)) ?? "null";
}

/**
 * `value` where it already stringifies as its sorted copy would (plain objects with their
 * non-index keys ascending — V8 lists index keys first, ascending, by itself — and arrays of
 * such), else a copy that does: an object with sorted keys (a `"__proto__"` key stays a key)
 * and no `undefined` members, as `sortedCopy` makes. Anything unusual (a Date, a class instance, an own `toJSON`,
 * an inherited enumerable key, a very deep value) is handed to `sortedCopy` whole.
 */
function ordered(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== "object") return value;
  if (depth > 64) return sortedCopy(value);
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return sortedCopy(value);
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      const next = ordered(item, depth + 1);
      if (next !== item) {
        out ??= value.slice();
        out[i] = next;
      }
    }
    return out ?? value;
  }
  const proto = Object.getPrototypeOf(value);
  const rec = value as Record<string, unknown>;
  if ((proto !== Object.prototype && proto !== null) || Object.hasOwn(rec, "toJSON"))
    return sortedCopy(value);
  let prev: string | undefined;
  let inOrder = true;
  for (const k in rec) {
    // An enumerable key from a polluted Object.prototype: JSON.stringify would list it.
    if (!Object.hasOwn(rec, k)) return sortedCopy(value);
    const c = k.charCodeAt(0);
    if (c >= 48 && c <= 57 && isArrayIndex(k)) continue;
    if (prev !== undefined && !(prev < k)) {
      inOrder = false;
      break;
    }
    prev = k;
  }
  if (!inOrder) {
    const out: Record<string, unknown> = {};
    for (const k of sortKeys(Object.keys(rec))) {
      const next = ordered(rec[k], depth + 1);
      if (next !== undefined) put(out, k, next);
    }
    return out;
  }
  // In order: the object itself, unless a member needs a copy; then a copy in the same order.
  let out: Record<string, unknown> | undefined;
  for (const k in rec) {
    const item = rec[k];
    const next = ordered(item, depth + 1);
    if (next !== item && out === undefined) {
      out = {};
      for (const before in rec) {
        if (before === k) break;
        if (rec[before] !== undefined) put(out, before, rec[before]);
      }
    }
    if (out !== undefined && next !== undefined) put(out, k, next);
  }
  return out ?? value;
}

/** `keys.sort()` (UTF-16 code unit order); short lists in place, without the sort's work array. */
function sortKeys(keys: string[]): string[] {
  if (keys.length > 24) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > k) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = k;
  }
  return keys;
}

function isArrayIndex(k: string): boolean {
  return /^(?:0|[1-9]\d*)$/.test(k) && Number(k) <= 4294967294;
}

function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(sortedCopy);
  const rec = value as Record<string, unknown>;
  // A null prototype keeps a "__proto__" key (possible in parsed JSON) an ordinary key.
  const out: Record<string, unknown> = Object.create(null);
  for (const k of Object.keys(rec).sort()) if (rec[k] !== undefined) out[k] = sortedCopy(rec[k]);
  return out;
}
