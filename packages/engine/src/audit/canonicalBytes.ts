// The UTF-8 bytes of `canonicalJson(value)`, written straight into one reused buffer. Sealing an
// audit event this way skips what the text path pays for: sorted copies of the objects whose keys
// are out of order, a two-byte string of the whole event (its text is mostly Chinese), and the
// hash's own UTF-8 conversion of that string. A submitted form that is both the event's `payload.form`
// and its data change (one object, by the engine's construction) is written once and its bytes
// copied. Anything this writer does not handle exactly like JSON.stringify (a Date or other
// `toJSON`, a class instance, a boxed primitive, a bigint, a very deep or cyclic value) makes it
// give up, and the caller takes the text path: the two never disagree on a byte (a property test
// holds them equal on arbitrary JSON-like values).

const HEX = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102];
/** `JSON.stringify` gives up on a deeper value in the text path too (see `ordered` in sha256.ts). */
const MAX_DEPTH = 64;
/** Objects remembered per value for reuse; a linear scan, so few. */
const MEMO = 16;

const EMPTY = {};
let buf = new Uint8Array(8192);
let pos = 0;
let failed = false;
// Objects already written during this call, with where their bytes are.
const memoObj: (object | undefined)[] = new Array(MEMO).fill(undefined);
const memoStart = new Int32Array(MEMO);
const memoEnd = new Int32Array(MEMO);
let memoN = 0;

/**
 * The UTF-8 bytes of {@link canonicalJson}'s text for `value`, or `undefined` where the value holds
 * something this writer leaves to the text path. The bytes are a view of a buffer the next call
 * overwrites: hash them at once.
 */
export function canonicalBytes(value: unknown): Uint8Array | undefined {
  // An enumerable key on Object.prototype would show in for-in (not in JSON.stringify): leave
  // such a polluted runtime to the text path rather than test every key with hasOwn.
  for (const _ in EMPTY) return undefined;
  if ((Object.prototype as { toJSON?: unknown }).toJSON !== undefined) return undefined;
  if ((Array.prototype as { toJSON?: unknown }).toJSON !== undefined) return undefined;
  if (value === null || typeof value !== "object") return undefined;
  pos = 0;
  failed = false;
  memoN = 0;
  sortTop = 0;
  writeValue(value, 0);
  // Let go of the event's objects.
  for (let m = 0; m < memoN; m++) memoObj[m] = undefined;
  return failed ? undefined : buf.subarray(0, pos);
}

function reserve(n: number): void {
  if (pos + n <= buf.length) return;
  const next = new Uint8Array(Math.max(buf.length * 2, pos + n));
  next.set(buf.subarray(0, pos));
  buf = next;
}

function byte(b: number): void {
  if (pos === buf.length) reserve(1);
  buf[pos++] = b;
}

function ascii(s: string): void {
  reserve(s.length);
  const b = buf;
  let p = pos;
  for (let i = 0; i < s.length; i++) b[p++] = s.charCodeAt(i);
  pos = p;
}

/** A JSON string as JSON.stringify escapes it (lone surrogates as `\udxxx`), in UTF-8. */
function writeString(text: string): void {
  // `+ ""` (the same string) tells the optimiser it holds a string: the events' strings come in
  // many representations (flat, internalized, thin, one- or two-byte), and feedback from more
  // than four of them turned `charCodeAt` into a generic call per character, 3x slower, in about
  // half the runs measured.
  const s = text + "";
  const len = s.length;
  // At most 6 bytes per UTF-16 unit (`\u001f`), plus the quotes.
  reserve(len * 6 + 2);
  const b = buf;
  let p = pos;
  b[p++] = 34;
  let i = 0;
  // Keys and most values are printable ASCII: a tight loop until the first other unit.
  for (; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 34 || c === 92) break;
    b[p++] = c;
  }
  if (i < len) p = writeRest(s, i, b, p);
  b[p++] = 34;
  pos = p;
}

