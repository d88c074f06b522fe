import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { freshDbName, openServices, renderApp } from "./appHarness.tsx";

describe("start and case list respect the person's roles", () => {
  it("lets a cadre start only the selection, and opens its first task", async () => {
    const db = freshDbName();
    const user = userEvent.setup();
    renderApp(db, "#/start", { personId: "cadre-ideal", unit: "qx-u-agriculture" });

    const recall = await screen.findByRole("button", { name: "发起“第一书记召回”" }, { timeout: 5000 });
    expect((recall as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getAllByText(/发起需要以下角色之一/).length).toBe(2);

    await user.click(screen.getByRole("button", { name: "发起“选派第一书记”" }));
    expect(
      await screen.findByRole("heading", { level: 1, name: "个人申请" }, { timeout: 5000 }),
    ).toBeTruthy();
    expect(window.location.hash).toMatch(/^#\/task\//);
  }, 30_000);

  it("shows a case to its starter and the organization department, not to an unrelated cadre", async () => {
    const db = freshDbName();
    const services = await openServices(db);
    await services.engine.start({
      definitionId: "first-secretary-selection",
      actor: { id: "cadre-ideal", unit: "qx-u-agriculture", roles: ["cadre"] },
      data: {},
      actionId: "s1",
    });
    services.store.close();

    const starter = renderApp(db, "#/cases", { personId: "cadre-ideal", unit: "qx-u-agriculture" });
    const list = await screen.findByText("显示您发起、参与办理或与您本人相关的案件。");
    expect(list).toBeTruthy();
    expect(await screen.findByRole("link", { name: /选派第一书记/ }, { timeout: 5000 })).toBeTruthy();
    starter.unmount();

    const clerk = renderApp(db, "#/cases", { personId: "qx-orgdept-clerk1", unit: "qx-orgdept" });
    expect(await screen.findByText("组织部门可查看本地区全部案件。")).toBeTruthy();
    expect(await screen.findByRole("link", { name: /选派第一书记/ }, { timeout: 5000 })).toBeTruthy();
    clerk.unmount();

    renderApp(db, "#/cases", { personId: "qx-u-general-office-cadre1", unit: "qx-u-general-office" });
    expect(await screen.findByText("还没有案件。", undefined, { timeout: 5000 })).toBeTruthy();
    expect(within(document.body).queryByRole("link", { name: /选派第一书记 办理中/ })).toBeNull();
  }, 30_000);
});
