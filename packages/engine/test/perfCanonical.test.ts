import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { canonicalJson, sha256Hex, sha256HexBest, sha256HexSync } from "../src/index";

// The text canonicalJson gave before it was written out directly: a copy with sorted keys.
function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(sortedCopy);
  const rec = value as Record<string, unknown>;
  const out: Record<string, unknown> = Object.create(null);
  for (const k of Object.keys(rec).sort()) if (rec[k] !== undefined) out[k] = sortedCopy(rec[k]);
  return out;
}
const before = (v: unknown) => JSON.stringify(sortedCopy(v)) ?? "null";

describe("canonicalJson written directly", () => {
  it("gives the same text as the sorted copy, for any JSON-like value", () => {
    const key = fc.oneof(
      fc.string(),
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
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.constant(-0),
    );
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: "small" }, leaf, tie("arr"), tie("obj")),
      arr: fc.array(tie("tree"), { maxLength: 5 }),
      obj: fc.dictionary(key, tie("tree"), { maxKeys: 6 }),
    }));
    fc.assert(
      fc.property(tree, (v) => {
        expect(canonicalJson(v)).toBe(before(v));
      }),
      { numRuns: 1000 },
    );
  });

  it("gives the same text for values whose keys are in order already (the JSON.stringify path)", () => {
    const leaf = fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const key = fc.oneof(fc.string(), fc.constantFrom("0", "7", "10", "01", "4294967295", "__proto__"));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: "small" }, leaf, tie("arr"), tie("obj")),
      arr: fc.array(tie("tree"), { maxLength: 4 }),
      // Keys added in sorted order, as the engine builds its events.
      obj: fc.dictionary(key, tie("tree"), { maxKeys: 6 }).map((d) => {
        const out: Record<string, unknown> = {};
        for (const k of Object.keys(d).sort())
          Object.defineProperty(out, k, {
            value: d[k],
            enumerable: true,
            writable: true,
            configurable: true,
          });
        return out;
      }),
    }));
    fc.assert(
      fc.property(tree, (v) => {
        expect(canonicalJson(v)).toBe(before(v));
      }),
      { numRuns: 1000 },
    );
    // Sorted keys with a Date, a toJSON member or an inherited enumerable key leave the fast path.
    expect(canonicalJson({ a: new Date(0), b: 1 })).toBe(before({ a: new Date(0), b: 1 }));
    expect(canonicalJson({ a: 1, toJSON: () => "x" })).toBe(before({ a: 1, toJSON: () => "x" }));
    const child = Object.assign(Object.create({ z: 1 }), { a: 1 });
    expect(canonicalJson({ a: child })).toBe(before({ a: child }));
  });

  it("matches on the odd values too", () => {
    const odd: unknown[] = [
      { d: new Date(0), f: () => 1, s: Symbol("x"), n: Number.NaN, i: Number.POSITIVE_INFINITY },
      [undefined, () => 1, Symbol("y"), new Date(0)],
      JSON.parse('{"__proto__":{"b":1,"a":2},"2":0,"10":1,"x":[1,{"9":1,"10":2}]}'),
      Object.assign(Object.create(null), { b: 1, a: "\u2028\ud800" }),
      { nested: { toJSON: () => "t" }, s: new String("s"), b: new Boolean(false) },
      "plain",
      42,
      undefined,
    ];
    for (const v of odd) expect(canonicalJson(v)).toBe(before(v));
  });

  it("sha256HexSync hashes the bytes Web Crypto hashes, lone surrogates included", async () => {
    for (const t of ["", "abc", "选派第一书记😀", "a\ud800b", "\udc00", "x".repeat(5000), "é".repeat(3000)])
      expect(sha256HexSync(t)).toBe(await sha256Hex(t));
  });

  it("sha256HexBest (Node's native hash here) gives Web Crypto's hex, lone surrogates included", async () => {
    for (const t of ["", "abc", "选派第一书记😀", "a\ud800b", "\udc00", "x".repeat(5000), "é".repeat(3000)])
      expect(sha256HexBest(t)).toBe(await sha256Hex(t));
  });

  it("without process.getBuiltinModule (a browser) sha256HexBest is the pure-JS hash", async () => {
    vi.stubGlobal("process", { ...process, getBuiltinModule: undefined });
    vi.resetModules();
    try {
      const m = await import("../src/audit/sha256Sync");
      expect(m.sha256HexBest).toBe(m.sha256HexSync);
      expect(m.sha256HexBest("选派")).toBe(await sha256Hex("选派"));
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
  });

  it("the encoder-less fallback gives the same hex", async () => {
    const texts = ["abc", "选派第一书记😀", "a\ud800b", "\udc00", "é".repeat(3000)];
    const expected = await Promise.all(texts.map((t) => sha256Hex(t)));
    vi.stubGlobal("TextEncoder", undefined);
    vi.resetModules();
    try {
      const { sha256HexSync: fallback } = await import("../src/audit/sha256Sync");
      expect(texts.map((t) => fallback(t))).toEqual(expected);
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
  });
});
