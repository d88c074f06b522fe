import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { App } from "../src/App.tsx";
import { renderWithProviders } from "./renderApp.tsx";

describe("who am I", () => {
  it("says the choice is local to this browser, and remembers the chosen person and unit", async () => {
    window.location.hash = "#/profile";
    const user = userEvent.setup();
    renderWithProviders(<App />);

    expect(screen.getByText(/只保存在本浏览器中/)).toBeTruthy();
    expect(screen.getByRole("link", { name: /尚未选择身份/ })).toBeTruthy();

    // 周磊 acts at the organization department and on the standing committee: one button each.
    fireEvent.change(screen.getByRole("searchbox", { name: "搜索姓名、单位或角色" }), {
      target: { value: "周磊" },
    });
    const buttons = await screen.findAllByRole("button", { name: /以此身份办理: 周磊/ });
    expect(buttons).toHaveLength(2);
    await user.click(screen.getByRole("button", { name: "以此身份办理: 周磊, 中共清溪市委" }));

    const chip = screen.getByRole("link", { name: /当前身份/ });
    expect(within(chip).getByText("周磊")).toBeTruthy();
    expect(within(chip).getByText("中共清溪市委")).toBeTruthy();
    expect(JSON.parse(localStorage.getItem("wf.profile") ?? "null")).toEqual({
      personId: "qx-orgdept-head",
      unit: "qx-pc",
    });
  });

  it("filters by role and switches to English with the catalog's English names", async () => {
    window.location.hash = "#/profile";
    const user = userEvent.setup();
    renderWithProviders(<App />);

    await user.selectOptions(screen.getByRole("combobox", { name: "角色" }), "standing-committee");
    expect(screen.getByText("共 3 人")).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Switch to English" }));
    expect(screen.getByRole("heading", { level: 1, name: "Who am I" })).toBeTruthy();
    expect(screen.getByText("3 people")).toBeTruthy();
    expect(screen.getAllByText("Party committee standing committee").length).toBeGreaterThan(0);
    expect(document.documentElement.lang).toBe("en");
    expect(localStorage.getItem("wf.lang")).toBe("en");
  });

  it("walks a procedure through: the guide lists who acts at each step and switches to them", async () => {
    window.location.hash = "#/profile";
    const user = userEvent.setup();
    renderWithProviders(<App />);
    const summary = screen.getByText("选派第一书记:全流程通过,公示5个工作日期满派驻");
    await user.click(summary);
    const guide = summary.closest("details");
    if (!guide) throw new Error("no selection guide");
    const stop = within(guide).getByText("单位推荐").closest("li");
    if (!stop) throw new Error("no guide stop for the recommendation");
    expect(within(stop).getByText(/王磊/)).toBeTruthy();
    await user.click(within(stop).getByRole("button", { name: "以此身份办理: 王磊, 清溪市农业农村局" }));
    expect(JSON.parse(localStorage.getItem("wf.profile") ?? "null")).toEqual({
      personId: "qx-u-agriculture-hr1",
      unit: "qx-u-agriculture",
    });
  });
});