function writeRest(text: string, from: number, b: Uint8Array, at: number): number {
  const s = text + ""; // see writeString
  let p = at;
  const len = s.length;
  for (let i = from; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x20 && c !== 34 && c !== 92) b[p++] = c;
      else {
        b[p++] = 92;
        if (c === 34 || c === 92) b[p++] = c;
        else if (c === 8) b[p++] = 98;
        else if (c === 9) b[p++] = 116;
        else if (c === 10) b[p++] = 110;
        else if (c === 12) b[p++] = 102;
        else if (c === 13) b[p++] = 114;
        else {
          b[p] = 117;
          b[p + 1] = 48;
          b[p + 2] = 48;
          b[p + 3] = HEX[c >> 4]!;
          b[p + 4] = HEX[c & 15]!;
          p += 5;
        }
      }
    } else if (c < 0x800) {
      b[p] = 0xc0 | (c >> 6);
      b[p + 1] = 0x80 | (c & 63);
      p += 2;
    } else if (c < 0xd800 || c > 0xdfff) {
      b[p] = 0xe0 | (c >> 12);
      b[p + 1] = 0x80 | ((c >> 6) & 63);
      b[p + 2] = 0x80 | (c & 63);
      p += 3;
    } else {
      const d = c <= 0xdbff && i + 1 < len ? s.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        const u = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        b[p] = 0xf0 | (u >> 18);
        b[p + 1] = 0x80 | ((u >> 12) & 63);
        b[p + 2] = 0x80 | ((u >> 6) & 63);
        b[p + 3] = 0x80 | (u & 63);
        p += 4;
        i++;
      } else {
        // A lone surrogate: well-formed JSON.stringify writes it as an escape, lowercase hex.
        b[p] = 92;
        b[p + 1] = 117;
        b[p + 2] = HEX[c >> 12]!;
        b[p + 3] = HEX[(c >> 8) & 15]!;
        b[p + 4] = HEX[(c >> 4) & 15]!;
        b[p + 5] = HEX[c & 15]!;
        p += 6;
      }
    }
  }
  return p;
}

function writeNumber(n: number): void {
  // Small non-negative integers (versions, counts, -0 too, which JSON writes as 0) digit by digit,
  // without a string; everything else as JSON.stringify writes it.
  if (n >= 0 && n < 1e9 && Math.floor(n) === n) {
    let v = n | 0;
    let digits = 1;
    for (let d = 10; d <= v; d *= 10) digits++;
    reserve(digits);
    let p = pos + digits;
    pos = p;
    do {
      buf[--p] = 48 + (v % 10);
      v = (v / 10) | 0;
    } while (v > 0);
    return;
  }
  ascii(Number.isFinite(n) ? String(n) : "null");
}

function writeValue(v: unknown, depth: number): void {
  switch (typeof v) {
    case "string":
      writeString(v as string);
      return;
    case "number":
      writeNumber(v as number);
      return;
    case "boolean":
      ascii(v ? "true" : "false");
      return;
    case "object":
      break;
    default:
      // A bigint (JSON.stringify throws); undefined, functions and symbols never get here.
      failed = true;
      return;
  }
  if (v === null) {
    ascii("null");
    return;
  }
  if (depth > MAX_DEPTH || failed) {
    failed = true;
    return;
  }
  const obj = v as object;
  for (let m = 0; m < memoN; m++) {
    if (memoObj[m] === obj) {
      const from = memoStart[m]!;
      const to = memoEnd[m]!;
      reserve(to - from);
      buf.copyWithin(pos, from, to);
      pos += to - from;
      return;
    }
  }
  const start = pos;
  if (Array.isArray(obj)) writeArray(obj, depth);
  else writeObject(obj as Record<string, unknown>, depth);
  if (memoN < MEMO) {
    memoObj[memoN] = obj;
    memoStart[memoN] = start;
    memoEnd[memoN] = pos;
    memoN++;
  }
}

function writeArray(a: unknown[], depth: number): void {
  if (Object.getPrototypeOf(a) !== Array.prototype || Object.hasOwn(a, "toJSON")) {
    failed = true;
    return;
  }
  byte(91);
  for (let i = 0; i < a.length; i++) {
    if (i > 0) byte(44);
    const x = a[i];
    // JSON.stringify writes null for what it cannot write in an array.
    if (x === undefined || typeof x === "function" || typeof x === "symbol") ascii("null");
    else writeValue(x, depth + 1);
  }
  byte(93);
}

