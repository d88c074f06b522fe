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
  // Copy with sorted keys, then let the native JSON.stringify do the text: faster than
  // concatenating strings by hand, same output.
  return JSON.stringify(sortedCopy(value)) ?? "null";
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
