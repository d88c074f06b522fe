import { checkStoreContract } from "@wf/engine";
import { describe, expect, it } from "vitest";
import { openStore } from "./fixtures";

describe("the engine's Store contract", () => {
  it("holds for the Dexie store, native commit path included", async () => {
    expect(await checkStoreContract(() => openStore())).toEqual([]);
  });
});
