import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { actAs, launch, openPage, snap } from "./browser.ts";
import { applyAsCadre, decide, openFromInbox } from "./selectionSteps.ts";

const skip = inject("e2eSkip");
const baseURL = inject("baseURL");

describe.skipIf(skip !== "")("two tabs on one task in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("lets one tab decide; the other is told of the conflict and keeps what it typed", async ({
    onTestFailed,
  }) => {
    const problems: string[] = [];
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
    const first = await openPage(context, problems);
    onTestFailed(async () => {
      await first.screenshot({ path: "test-results/two-tabs-failure.png", fullPage: true });
      process.stdout.write(`page problems: ${problems.join("\n")}\n`);
    });
    await first.goto(baseURL);
    await applyAsCadre(first);
    await actAs(first, "王磊", "清溪市农业农村局");
    await openFromInbox(first, "单位推荐");

    // The second tab does not hear the first (as after a missed broadcast), so it still offers
    // the task when the first has already decided it.
    const second = await openPage(context, problems);
    await second.addInitScript(() => {
      Reflect.deleteProperty(window, "BroadcastChannel");
    });
    await second.goto(first.url());
    await second.getByRole("heading", { level: 1, name: "单位推荐" }).waitFor();

    for (const page of [first, second]) {
      await page.getByLabel("单位党委(党组)研究日期").fill("2026-03-02");
      await page.getByRole("textbox", { name: "推荐意见" }).fill("该同志政治素质好,工作能力强,同意推荐。");
    }
    await second.getByRole("textbox", { name: "办理意见" }).fill("第二个标签页的意见");
    await second.getByText(/草稿已自动保存/).waitFor();

    await decide(first, "推荐");
    await second.getByRole("button", { name: "推荐", exact: true }).click();
    await second.getByText(/案件已被他人更新或事项已被办理,本次提交未生效/).waitFor();
    expect(await second.getByRole("textbox", { name: "办理意见" }).inputValue()).toBe("第二个标签页的意见");
    await snap(second, "task-conflict");

    await second.reload();
    await second.getByText("此事项已办结,不能再办理。").waitFor();
    await second.getByText("第二个标签页的意见").waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
