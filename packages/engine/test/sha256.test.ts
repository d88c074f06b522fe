import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sha256Hex, sha256HexSync } from "../src/index";

describe("sha256HexSync", { timeout: 30_000 }, () => {
  it("matches known vectors", () => {
    expect(sha256HexSync("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256HexSync("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("agrees with Web Crypto on any text (ASCII, Chinese, emoji, block edges)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: "grapheme", maxLength: 300 }),
          fc.string({ minLength: 50, maxLength: 130 }),
        ),
        async (s) => {
          expect(sha256HexSync(s)).toBe(await sha256Hex(s));
        },
      ),
      { numRuns: 200 },
    );
    expect(sha256HexSync("选派第一书记")).toBe(await sha256Hex("选派第一书记"));
  });
});
