import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { actAs, launch, openPage, snap } from "./browser.ts";
import { buildApp } from "./buildApp.ts";

const skip = inject("e2eSkip");
const baseURL = inject("baseURL");
const outDir = inject("outDir");

describe.skipIf(skip !== "")("a new version of the app in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("asks before updating, keeps the draft, and comes back on the new build", async ({ onTestFailed }) => {
    const problems: string[] = [];
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
    const page = await openPage(context, problems);
    onTestFailed(async () => {
      await page.screenshot({ path: "test-results/update-failure.png", fullPage: true });
      process.stdout.write(`page problems: ${problems.join("\n")}\n`);
    });
    await page.goto(baseURL);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    // A clerk is in the middle of an application when the new version arrives.
    await actAs(page, "杨海燕", "清溪市农业农村局");
    await page.getByRole("link", { name: "发起" }).click();
    await page.getByRole("button", { name: "发起“选派第一书记”" }).click();
    await page.getByRole("heading", { level: 1, name: "个人申请" }).waitFor();
    await page.getByRole("textbox", { name: "办理意见" }).fill("更新前写下的意见");
    await page.getByText(/草稿已自动保存/).waitFor();
    const taskUrl = page.url();

    buildApp(outDir, "e2e-second");
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    await page.getByText("有新版本可用 — 您的草稿已保存。").waitFor();
    await snap(page, "update-prompt");
    // Nothing reloads by itself: the clerk is still on the same page with what they typed.
    expect(page.url()).toBe(taskUrl);
    expect(await page.getByRole("textbox", { name: "办理意见" }).inputValue()).toBe("更新前写下的意见");

    await page.getByRole("button", { name: "立即更新" }).click();
    await page.waitForEvent("load");
    await expect
      .poll(() => page.getByRole("textbox", { name: "办理意见" }).inputValue())
      .toBe("更新前写下的意见");
    await page.getByRole("link", { name: "我是谁" }).click();
    await page.getByText("应用版本 e2e-second").waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