function writeObject(rec: Record<string, unknown>, depth: number): void {
  const proto = Object.getPrototypeOf(rec);
  // An own toJSON, a Date, a class instance, a boxed primitive: the text path. (An inherited
  // toJSON was ruled out for the whole call; hasOwn needs no inline cache, a `rec.toJSON` load
  // misses V8's megamorphic cache on the many event shapes.)
  if ((proto !== Object.prototype && proto !== null) || Object.hasOwn(rec, "toJSON")) {
    failed = true;
    return;
  }
  // V8 lists integer-index keys first, ascending, as the sorted copy of the text path does too;
  // the other keys must ascend in UTF-16 code units. Events are built in that order mostly: look
  // first, then write in for-in order, or sorted. (Writing at once and starting again sorted at
  // the first key out of order measured slower.)
  let prev: string | undefined;
  for (const k in rec) {
    const c = k.charCodeAt(0);
    if (c >= 48 && c <= 57 && isArrayIndex(k)) {
      if (prev !== undefined) {
        failed = true;
        return;
      }
    } else if (prev === undefined || prev < k) prev = k;
    else {
      writeSorted(rec, depth);
      return;
    }
  }
  byte(123);
  let first = true;
  for (const k in rec) {
    const x = rec[k];
    if (x === undefined || typeof x === "function" || typeof x === "symbol") continue;
    if (first) first = false;
    else byte(44);
    writeString(k);
    byte(58);
    writeValue(x, depth + 1);
  }
  byte(125);
}

// Keys and values of the objects being written sorted; nested ones stack above their parent's.
const sortKeys: string[] = [];
const sortVals: unknown[] = [];
let sortTop = 0;

function writeSorted(rec: Record<string, unknown>, depth: number): void {
  // Keys and values taken by for-in (no keyed loads), then sorted together.
  const base = sortTop;
  let end = base;
  for (const k in rec) {
    const x = rec[k];
    if (x === undefined || typeof x === "function" || typeof x === "symbol") continue;
    sortKeys[end] = k;
    sortVals[end] = x;
    end++;
  }
  sortTop = end;
  let from = base;
  while (from < end && isArrayIndex(sortKeys[from]!)) from++;
  if (end - from > 24) sortLong(from, end);
  // Insertion sort, keys and values together (`>` is the UTF-16 code unit order of `sort()`).
  else
    for (let i = from + 1; i < end; i++) {
      const k = sortKeys[i]!;
      const x = sortVals[i];
      let j = i - 1;
      while (j >= from && sortKeys[j]! > k) {
        sortKeys[j + 1] = sortKeys[j]!;
        sortVals[j + 1] = sortVals[j];
        j--;
      }
      sortKeys[j + 1] = k;
      sortVals[j + 1] = x;
    }
  byte(123);
  for (let i = base; i < end; i++) {
    if (i > base) byte(44);
    writeString(sortKeys[i]!);
    byte(58);
    writeValue(sortVals[i], depth + 1);
  }
  byte(125);
  for (let i = base; i < end; i++) sortVals[i] = undefined;
  sortTop = base;
}

/** Sorts `sortKeys[from..end)` with its values by the native sort, for lists too long to insert. */
function sortLong(from: number, end: number): void {
  const order: number[] = [];
  for (let i = from; i < end; i++) order.push(i);
  // Keys of one object are distinct, so the order is total.
  order.sort((a, b) => (sortKeys[a]! < sortKeys[b]! ? -1 : 1));
  const keys = order.map((i) => sortKeys[i]!);
  const vals = order.map((i) => sortVals[i]);
  for (let i = from; i < end; i++) {
    sortKeys[i] = keys[i - from]!;
    sortVals[i] = vals[i - from];
  }
}

function isArrayIndex(k: string): boolean {
  return /^(?:0|[1-9]\d*)$/.test(k) && Number(k) <= 4294967294;
}
