import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { actAs, launch, openPage, snap } from "./browser.ts";
import { applyAsCadre, decide, openFromInbox } from "./selectionSteps.ts";

const skip = inject("e2eSkip");
const baseURL = inject("baseURL");
const day = 24 * 60 * 60 * 1000;

describe.skipIf(skip !== "")("first secretary from application to dispatch in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("runs all eight steps, switching profiles, and the public notice ends by its timer", async ({
    onTestFailed,
  }) => {
    const problems: string[] = [];
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
    // The demo starts on a working Monday; the notice then runs five working days.
    await context.clock.install({ time: new Date("2026-03-02T09:00:00+08:00") });
    const page = await openPage(context, problems);
    onTestFailed(async () => {
      await page.screenshot({ path: "test-results/dispatch-failure.png", fullPage: true });
      process.stdout.write(`page problems: ${problems.join("\n")}\n`);
    });
    await page.goto(baseURL);

    await applyAsCadre(page);

    await actAs(page, "王磊", "清溪市农业农村局");
    await openFromInbox(page, "单位推荐");
    await page.getByLabel("单位党委(党组)研究日期").fill("2026-03-02");
    await page.getByRole("textbox", { name: "推荐意见" }).fill("该同志政治素质好,工作能力强,同意推荐。");
    await page.getByLabel("附件").setInputFiles({
      name: "推荐材料.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n% 推荐材料\n"),
    });
    await page.getByRole("link", { name: "推荐材料.pdf" }).waitFor();
    await decide(page, "推荐");

    await actAs(page, "王文杰", "中共清溪市委组织部");
    await openFromInbox(page, "资格审查");
    await page.getByRole("checkbox", { name: "报名材料齐全" }).check();
    await decide(page, "审查通过");

    await actAs(page, "龙志强", "中共清溪市委组织部");
    await openFromInbox(page, "组织考察");
    await page.getByLabel("考察日期").fill("2026-03-02");
    await page.getByLabel("个别谈话人数").fill("12");
    await page.getByLabel("政治素质").selectOption({ label: "好" });
    await page.getByRole("radio", { name: "合格", exact: true }).check();
    await page
      .getByRole("textbox", { name: "考察情况" })
      .fill("经个别谈话和查阅档案,该同志政治坚定,作风扎实,群众公认度高。");
    await decide(page, "考察合格");

    await actAs(page, "杨立新", "中共清溪市委组织部");
    await openFromInbox(page, "人村匹配");
    await page.getByRole("combobox", { name: "拟派驻村" }).fill("qx-t01-v07");
    await page.getByRole("option").first().click();
    // Village type and problem come from the catalog (hidden at this step), not from the clerk.
    await page
      .getByRole("textbox", { name: "匹配理由" })
      .fill("按照因村派人、因人定村原则,干部专长与该村需求相符。");
    await decide(page, "提出人选和派驻村");

    await actAs(page, "杨勇", "中共清溪市委");
    await openFromInbox(page, "常委会决定");
    await page.getByLabel("会议日期").fill("2026-03-02");
    await page.getByRole("textbox", { name: "会议届次" }).fill("2026年第5次");
    await decide(page, "同意选派");

    // The notice is on; a week and a day later its timer ends it and the case moves to dispatch.
    await actAs(page, "王文杰", "中共清溪市委组织部");
    await page.getByRole("link", { name: "待办" }).click();
    await page.getByRole("link", { name: /公示/ }).first().waitFor();
    await page.clock.fastForward(8 * day);
    await page.reload();
    await openFromInbox(page, "备案派驻");
    await page.getByLabel("任职开始日期").fill("2026-03-10");
    await page.getByRole("textbox", { name: "备案编号" }).fill("QX-DYSJ-2026-001");
    await decide(page, "备案并派驻");

    await page.getByRole("link", { name: "查看案件" }).click();
    await page.getByText(/审计链校验通过/).waitFor();
    await expect.poll(() => page.locator(".facts").textContent()).toContain("已办结");
    await snap(page, "case-dispatched");
    const timeline = (await page.locator(".timeline").textContent()) ?? "";
    for (const step of [
      "个人申请",
      "单位推荐",
      "资格审查",
      "组织考察",
      "人村匹配",
      "常委会决定",
      "公示",
      "备案派驻",
    ]) {
      expect(timeline).toContain(step);
    }

    // The evidence bundle holds every decision, each submitted form, the definition and calendar.
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "导出证据包(JSON)" }).click();
    const file = await (await download).path();
    const bundle = JSON.parse(await readFile(file, "utf8")) as {
      chain: { ok: boolean };
      events: { type: string; opinion?: string }[];
      submittedForms: { step: string; values: Record<string, unknown> }[];
      definition: { id: string; version: number };
      calendar: { id: string };
    };
    expect(bundle.chain.ok).toBe(true);
    expect(bundle.definition).toMatchObject({ id: "first-secretary-selection", version: 1 });
    expect(bundle.calendar.id).toBe("cn-mainland");
    expect(bundle.submittedForms.map((f) => f.step)).toEqual([
      "apply",
      "recommend",
      "review",
      "inspect",
      "match",
      "decide",
      "dispatch",
    ]);
    expect(bundle.submittedForms[0]?.values).toMatchObject({
      name: "杨海燕",
      idNumber: "529901199205202260",
    });

    // The attachment opens from this browser's storage, in a new tab.
    const opened = context.waitForEvent("page");
    await page.getByRole("link", { name: "推荐材料.pdf" }).click();
    const filePage = await opened;
    await expect.poll(() => filePage.url()).toMatch(/^blob:/);
    await filePage.close();

    // The print view opens every submitted form.
    await page.getByRole("link", { name: "打印" }).click();
    await page.getByText("QX-DYSJ-2026-001").waitFor();
    await snap(page, "case-print");
    // On paper: no navigation or buttons, every form open.
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".sidenav").isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "打印" }).isVisible()).toBe(false);
    await page.screenshot({ path: "test-results/case-print-paper.png", fullPage: true });
    await page.emulateMedia({ media: "screen" });

    // A cadre of another unit is not part of the case and is told so.
    const caseUrl = page.url().replace(/\/print$/, "");
    await actAs(page, "周永刚", "中共清溪市委办公室");
    await page.goto(caseUrl);
    await page.getByText(/您没有参与此案件,不能查看/).waitFor();

    expect(problems).toEqual([]);
    await context.close();
  });
});
