import { ConflictError, type StoredDefinition } from "@wf/engine";
import { describe, expect, it } from "vitest";
import { openStore } from "./fixtures";

function definition(id: string, version: number, hash = `h${version}`): StoredDefinition {
  return {
    id,
    version,
    hash,
    definition: { id, version, title: { zh: `流程${id}`, en: id } },
    publishedAt: "2026-01-01T00:00:00Z",
  };
}

describe("definitions and forms", () => {
  it("keeps every version, loads the highest by default and lists summaries", async () => {
    const store = openStore();
    await store.saveDefinition(definition("recall", 2));
    await store.saveDefinition(definition("recall", 10));
    await store.saveDefinition(definition("recall", 1));
    await store.saveDefinition(definition("selection", 1));
    expect((await store.loadDefinition("recall"))?.version).toBe(10);
    expect((await store.loadDefinition("recall", 2))?.hash).toBe("h2");
    expect(await store.loadDefinition("recall", 3)).toBeUndefined();
    expect(await store.loadDefinition("missing")).toBeUndefined();
    expect(await store.listDefinitions()).toEqual([
      { id: "recall", version: 1, hash: "h1", title: { zh: "流程recall", en: "recall" } },
      { id: "recall", version: 2, hash: "h2", title: { zh: "流程recall", en: "recall" } },
      { id: "recall", version: 10, hash: "h10", title: { zh: "流程recall", en: "recall" } },
      { id: "selection", version: 1, hash: "h1", title: { zh: "流程selection", en: "selection" } },
    ]);
  });

  it("treats a published version as immutable: same hash is a no-op, another hash a ConflictError", async () => {
    const store = openStore();
    await store.saveDefinition(definition("recall", 1));
    await store.saveDefinition({ ...definition("recall", 1), publishedAt: "later" });
    expect((await store.loadDefinition("recall", 1))?.publishedAt).toBe("2026-01-01T00:00:00Z");
    const changed = store.saveDefinition(definition("recall", 1, "other"));
    await expect(changed).rejects.toBeInstanceOf(ConflictError);
    await expect(changed).rejects.toThrow(/publish it as a new version/);
    expect((await store.loadDefinition("recall", 1))?.hash).toBe("h1");
  });

  it("stores form versions by id and version", async () => {
    const store = openStore();
    await store.saveForm({ id: "fs-application", version: 1, fields: [] });
    await store.saveForm({ id: "fs-application", version: 2, fields: [{ key: "name" }] });
    expect(await store.loadForm("fs-application", 2)).toEqual({
      id: "fs-application",
      version: 2,
      fields: [{ key: "name" }],
    });
    expect((await store.listForms()).map((f) => f.version)).toEqual([1, 2]);
  });
});

describe("drafts", () => {
  it("saves, overwrites, loads and deletes one person's draft of one task", async () => {
    let now = "2026-01-05T09:00:00Z";
    const store = openStore({ clock: () => now });
    expect(await store.loadDraft("t1", "p1")).toBeUndefined();
    await store.saveDraft("t1", "p1", { name: "张" });
    now = "2026-01-05T09:00:01Z";
    await store.saveDraft("t1", "p1", { name: "张三" });
    await store.saveDraft("t1", "p2", { name: "李四" });
    expect(await store.loadDraft("t1", "p1")).toEqual({
      values: { name: "张三" },
      savedAt: "2026-01-05T09:00:01Z",
    });
    expect((await store.listDrafts("p2")).map((d) => d.values)).toEqual([{ name: "李四" }]);
    await store.deleteDraft("t1", "p1");
    expect(await store.loadDraft("t1", "p1")).toBeUndefined();
    expect(await store.loadDraft("t1", "p2")).toBeDefined();
  });

  it("is cheap enough to save on every keystroke", async () => {
    const store = openStore();
    let text = "";
    const started = performance.now();
    for (let i = 0; i < 200; i++) {
      text += "字";
      await store.saveDraft("t1", "p1", { opinion: text });
    }
    const perSave = (performance.now() - started) / 200;
    expect((await store.loadDraft("t1", "p1"))?.values).toEqual({ opinion: text });
    // Generous bound for a shared machine; one put in one small transaction is far below it.
    expect(perSave).toBeLessThan(20);
  });

  it("prunes drafts saved before a date", async () => {
    let now = "2025-06-01T00:00:00Z";
    const store = openStore({ clock: () => now });
    await store.saveDraft("old", "p1", {});
    now = "2026-01-01T00:00:00Z";
    await store.saveDraft("new", "p1", {});
    expect(await store.pruneDrafts("2025-12-01T00:00:00Z")).toBe(1);
    expect((await store.listDrafts("p1")).map((d) => d.taskId)).toEqual(["new"]);
  });

  it("keeps small settings in meta", async () => {
    const store = openStore();
    expect(await store.getMeta("profile")).toBeUndefined();
    await store.setMeta("profile", { personId: "p-1" });
    expect(await store.getMeta("profile")).toEqual({ personId: "p-1" });
  });
});
