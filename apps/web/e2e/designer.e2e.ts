import { mkdir } from "node:fs/promises";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { actAs, launch, openPage } from "./browser.ts";
import { openFromInbox } from "./selectionSteps.ts";

const skip = inject("e2eSkip");
const baseURL = inject("baseURL");
const shots = "/tmp/e2e-shots";

/** A full-page screenshot for a person to look at what the test drove. */
async function shot(page: Page, name: string): Promise<void> {
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

/** Types into a designer text property and commits it with Enter, as an author would. */
async function commit(scope: Page | Locator, label: string, value: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.fill(value);
  await input.press("Enter");
  await expect.poll(() => input.inputValue()).toBe(value);
}

/** Opens the admin designer tab and picks a document (or "form:" / "definition:" for a blank one). */
async function openDesigner(page: Page, choice: string): Promise<void> {
  await page.getByRole("link", { name: "管理" }).click();
  await page.getByRole("link", { name: "设计器" }).click();
  await page.getByLabel("要编辑的流程或表单").selectOption(choice);
}

/** Confirms the app's publish dialog for `ref` and waits for the confirmation. */
async function confirmPublish(page: Page, ref: string): Promise<void> {
  const dialog = page.getByRole("alertdialog", { name: `发布 ${ref}?` });
  await dialog.waitFor({ timeout: 30_000 });
  await dialog.getByRole("button", { name: "发布", exact: true }).click();
  await page.getByText(`已发布 ${ref}。`).waitFor({ timeout: 30_000 });
}

describe.skipIf(skip !== "")("designing a procedure from nothing in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("builds and publishes a form and a two-step procedure with the designers, then runs it to its end", async ({
    onTestFailed,
  }) => {
    const problems: string[] = [];
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: "zh-CN" });
    const page = await openPage(context, problems);
    onTestFailed(async () => {
      await shot(page, "designer-failure");
      process.stdout.write(`page problems: ${problems.join("\n")}\n`);
    });
    // Every CSP violation the pages meet, across reloads, with what it blocked (see the end).
    const violations: string[] = [];
    await page.exposeFunction("wfCspViolation", (v: string) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        const target = e.target instanceof Element ? e.target : undefined;
        const said = `${e.violatedDirective} ${e.blockedURI} ${target?.tagName ?? ""} ${target?.textContent?.slice(0, 40) ?? ""}`;
        (window as unknown as { wfCspViolation: (v: string) => void }).wfCspViolation(said);
      });
    });
    await page.goto(baseURL);
    await actAs(page, "田宇航", "中共清溪市委组织部");

    // The form, from a blank document: its id and titles, then two fields from the palette.
    await openDesigner(page, "form:");
    const formDesigner = page.locator(".wf-form-designer");
    await formDesigner.waitFor({ timeout: 60_000 });
    const settings = formDesigner.getByRole("region", { name: "表单设置" });
    await commit(settings, "表单标识", "fs-e2e-leave");
    await commit(settings, "中文名称", "请假单");
    await commit(settings, "英文名称", "Leave form");
    await formDesigner.getByRole("heading", { name: "请假单" }).waitFor();
    const palette = formDesigner.getByRole("navigation", { name: "字段库" });
    await palette.getByRole("button", { name: /^⠿?\s*数字/ }).click();
    await commit(formDesigner, "标识", "days");
    await commit(formDesigner, "中文名称", "请假天数");
    await commit(formDesigner, "英文名称", "Days");
    await formDesigner.getByLabel("必填", { exact: true }).check();
    await palette.getByRole("button", { name: /多行文本/ }).click();
    await commit(formDesigner, "标识", "reason");
    await commit(formDesigner, "中文名称", "请假事由");
    await commit(formDesigner, "英文名称", "Reason");
    const canvas = formDesigner.getByRole("region", { name: "画布" });
    await expect.poll(() => canvas.locator(".wf-fd-key").allTextContents()).toEqual(["days", "reason"]);
    await formDesigner.getByRole("tab", { name: /^发布检查/ }).click();
    await formDesigner.getByRole("tab", { name: "发布检查 (0)" }).waitFor();
    await shot(page, "designer-form-built");
    await formDesigner.getByRole("button", { name: "发布新版本" }).click();
    await confirmPublish(page, "fs-e2e-leave@2");

    // The procedure, from a blank document: settings, two tasks and an end, connected in order.
    await page.reload();
    await openDesigner(page, "definition:");
    const wf = page.locator(".wf-workflow-designer");
    await wf.waitFor({ timeout: 60_000 });
    await wf.getByRole("tab", { name: "流程设置" }).click();
    await commit(wf, "流程标识", "e2e-leave");
    await commit(wf, "标题 (zh)", "请假审批");
    await commit(wf, "标题 (en)", "Leave approval");
    await commit(wf, "角色（逗号分隔）", "cadre, org-dept");
    await commit(wf, "可发起角色（逗号分隔）", "cadre");
    const toolbar = wf.getByRole("toolbar", { name: "流程图" });
    for (const kind of ["userTask", "userTask", "end"]) {
      await toolbar.getByLabel("类型").selectOption(kind);
      await toolbar.getByRole("button", { name: "添加步骤" }).click();
    }
    const node = (step: string) => wf.locator(`.wf-wd-node[data-step="${step}"]`);
    await node("end").waitFor();
    await wf.getByRole("tab", { name: "属性" }).click();

    await node("task").click();
    await commit(wf, "标题 (zh)", "提交申请");
    await commit(wf, "标题 (en)", "Apply");
    await wf.getByLabel("表单", { exact: true }).selectOption("fs-e2e-leave");
    await node("task-2").click();
    await commit(wf, "标题 (zh)", "部门审批");
    await commit(wf, "标题 (en)", "Approve");
    await wf.getByLabel("办理角色", { exact: true }).selectOption("org-dept");
    await wf.getByLabel("上溯到层级", { exact: true }).selectOption("county");
    await commit(wf, "再取下属单位类型", "org-dept");
    await node("end").click();
    await commit(wf, "标题 (zh)", "已批准");
    await commit(wf, "结束结果", "approved");

    const connect = async (from: string, to: string) => {
      await node(from).click();
      await toolbar.getByLabel("连到").selectOption(to);
      await toolbar.getByRole("button", { name: "连到" }).click();
    };
    await connect("task", "task-2");
    await connect("task-2", "end");
    // Connecting added an outcome "提交至已批准" to the selected step; the author renames it.
    await commit(wf, "中文名称 (submit)", "同意");
    await wf.locator(".react-flow__edge").getByText("同意").waitFor();
    await wf.getByRole("tab", { name: "问题 (0)" }).waitFor();
    await shot(page, "designer-procedure-built");
    await wf.getByRole("button", { name: "发布新版本" }).click();
    await confirmPublish(page, "e2e-leave@2");

    // Both new documents are listed with their versions in the admin catalog.
    await page.reload();
    await page.getByRole("link", { name: "管理" }).click();
    await page.getByRole("link", { name: "流程与表单" }).click();
    const versions = async (id: string) => {
      const table = page.getByRole("table", { name: `${id} 的各个版本`, exact: true });
      await table.waitFor();
      return table.locator("tbody tr td:first-child").allTextContents();
    };
    expect(await versions("e2e-leave")).toEqual([expect.stringMatching(/^v2/)]);
    expect(await versions("fs-e2e-leave")).toEqual([expect.stringMatching(/^v2/)]);
    await shot(page, "designer-catalog");

    // A cadre starts the new procedure through its own form.
    await actAs(page, "杨海燕", "清溪市农业农村局");
    await page.getByRole("link", { name: "发起" }).click();
    await page.getByRole("button", { name: "发起“请假审批”" }).click();
    // The first task is offered to the cadres of the starter's unit: it waits in her inbox.
    await page.getByText(/审计链校验通过/).waitFor();
    await openFromInbox(page, "提交申请");
    await page.getByLabel(/请假天数/).fill("3");
    await page.getByRole("textbox", { name: /请假事由/ }).fill("回乡照顾生病的父亲。");
    await shot(page, "designer-task-apply");
    await page.getByRole("button", { name: "提交至部门审批" }).click();
    await page.getByText("已办理:提交至部门审批。").waitFor();

    // The county organization department's clerk finds it in the inbox and completes it.
    await actAs(page, "王文杰", "中共清溪市委组织部");
    await page.getByRole("link", { name: "待办" }).click();
    await page.getByRole("link", { name: /部门审批/ }).waitFor();
    await shot(page, "designer-inbox");
    await openFromInbox(page, "部门审批");
    await page.getByRole("button", { name: "同意", exact: true }).click();
    await page.getByText("已办理:同意。").waitFor();
    await page.getByRole("link", { name: "查看案件" }).click();
    await page.getByText(/审计链校验通过/).waitFor();
    const facts = page.locator("dl").first();
    expect((await facts.textContent()) ?? "").toMatch(/状态\s*已办结/);
    expect((await facts.textContent()) ?? "").toMatch(/结果\s*approved/);
    const timeline = (await page.locator(".timeline").textContent()) ?? "";
    expect(timeline).toContain("提交申请");
    expect(timeline).toContain("部门审批");
    expect(timeline).toContain("同意");
    await shot(page, "designer-case-done");

    // No style-src violation: CodeMirror's styles go into a constructed stylesheet, not a <style>.
    // zod's one-time probe for `new Function` (caught, but reported) is the one tolerated exception.
    const known = /^script-src eval/;
    expect(violations.filter((v) => !known.test(v))).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
