import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "../src/i18n/I18nProvider.tsx";
import type { Route } from "../src/routing/useHashRoute.ts";
import { PendingScreen } from "../src/shell/PendingScreen.tsx";

const show = (route: Route, hasPerson: boolean) =>
  render(
    <I18nProvider lang="zh">
      <PendingScreen route={route} hasPerson={hasPerson} />
    </I18nProvider>,
  );

describe("the screen before the engine is open", () => {
  it("asks a first visitor to choose a person at once on the inbox and the other bundled screens", () => {
    for (const route of [
      { name: "inbox" },
      { name: "start" },
      { name: "cases" },
      { name: "task", taskId: "t-1" },
      { name: "case", caseId: "c-1", print: false },
    ] satisfies Route[]) {
      const { unmount } = show(route, false);
      expect(screen.getByText("请先在“我是谁”中选择一个演示身份。")).toBeTruthy();
      expect(screen.getByRole("link", { name: "选择身份" }).getAttribute("href")).toBe("#/profile");
      unmount();
    }
  });

  it("says it is loading when a person was chosen, and on screens that do not need one", () => {
    show({ name: "inbox" }, true);
    expect(screen.getByText("加载中…")).toBeTruthy();
    expect(screen.queryByRole("link", { name: "选择身份" })).toBeNull();
  });

  it("leaves the lazily loaded tools to their own chunk rather than flicker between two texts", () => {
    for (const route of [{ name: "dashboard" }, { name: "profile" }] satisfies Route[]) {
      const { unmount } = show(route, false);
      expect(screen.getByText("加载中…")).toBeTruthy();
      unmount();
    }
  });
});
