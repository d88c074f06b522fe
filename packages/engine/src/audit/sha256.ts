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
 */
export function canonicalJson(value: unknown): string {
  return canonical(value) ?? "null";
}

/**
 * Whether `JSON.stringify(value)` is already the canonical text: every object plain (Object or
 * null prototype, no own `toJSON`), with its non-index keys in ascending order (V8 lists index
 * keys first, ascending, by itself), and no deeper than the stack allows. Allocates nothing for
 * objects in V8's fast mode. Anything unusual answers false and takes the general path.
 */
function inCanonicalOrder(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== "object") return true;
  if (depth > 64) return false;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return false;
    for (let i = 0; i < value.length; i++) if (!inCanonicalOrder(value[i], depth + 1)) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  const rec = value as Record<string, unknown>;
  let prev: string | undefined;
  for (const k in rec) {
    // An enumerable key from a polluted Object.prototype: JSON.stringify would not list it.
    if (!Object.hasOwn(rec, k) || k === "toJSON") return false;
    const c = k.charCodeAt(0);
    if (!(c >= 48 && c <= 57 && isArrayIndex(k))) {
      if (prev !== undefined && !(prev < k)) return false;
      prev = k;
    }
    if (!inCanonicalOrder(rec[k], depth + 1)) return false;
  }
  return true;
}

/**
 * The text of `JSON.stringify(sortedCopy(value))`, written directly for plain JSON (no sorted copy
 * per event): scalars and strings go through the native JSON.stringify, so escaping is the same;
 * anything else (a Date, a class instance) takes the copying path, so its text is too.
 * `undefined` means "no value" (left out of an object, `null` in an array), as in JSON.stringify.
 */
function canonical(value: unknown): string | undefined {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
    case "number":
    case "boolean":
      return JSON.stringify(value);
    case "object":
      break;
    default:
      return JSON.stringify(sortedCopy(value));
  }
  // Most of an event is built with its keys in order already (and form values often are): for
  // such a part the native JSON.stringify gives the same text as one flat string, with none of
  // the concatenation below.
  if (inCanonicalOrder(value, 0)) return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return JSON.stringify(sortedCopy(value));
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ",";
      out += canonical(value[i]) ?? "null";
    }
    return `${out}]`;
  }
  const proto = Object.getPrototypeOf(value);
  const rec = value as Record<string, unknown>;
  if ((proto !== Object.prototype && proto !== null) || Object.hasOwn(rec, "toJSON"))
    return JSON.stringify(sortedCopy(value));
  const keys = indexKeysFirst(sortKeys(Object.keys(rec)));
  let out = "{";
  let first = true;
  for (const k of keys) {
    const v = rec[k];
    if (v === undefined) continue;
    const text = canonical(v);
    if (text === undefined) continue;
    if (!first) out += ",";
    first = false;
    out += quotedKey(k) + text;
  }
  return `${out}}`;
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

// Keys repeat (field names, event fields): quote each once.
const quoted = new Map<string, string>();

function quotedKey(k: string): string {
  let q = quoted.get(k);
  if (q === undefined) {
    q = `${JSON.stringify(k)}:`;
    if (quoted.size >= 4096) quoted.clear();
    quoted.set(k, q);
  }
  return q;
}

/**
 * An object lists its array-index keys ("0", "17") first, in numeric order, whatever order they
 * were added in; the sorted copy did too, so its text has them first.
 */
function indexKeysFirst(sorted: string[]): string[] {
  let indexes: string[] | undefined;
  for (const k of sorted) {
    const c = k.charCodeAt(0);
    if (c >= 48 && c <= 57 && isArrayIndex(k)) {
      indexes ??= [];
      indexes.push(k);
    }
  }
  if (!indexes) return sorted;
  indexes.sort((a, b) => Number(a) - Number(b));
  const set = new Set(indexes);
  return [...indexes, ...sorted.filter((k) => !set.has(k))];
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
