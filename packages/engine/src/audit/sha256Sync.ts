// SHA-256 (FIPS 180-4) in plain TypeScript. Web Crypto's digest is asynchronous and, in Node,
// crosses to a thread pool for every call; for the small texts of audit events this runs
// several times faster and gives the same hex (a property test checks it against Web Crypto).

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

// The native UTF-8 encoder where there is one (Node, browsers): faster than the loop below, and
// the same bytes as Web Crypto's input even for a lone surrogate (U+FFFD). Declared by shape:
// the engine's lib has no DOM types.
type Utf8Encoder = { encodeInto(text: string, into: Uint8Array): { written: number } };
const Encoder = (globalThis as unknown as { TextEncoder?: new () => Utf8Encoder }).TextEncoder;
const encoder = Encoder ? new Encoder() : undefined;

// One message buffer, grown when a text needs more: no allocation per hash.
let scratch = new Uint8Array(4096);

/**
 * The padded SHA-256 message for a string (UTF-8 bytes, 0x80, zeros, 64-bit bit length), written
 * to the start of `scratch`; returns its length.
 */
function padded(text: string): number {
  // Worst case 3 bytes per UTF-16 unit, plus padding.
  const need = ((text.length * 3 + 72) >> 6) * 64 + 64;
  if (scratch.length < need) scratch = new Uint8Array(need * 2);
  const buf = scratch;
  let n = 0;
  if (encoder) n = encoder.encodeInto(text, buf).written;
  else
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
        }
      }
      // A lone surrogate becomes U+FFFD, as TextEncoder (and so Web Crypto's input) has it.
      if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
      if (c < 0x80) buf[n++] = c;
      else if (c < 0x800) {
        buf[n++] = 0xc0 | (c >> 6);
        buf[n++] = 0x80 | (c & 63);
      } else if (c < 0x10000) {
        buf[n++] = 0xe0 | (c >> 12);
        buf[n++] = 0x80 | ((c >> 6) & 63);
        buf[n++] = 0x80 | (c & 63);
      } else {
        buf[n++] = 0xf0 | (c >> 18);
        buf[n++] = 0x80 | ((c >> 12) & 63);
        buf[n++] = 0x80 | ((c >> 6) & 63);
        buf[n++] = 0x80 | (c & 63);
      }
    }
  const bitLength = n * 8;
  buf[n++] = 0x80;
  const end = ((n + 8 + 63) >> 6) << 6;
  const hi = Math.floor(bitLength / 0x100000000);
  const out = buf;
  out.fill(0, n, end - 8);
  out[end - 8] = (hi >>> 24) & 255;
  out[end - 7] = (hi >>> 16) & 255;
  out[end - 6] = (hi >>> 8) & 255;
  out[end - 5] = hi & 255;
  out[end - 4] = (bitLength >>> 24) & 255;
  out[end - 3] = (bitLength >>> 16) & 255;
  out[end - 2] = (bitLength >>> 8) & 255;
  out[end - 1] = bitLength & 255;
  return end;
}

const W = new Int32Array(64);

/** SHA-256 of a string's UTF-8 bytes, as lowercase hex, computed synchronously. */
export function sha256HexSync(text: string): string {
  const length = padded(text);
  const bytes = scratch;
  // Int32 arithmetic throughout: values stay small integers for the JIT (no boxed doubles).
  let h0 = 0x6a09e667 | 0;
  let h1 = 0xbb67ae85 | 0;
  let h2 = 0x3c6ef372 | 0;
  let h3 = 0xa54ff53a | 0;
  let h4 = 0x510e527f | 0;
  let h5 = 0x9b05688c | 0;
  let h6 = 0x1f83d9ab | 0;
  let h7 = 0x5be0cd19 | 0;
  const w = W;
  for (let off = 0; off < length; off += 64) {
    for (let i = 0; i < 16; i++) {
      const j = off + i * 4;
      w[i] = (bytes[j]! << 24) | (bytes[j + 1]! << 16) | (bytes[j + 2]! << 8) | bytes[j + 3]!;
    }
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15]!;
      const y = w[i - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    let f = h5;
    let g = h6;
    let k = h7;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (k + S1 + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      k = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + k) | 0;
  }
  return hex8(h0) + hex8(h1) + hex8(h2) + hex8(h3) + hex8(h4) + hex8(h5) + hex8(h6) + hex8(h7);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

function hex8(v: number): string {
  return HEX[(v >>> 24) & 255]! + HEX[(v >>> 16) & 255]! + HEX[(v >>> 8) & 255]! + HEX[v & 255]!;
}

// Node's native SHA-256, reached without a static `node:` import so the engine still bundles for
// browsers: `process.getBuiltinModule` (Node 20.16+, 22.3+) is synchronous and absent elsewhere.
type NativeHash = { update(text: string, encoding: "utf8"): NativeHash; digest(encoding: "hex"): string };
type NodeCrypto = {
  createHash(algorithm: "sha256"): NativeHash;
  /** One-shot digest (Node 20.12+, 21.7+): no Hash object per call; takes text or bytes. */
  hash?: (algorithm: "sha256", data: string | Uint8Array, encoding: "hex") => string;
};
const nodeCrypto = (() => {
  const p = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  try {
    const m = p?.getBuiltinModule?.("node:crypto") as NodeCrypto | undefined;
    return typeof m?.createHash === "function" ? m : undefined;
  } catch {
    return undefined;
  }
})();

/**
 * SHA-256 hex of a string, synchronously, by the fastest means at hand: Node's native hash where
 * the engine runs in Node (several times faster than JavaScript for an audit event), else
 * {@link sha256HexSync}. Same bytes in (UTF-8, a lone surrogate as U+FFFD), same hex out.
 */
export const sha256HexBest: (text: string) => string = (() => {
  if (!nodeCrypto) return sha256HexSync;
  const oneShot = nodeCrypto.hash;
  if (typeof oneShot === "function") return (text: string) => oneShot("sha256", text, "hex");
  return (text: string) => nodeCrypto.createHash("sha256").update(text, "utf8").digest("hex");
})();

/**
 * SHA-256 hex of bytes through Node's one-shot native hash, where there is one (else `undefined`).
 * The audit chain hands it the canonical JSON's UTF-8 bytes (see canonicalBytes.ts); elsewhere it
 * keeps hashing text, whose JavaScript SHA-256 gains nothing from bytes written in JavaScript.
 */
export const sha256HexOfBytes: ((data: Uint8Array) => string) | undefined = (() => {
  const oneShot = nodeCrypto?.hash;
  return typeof oneShot === "function" ? (data: Uint8Array) => oneShot("sha256", data, "hex") : undefined;
})();

/** {@link sha256HexBest} behind the engine's async hash signature; pass it as `createEngine({ hash })`. */
export const sha256HexFast = async (text: string): Promise<string> => sha256HexBest(text);
