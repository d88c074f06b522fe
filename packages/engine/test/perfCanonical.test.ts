import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { canonicalJson, sha256Hex, sha256HexSync } from "../src/index";

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
