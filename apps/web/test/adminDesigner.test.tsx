import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { freshOptions, openServices, people, renderAppAt } from "./adminHarness.tsx";

// jsdom has no layout: the designers' canvas measures with ResizeObserver (inert here).
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (!("ResizeObserver" in globalThis)) Object.assign(globalThis, { ResizeObserver: ResizeObserverStub });

describe("admin: designer", () => {
  it("publishes what the form designer hands over as a new version, after the app's own checks and a confirmation", async () => {
    const options = freshOptions();
    const user = userEvent.setup();
    await renderAppAt("#/admin/designer", people.admin, options);
    fireEvent.change(await screen.findByLabelText("要编辑的流程或表单"), {
      target: { value: "form:vt-registration" },
    });
    // The form designer offers publishing under its "publish checks" panel, once they pass.
    await user.click(await screen.findByText(/^发布检查/, { selector: "button" }, { timeout: 15000 }));
    await user.click(await screen.findByText("发布新版本", { selector: "button" }));
    const dialog = await screen.findByRole("alertdialog", { name: "发布 vt-registration@2?" });
    await user.click(within(dialog).getByRole("button", { name: "发布" }));
    expect(await screen.findByText("已发布 vt-registration@2。")).toBeTruthy();

    const services = await openServices(options);
    expect(await services.store.loadForm("vt-registration", 2)).toMatchObject({
      id: "vt-registration",
      version: 2,
    });
    expect(await services.store.loadForm("vt-registration", 1)).toMatchObject({ version: 1 });
    services.store.close();
  }, 30000);

  it("designs a form from a blank document (“+ 表单”) and publishes it under its new id", async () => {
    const options = freshOptions();
    const user = userEvent.setup();
    await renderAppAt("#/admin/designer", people.admin, options);
    fireEvent.change(await screen.findByLabelText("要编辑的流程或表单"), { target: { value: "form:" } });
    const commit = (label: string, value: string) => {
      const input = screen.getByLabelText(label);
      fireEvent.change(input, { target: { value } });
      fireEvent.blur(input);
    };
    await screen.findByLabelText("表单标识", undefined, { timeout: 15000 });
    commit("表单标识", "fs-blank");
    commit("中文名称", "空白表");
    commit("英文名称", "Blank form");
    const palette = document.querySelector(".wf-fd-palette") as HTMLElement;
    fireEvent.click(within(palette).getByText("单行文本", { selector: "button, button *" }));
    commit("标识", "note");
    commit("英文名称", "Note");
    await user.click(await screen.findByText("发布检查 (0)", { selector: "button" }));
    await user.click(await screen.findByText("发布新版本", { selector: "button" }));
    const dialog = await screen.findByRole("alertdialog", { name: "发布 fs-blank@2?" });
    await user.click(within(dialog).getByRole("button", { name: "发布" }));
    expect(await screen.findByText("已发布 fs-blank@2。")).toBeTruthy();

    const services = await openServices(options);
    expect(await services.store.loadForm("fs-blank", 2)).toMatchObject({
      id: "fs-blank",
      title: { zh: "空白表", en: "Blank form" },
      fields: [{ key: "note", type: "text" }],
    });
    services.store.close();
  }, 30000);
});
