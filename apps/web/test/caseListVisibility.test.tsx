import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { freshDbName, openServices, renderApp } from "./appHarness.tsx";

describe("case list visibility", () => {
  it("filtered by status, still lists only the cases the person is part of", async () => {
    const db = freshDbName();
    const services = await openServices(db);
    await services.engine.start({
      definitionId: "first-secretary-selection",
      actor: { id: "cadre-ideal", unit: "qx-u-agriculture", roles: ["cadre"] },
      data: {},
      actionId: "v1",
    });
    services.store.close();
    services.files.close();

    const outsider = renderApp(db, "#/cases", {
      personId: "qx-u-general-office-cadre1",
      unit: "qx-u-general-office",
    });
    expect(await screen.findByText("还没有案件。", undefined, { timeout: 5000 })).toBeTruthy();
    fireEvent.change(screen.getByLabelText("状态"), { target: { value: "running" } });
    expect(await screen.findByText("还没有案件。", undefined, { timeout: 5000 })).toBeTruthy();
    expect(within(document.body).queryByRole("link", { name: /选派第一书记/ })).toBeNull();
    outsider.unmount();

    renderApp(db, "#/cases", { personId: "cadre-ideal", unit: "qx-u-agriculture" });
    expect(await screen.findByRole("link", { name: /选派第一书记/ }, { timeout: 5000 })).toBeTruthy();
    fireEvent.change(screen.getByLabelText("状态"), { target: { value: "running" } });
    expect(await screen.findByRole("link", { name: /选派第一书记/ }, { timeout: 5000 })).toBeTruthy();
  }, 30_000);
});
