import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { sealEventSync, type UnsealedEvent, verifyChain } from "../src/audit/auditChain";
import { canonicalBytes } from "../src/audit/canonicalBytes";
import { sha256HexOfBytes } from "../src/audit/sha256Sync";
import { type AuditEvent, canonicalJson, sha256HexBest, sha256HexFast } from "../src/index";

// The audit chain hashes the canonical JSON's UTF-8 bytes written directly (canonicalBytes) where
// the engine's own SHA-256 is used. Every byte must be the one the text path gives, or a chain
// written before would no longer verify: these compare the two on arbitrary values.

// The canonical text is well-formed (JSON.stringify escapes lone surrogates), so decoding the bytes
// strictly gives it back exactly when they are its UTF-8 bytes.
const decoder = new TextDecoder("utf-8", { fatal: true });
const asText = (bytes: Uint8Array | undefined) => (bytes ? decoder.decode(bytes) : bytes);
/** The same hash function as `sha256HexBest`, by another identity: the audit chain's text path. */
const textPath = (text: string) => sha256HexBest(text);

const key = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.constantFrom(
    "0",
    "1",
    "2",
    "10",
    "01",
    "-1",
    "4294967294",
    "4294967295",
    "1e3",
    "__proto__",
    "toString",
  ),
);
const leaf = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc.constantFrom(
    '\u0000\b\t\n\f\r\u001f\u007f"\\/',
    "\u2028\u2029",
    "\ud800",
    "a\udc00b",
    "😀\ud83d",
    "选派第一书记",
  ),
  fc.double(),
  fc.integer(),
  fc.constantFrom(-0, 1e21, 1e-7, 5e-324, Number.MAX_SAFE_INTEGER, 999999999, 1e9, -1),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(() => 1),
  fc.constant(Symbol("s")),
);
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: "small" }, leaf, tie("arr"), tie("obj")),
  arr: fc.array(tie("tree"), { maxLength: 5 }),
  obj: fc.dictionary(key, tie("tree"), { maxKeys: 8 }),
}));
const object = fc.dictionary(key, tree, { maxKeys: 8 });
/** One object reached by several paths, inside objects whose keys are in order and out of it. */
const shared = fc.tuple(object, object).map(([a, b]) => ({
  z: { b: a, a },
  m: [a, b, a],
  a: { x: a, y: 1, c: a, d: b },
  b: { a: b, b: { n: a }, c: b },
}));

