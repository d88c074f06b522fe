import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { currentSchemaVersion } from "@wf/storage-dexie";
import { describe, expect, it } from "vitest";
import { readMirror } from "../src/drafts/draftMirror.ts";
import { freshDbName, openServices, renderApp } from "./appHarness.tsx";

/** Opens the database the way a newer app version in another tab would: one schema version up. */
function openNewerVersion(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, (currentSchemaVersion + 1) * 10);
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

describe("a newer app version in another tab", () => {
  it("keeps the page and what was typed, and asks to reload", async () => {
    const db = freshDbName();
    const services = await openServices(db);
    const cadre = { id: "cadre-ideal", unit: "qx-u-agriculture", roles: ["cadre"] };
    const started = await services.engine.start({
      definitionId: "first-secretary-selection",
      actor: cadre,
      data: {},
      actionId: "s1",
    });
    services.store.close();
    const taskId = started.tasks[0]?.id ?? "";
    const user = userEvent.setup();
    renderApp(db, `#/task/${taskId}`, { personId: cadre.id, unit: cadre.unit });

    await user.type(await screen.findByRole("textbox", { name: "办理意见" }), "尚未提交的意见");
    await openNewerVersion(db);

    expect(await screen.findByText(/应用已在其他标签页中更新,请刷新本页面后继续/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "刷新页面" })).toBeTruthy();
    expect(screen.getByDisplayValue("尚未提交的意见")).toBeTruthy();
    await waitFor(() => expect(readMirror(taskId, cadre.id)?.opinion).toBe("尚未提交的意见"));
  }, 30_000);
});
