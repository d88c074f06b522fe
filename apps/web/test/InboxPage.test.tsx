import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import happyPath from "../../../workflows/scenarios/fs-happy-path.json" with { type: "json" };
import type { AppServices } from "../src/engine/appServices.ts";
import type { Actor } from "../src/profile/profiles.ts";
import { freshDbName, openServices, renderApp } from "./appHarness.tsx";

const form = (happyPath.actions[1] as { form: Record<string, unknown> }).form;
let services: AppServices | undefined;
afterEach(() => {
  services?.store.close();
  services = undefined;
});

/** Two applications submitted, so the agriculture bureau's HR has two recommendations to make. */
async function twoApplications(db: string) {
  services = await openServices(db);
  const applicants: [number, Actor][] = [
    [1, { id: "cadre-ideal", unit: "qx-u-agriculture", roles: ["cadre"] }],
    [2, { id: "qx-u-agriculture-hr1", unit: "qx-u-agriculture", roles: ["unit-hr"] }],
  ];
  for (const [n, actor] of applicants) {
    const started = await services.engine.start({
      definitionId: "first-secretary-selection",
      actor,
      data: {},
      actionId: `start-${n}`,
    });
    await services.engine.act({
      taskId: started.tasks[0]?.id ?? "",
      actor,
      outcome: "submit",
      formData: form,
      actionId: `apply-${n}`,
      expectedVersion: started.version,
    });
  }
}

describe("inbox", () => {
  it("shows my tasks and my role's queue, and filters by search", async () => {
    const db = freshDbName();
    await twoApplications(db);
    renderApp(db, "#/inbox", { personId: "qx-u-agriculture-hr1", unit: "qx-u-agriculture" });

    // The count arrives with the tasks: two applications wait for this unit's recommendation.
    expect(await screen.findByRole("tab", { name: /我的待办\s*2/ }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByRole("tab", { name: /本单位角色\s*2/ })).toBeTruthy();
    const panel = screen.getByRole("tabpanel");
    expect(within(panel).getAllByRole("link", { name: /单位推荐/ })).toHaveLength(2);

    fireEvent.change(screen.getByRole("searchbox", { name: "搜索事项、案件或当事人" }), {
      target: { value: "不存在的人" },
    });
    expect(await screen.findByText("没有符合筛选条件的事项。")).toBeTruthy();

    await userEvent.setup().click(screen.getByRole("tab", { name: /已超期/ }));
    expect(screen.getByRole("tab", { name: /已超期/ }).getAttribute("aria-selected")).toBe("true");
  });

  it("shows nothing of another unit, and offers to start or switch person when empty", async () => {
    const db = freshDbName();
    await twoApplications(db);
    renderApp(db, "#/inbox", { personId: "qx-orgdept-clerk1", unit: "qx-orgdept" });
    expect(await screen.findByText("这里没有待办事项。", undefined, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByRole("link", { name: "发起业务" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "切换身份" })).toBeTruthy();

    // Tabs follow the ARIA pattern: arrow keys move the selection and the focus.
    const user = userEvent.setup();
    screen.getByRole("tab", { name: /我的待办/ }).focus();
    await user.keyboard("{ArrowRight}");
    const unitTab = screen.getByRole("tab", { name: /本单位角色/ });
    expect(unitTab.getAttribute("aria-selected")).toBe("true");
    expect(document.activeElement).toBe(unitTab);
    await user.keyboard("{ArrowLeft}{ArrowLeft}");
    expect(screen.getByRole("tab", { name: /已超期/ }).getAttribute("aria-selected")).toBe("true");
  });
});