describe("canonicalBytes", { timeout: 60_000 }, () => {
  it("writes the UTF-8 bytes of canonicalJson's text, for any JSON-like object", () => {
    fc.assert(
      fc.property(fc.oneof(object, fc.array(tree, { maxLength: 6 }), shared), (v) => {
        expect(asText(canonicalBytes(v))).toBe(canonicalJson(v));
      }),
      { numRuns: 1000 },
    );
  });

  it("hashes to the text path's SHA-256 (the hex of every audit event)", () => {
    fc.assert(
      fc.property(fc.oneof(object, shared), (v) => {
        expect(sha256HexOfBytes?.(canonicalBytes(v)!)).toBe(sha256HexBest(canonicalJson(v)));
      }),
      { numRuns: 500 },
    );
  });

  it("matches on long strings, long out-of-order objects and keys that sort oddly", () => {
    const long: Record<string, unknown> = {};
    for (let i = 300; i > 0; i--) long[`f${i}`] = i % 3 ? `值${i}` : { z: i, a: [i] };
    const values: object[] = [
      { s: "选".repeat(100_000), e: "😀".repeat(5_000), c: "\u0001".repeat(3_000) },
      long,
      { b: long, a: long },
      JSON.parse('{"__proto__":{"b":1,"a":2},"2":0,"10":1,"x":[1,{"9":1,"10":2,"a":3}]}'),
      Object.assign(Object.create(null), { b: 1, a: "\u2028\ud800", 7: 7 }),
      { "\ud800": 1, "\udc00": 2, "😀": 3, "\uffff": 4, "": 5, Z: 6, a: 7 },
      // biome-ignore lint/suspicious/noSparseArray: a hole is written as null
      [, undefined, () => 1, Symbol("y"), -0, Number.NaN, Number.NEGATIVE_INFINITY],
    ];
    for (const v of values) expect(asText(canonicalBytes(v))).toBe(canonicalJson(v));
  });

  it("leaves unusual values to the text path", () => {
    class Point {
      x = 1;
    }
    let deep: object = { leaf: 1 };
    for (let i = 0; i < 70; i++) deep = { d: deep };
    const unusual: object[] = [
      { a: new Date(0) },
      { a: 1, toJSON: () => "x" },
      [1, { toJSON: () => 2 }],
      { p: new Point() },
      { s: new String("s") },
      { n: 1n },
      deep,
      Object.assign(Object.create({ inherited: 1 }), { a: 1 }),
    ];
    for (const v of unusual) {
      expect(canonicalBytes(v)).toBeUndefined();
      const event = { seq: 1, prevHash: "", payload: v } as unknown as UnsealedEvent;
      if (!JSON.stringify(v, (_, x) => (typeof x === "bigint" ? 0 : x)).includes('"n"'))
        expect(sealEventSync(event, sha256HexBest).hash).toBe(sealEventSync(event, textPath).hash);
    }
    Object.defineProperty(Object.prototype, "polluted", {
      value: 1,
      enumerable: true,
      configurable: true,
      writable: true,
    });
    try {
      expect(canonicalBytes({ a: 1 })).toBeUndefined();
    } finally {
      delete (Object.prototype as { polluted?: unknown }).polluted;
    }
    expect(asText(canonicalBytes({ a: 1 }))).toBe('{"a":1}');
  });
});

describe("the audit chain on canonical bytes", { timeout: 60_000 }, () => {
  const event = fc.record({
    actionId: fc.string(),
    data: object,
    payload: shared,
    step: fc.string(),
    type: fc.string(),
  });

  it("seals every event with the hash the text path gives, and verifies chains either made", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 4 }), async (bodies) => {
        const chain: AuditEvent[] = [];
        for (const [i, body] of bodies.entries()) {
          const unsealed = {
            ...body,
            prevHash: chain[i - 1]?.hash ?? "",
            seq: i + 1,
          } as unknown as UnsealedEvent;
          const sealed = sealEventSync(unsealed, sha256HexBest);
          expect(sealed.hash).toBe(sealEventSync(unsealed, textPath).hash);
          chain.push(sealed);
        }
        expect(await verifyChain(chain, sha256HexFast)).toEqual({ ok: true });
        const changed = chain.map((e, i) => (i === chain.length - 1 ? { ...e, step: `${e.step}!` } : e));
        expect(await verifyChain(changed, sha256HexFast)).toMatchObject({
          ok: false,
          brokenAt: chain.length,
        });
      }),
      { numRuns: 200 },
    );
  });

  it("without Node's native hash (a browser) seals and verifies through the text path, to the same hex", async () => {
    const unsealed = {
      actionId: "a1",
      payload: { form: { b: "选派", a: [1, "\ud800"] } },
      prevHash: "",
      seq: 1,
    } as unknown as UnsealedEvent;
    const expected = sealEventSync(unsealed, sha256HexBest).hash;
    vi.stubGlobal("process", { ...process, getBuiltinModule: undefined });
    vi.resetModules();
    try {
      const sync = await import("../src/audit/sha256Sync");
      const chain = await import("../src/audit/auditChain");
      expect(sync.sha256HexOfBytes).toBeUndefined();
      const sealed = chain.sealEventSync(unsealed, sync.sha256HexBest);
      expect(sealed.hash).toBe(expected);
      expect(await chain.verifyChain([sealed], sync.sha256HexFast)).toEqual({ ok: true });
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
  });
});
