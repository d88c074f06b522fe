import { act, fireEvent, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { App } from "../src/App.tsx";
import type { AppServices } from "../src/engine/appServices.ts";
import { EngineProvider } from "../src/engine/EngineProvider.tsx";
import { clock, freshDbName } from "./appHarness.tsx";
import { renderWithProviders } from "./renderApp.tsx";

// The engine opens only when the test says so, to look at the app while it is still opening.
let release: (() => void) | undefined;
vi.mock("../src/engine/appServices.ts", async (original) => {
  const actual = await original<typeof import("../src/engine/appServices.ts")>();
  return {
    ...actual,
    createAppServices: async (options: Parameters<typeof actual.createAppServices>[0]) => {
      const services: AppServices = await actual.createAppServices(options);
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return services;
    },
  };
});

describe("the app while the engine opens", () => {
  it("lets a first visitor choose a person at once, and keeps what they typed when it is ready", async () => {
    release = undefined;
    window.location.hash = "#/profile";
    const options = { dbName: freshDbName(), clock };
    renderWithProviders(
      <EngineProvider options={options} fallback={(boot) => <App boot={boot} />}>
        <App />
      </EngineProvider>,
    );
    const search = screen.getByRole("searchbox", { name: "搜索姓名、单位或角色" });
    fireEvent.change(search, { target: { value: "周磊" } });
    expect(await screen.findAllByRole("button", { name: /以此身份办理: 周磊/ })).toHaveLength(2);

    // Opened: the same page stays, with the same text in the same box.
    await vi.waitFor(() => expect(release).toBeDefined());
    await act(async () => release?.());
    expect(screen.getByRole("searchbox", { name: "搜索姓名、单位或角色" })).toBe(search);
    expect((search as HTMLInputElement).value).toBe("周磊");
  });

  it("shows the inbox only once the engine is open", async () => {
    release = undefined;
    window.location.hash = "#/inbox";
    const options = { dbName: freshDbName(), clock };
    renderWithProviders(
      <EngineProvider options={options} fallback={(boot) => <App boot={boot} />}>
        <App />
      </EngineProvider>,
      { profile: { personId: "cadre-ideal", unit: "qx-u-agriculture" } },
    );
    expect(screen.getByText("加载中…")).toBeTruthy();
    expect(screen.queryByRole("heading", { name: "待办事项" })).toBeNull();
    await vi.waitFor(() => expect(release).toBeDefined());
    await act(async () => release?.());
    expect(await screen.findByRole("heading", { name: "待办事项" })).toBeTruthy();
  });
});
