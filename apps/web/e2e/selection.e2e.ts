import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { actAs, launch, openPage, snap, unlabelledControls } from "./browser.ts";
import { fillApplication } from "./selectionSteps.ts";

const skip = inject("e2eSkip");
const baseURL = inject("baseURL");

describe.skipIf(skip !== "")("first-secretary selection in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("applies, keeps a draft across a reload, refuses the wrong unit, and completes a step offline", async ({
    onTestFailed,
  }) => {
    const problems: string[] = [];
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
    const page = await openPage(context, problems);
    onTestFailed(async () => {
      await page.screenshot({ path: "test-results/selection-failure.png", fullPage: true });
      process.stdout.write(`page problems: ${problems.join("\n")}\n`);
    });
    await page.goto(baseURL);
    // Wait for the service worker to control the page, so the offline step below is served from cache.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    await actAs(page, "杨海燕", "清溪市农业农村局");
    await page.getByRole("link", { name: "发起" }).click();
    await page.getByRole("button", { name: "发起“选派第一书记”" }).click();
    await page.getByRole("heading", { level: 1, name: "个人申请" }).waitFor();

    // Type part of the application, let the draft save, reload: everything typed is still there.
    await page.getByRole("textbox", { name: "姓名" }).fill("杨海燕");
    await page
      .getByRole("textbox", { name: "个人意愿" })
      .fill("愿意到村任职,为群众办实事,推动村级组织建设。");
    await page.getByRole("textbox", { name: "办理意见" }).fill("本人申请");
    await page.getByText(/草稿已自动保存/).waitFor();
    await page.reload();
    await expect.poll(() => page.getByRole("textbox", { name: "姓名" }).inputValue()).toBe("杨海燕");
    expect(await page.getByRole("textbox", { name: "办理意见" }).inputValue()).toBe("本人申请");

    await fillApplication(page);
    expect(await unlabelledControls(page)).toEqual([]);
    await snap(page, "task-application");
    await page.getByRole("button", { name: "提交申请" }).click();
    await page.getByText("已办理:提交申请。").waitFor();

    // The next step is the unit HR's; an organization department clerk is told why they cannot act.
    await page.getByRole("link", { name: "查看案件" }).click();
    const taskLink = page.locator("a.task-row").first();
    await expect.poll(() => taskLink.textContent()).toContain("单位推荐");
    const recommendUrl = new URL((await taskLink.getAttribute("href")) ?? "", page.url()).href;
    await actAs(page, "王文杰", "中共清溪市委组织部");
    await page.goto(recommendUrl);
    await page.getByText(/此事项由 清溪市农业农村局 的“派出单位组织人事部门”办理/).waitFor();
    await snap(page, "task-wrong-unit");

    // The unit HR finds it in their inbox and recommends, offline.
    await actAs(page, "王磊", "清溪市农业农村局");
    await page.getByRole("link", { name: "待办" }).click();
    await page.getByRole("link", { name: /单位推荐/ }).waitFor();
    await snap(page, "inbox");
    expect(await unlabelledControls(page)).toEqual([]);
    await page.getByRole("link", { name: /单位推荐/ }).click();
    await page.getByLabel("单位党委(党组)研究日期").fill("2026-03-02");
    await page.getByRole("textbox", { name: "推荐意见" }).fill("该同志政治素质好,工作能力强,同意推荐。");
    await context.route("**/*", (route) => route.abort());
    await context.setOffline(true);
    await page.getByRole("button", { name: "推荐", exact: true }).click();
    await page.getByText("已办理:推荐。").waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "单位推荐" }).waitFor();
    await page.getByText("此事项已办结,不能再办理。").waitFor();
    await context.setOffline(false);
    await context.unroute("**/*");

    // The county organization department reviews; the timeline shows every decision.
    await actAs(page, "王文杰", "中共清溪市委组织部");
    await page.getByRole("link", { name: "待办" }).click();
    await page.getByRole("link", { name: /资格审查/ }).click();
    await page.getByRole("checkbox", { name: "报名材料齐全" }).check();
    await page.getByRole("button", { name: "审查通过" }).click();
    await page.getByText("已办理:审查通过。").waitFor();
    await page.getByRole("link", { name: "查看案件" }).click();
    await page.getByText(/审计链校验通过/).waitFor();
    await snap(page, "case");
    expect(await unlabelledControls(page)).toEqual([]);
    const timeline = await page.locator(".timeline").textContent();
    expect(timeline).toContain("个人申请");
    expect(timeline).toContain("推荐");
    expect(timeline).toContain("审查通过");
    expect(timeline).toContain("本人申请");

    expect(problems).toEqual([]);
    await context.close();
  });
});
