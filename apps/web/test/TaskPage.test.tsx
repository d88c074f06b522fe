import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import happyPath from "../../../workflows/scenarios/fs-happy-path.json" with { type: "json" };
import type { AppServices } from "../src/engine/appServices.ts";
import { freshDbName, openServices, renderApp } from "./appHarness.tsx";

const cadre = { id: "cadre-ideal", unit: "qx-u-agriculture", roles: ["cadre"] };
const applicationForm = (happyPath.actions[1] as { form: Record<string, unknown> }).form;

let services: AppServices | undefined;
afterEach(() => {
  services?.store.close();
  services = undefined;
});

/** Starts a selection case as 杨海燕 and submits her application; returns the recommend task id. */
async function applied(dbName: string): Promise<string> {
  services = await openServices(dbName);
  const started = await services.engine.start({
    definitionId: "first-secretary-selection",
    actor: cadre,
    data: {},
    actionId: "start-1",
  });
  const apply = started.tasks[0];
  if (!apply) throw new Error("no application task");
  const after = await services.engine.act({
    taskId: apply.id,
    actor: cadre,
    outcome: "submit",
    formData: applicationForm,
    actionId: "apply-1",
    expectedVersion: started.version,
  });
  const recommend = after.tasks.find((t) => t.step === "recommend");
  if (!recommend) throw new Error("no recommend task");
  return recommend.id;
}

describe("task page", () => {
  it("tells a person of another unit why they cannot act", async () => {
    const db = freshDbName();
    const taskId = await applied(db);
    renderApp(db, `#/task/${taskId}`, { personId: "qx-orgdept-clerk1", unit: "qx-orgdept" });
    expect(
      await screen.findByText(
        /此事项由 清溪市农业农村局 的“派出单位组织人事部门”办理;您当前的单位是 中共清溪市委组织部/,
      ),
    ).toBeTruthy();
    expect(screen.queryByRole("button", { name: "推荐" })).toBeNull();
  });

  it("asks for the opinion an outcome requires, then confirms an irreversible decision before sending it", async () => {
    const db = freshDbName();
    const taskId = await applied(db);
    const user = userEvent.setup();
    renderApp(db, `#/task/${taskId}`, { personId: "qx-u-agriculture-hr1", unit: "qx-u-agriculture" });

    const decline = await screen.findByRole("button", { name: "不予推荐" });
    fireEvent.change(screen.getByLabelText(/单位党委\(党组\)研究日期/), { target: { value: "2026-03-02" } });
    await user.type(screen.getByRole("textbox", { name: /推荐意见/ }), "单位党委研究后认为暂不具备条件。");
    await user.click(decline);
    const opinion = await screen.findByRole("textbox", { name: "办理意见(“不予推荐”必填)" });
    await waitFor(() => expect(document.activeElement).toBe(opinion));
    expect(screen.queryByRole("alertdialog")).toBeNull();

    await user.type(opinion, "经研究,暂不推荐。");
    await user.click(decline);
    await user.click(
      within(await screen.findByRole("alertdialog", { name: "确认“不予推荐”?" })).getByRole("button", {
        name: "取消",
      }),
    );
    expect(screen.queryByRole("alertdialog")).toBeNull();
    const instanceId = taskId.slice(0, taskId.lastIndexOf(".t"));
    expect((await services?.engine.get(instanceId))?.steps).toEqual(["recommend"]);

    await user.click(decline);
    const dialog = await screen.findByRole("alertdialog", { name: "确认“不予推荐”?" });
    await user.click(within(dialog).getByRole("button", { name: "不予推荐" }));
    expect(await screen.findByText("已办理:不予推荐。")).toBeTruthy();
    const events = (await services?.engine.history(instanceId)) ?? [];
    expect(events.at(-1)).toMatchObject({
      step: "recommend",
      outcome: "decline",
      opinion: "经研究,暂不推荐。",
    });
  }, 30_000);

  it("autosaves form and opinion as a draft and restores them when the task is opened again", async () => {
    const db = freshDbName();
    const taskId = await applied(db);
    const user = userEvent.setup();
    const hr = { personId: "qx-u-agriculture-hr1", unit: "qx-u-agriculture" };
    const first = renderApp(db, `#/task/${taskId}`, hr);
    await user.type(await screen.findByRole("textbox", { name: /推荐意见/ }), "同意推荐该同志");
    await user.type(screen.getByRole("textbox", { name: "办理意见" }), "请审查");
    expect(await screen.findByText(/草稿已自动保存/, undefined, { timeout: 3000 })).toBeTruthy();
    await waitFor(async () =>
      expect((await services?.store.loadDraft(taskId, hr.personId))?.values).toMatchObject({
        form: { opinion: "同意推荐该同志" },
        opinion: "请审查",
      }),
    );
    first.unmount();

    renderApp(db, `#/task/${taskId}`, hr);
    expect(await screen.findByDisplayValue("同意推荐该同志")).toBeTruthy();
    expect(screen.getByDisplayValue("请审查")).toBeTruthy();
  }, 30_000);

  it("claims a role task and still decides it; a colleague then finds it closed", async () => {
    const db = freshDbName();
    const recommendId = await applied(db);
    const hr = { id: "qx-u-agriculture-hr1", unit: "qx-u-agriculture", roles: ["unit-hr"] };
    const instanceId = recommendId.slice(0, recommendId.lastIndexOf(".t"));
    const before = await services?.engine.get(instanceId);
    const after = await services?.engine.act({
      taskId: recommendId,
      actor: hr,
      outcome: "recommend",
      formData: { decisionDate: "2026-03-02", opinion: "该同志政治素质好,工作能力强,同意推荐。" },
      actionId: "recommend-1",
      expectedVersion: before?.version ?? 0,
    });
    const reviewId = after?.tasks.find((t) => t.step === "review")?.id ?? "";
    const user = userEvent.setup();
    const view = renderApp(db, `#/task/${reviewId}`, { personId: "qx-orgdept-clerk1", unit: "qx-orgdept" });

    // Claiming moves the case version on; deciding right after must not be refused as stale.
    await user.click(await screen.findByRole("button", { name: "认领" }));
    expect(await screen.findByText("已由我认领")).toBeTruthy();
    await user.click(screen.getByRole("checkbox", { name: "报名材料齐全" }));
    await user.click(screen.getByRole("button", { name: "审查通过" }));
    expect(await screen.findByText("已办理:审查通过。")).toBeTruthy();
    view.unmount();

    renderApp(db, `#/task/${reviewId}`, { personId: "qx-orgdept-clerk2", unit: "qx-orgdept" });
    expect(await screen.findByText("此事项已办结,不能再办理。")).toBeTruthy();
  }, 30_000);
});
