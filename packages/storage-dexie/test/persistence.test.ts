import { describe, expect, it, vi } from "vitest";
import { openStore } from "./fixtures";

describe("storage persistence and usage", () => {
  it("asks the browser to persist once and reports the answer", async () => {
    const persist = vi.fn(async () => true);
    const store = openStore({ storage: { persist, persisted: async () => false } });
    expect(await store.requestPersistence()).toEqual({ supported: true, persisted: true });
    expect(persist).toHaveBeenCalledOnce();
  });

  it("does not ask again when storage is already persistent", async () => {
    const persist = vi.fn(async () => true);
    const store = openStore({ storage: { persist, persisted: async () => true } });
    expect(await store.requestPersistence()).toEqual({ supported: true, persisted: true });
    expect(persist).not.toHaveBeenCalled();
  });

  it("reports a refusal or a failing API without throwing", async () => {
    expect(await openStore({ storage: { persist: async () => false } }).requestPersistence()).toEqual({
      supported: true,
      persisted: false,
    });
    const failing = openStore({ storage: { persist: () => Promise.reject(new Error("denied")) } });
    expect(await failing.requestPersistence()).toEqual({ supported: true, persisted: false });
  });

  it("is a no-op where the browser has no StorageManager", async () => {
    const store = openStore({ storage: null });
    expect(await store.requestPersistence()).toEqual({ supported: false, persisted: false });
    expect(await store.estimateUsage()).toEqual({ supported: false });
  });

  it("estimates usage and quota", async () => {
    const store = openStore({ storage: { estimate: async () => ({ usage: 1024, quota: 1 << 30 }) } });
    expect(await store.estimateUsage()).toEqual({ supported: true, usage: 1024, quota: 1 << 30 });
  });
});
