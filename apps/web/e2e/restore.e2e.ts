import { mkdir, readFile } from "node:fs/promises";
import type { BackupData } from "@wf/storage-dexie";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { actAs, launch, openPage } from "./browser.ts";
import { applyAsCadre } from "./selectionSteps.ts";

const skip = inject("e2eSkip");
const baseURL = inject("baseURL");
const shots = "/tmp/e2e-shots";
const admin = ["田宇航", "中共清溪市委组织部"] as const;

/** A full-page screenshot for a person to look at what the test drove. */
async function shot(page: Page, name: string): Promise<void> {
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

/** Opens the admin screen's backup tab through the navigation, as the administrator would. */
async function openBackupTab(page: Page): Promise<void> {
  await page.getByRole("link", { name: "管理", exact: true }).click();
  await page.getByRole("link", { name: "备份与恢复" }).click();
  await page.getByRole("heading", { name: "从备份恢复" }).waitFor();
}

/** The case rows on the cases screen, by their label (candidate · village). */
async function caseLabels(page: Page): Promise<string[]> {
  await page.getByRole("link", { name: "案件", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "案件" }).waitFor();
  // The list loads from IndexedDB after the heading; an empty database says so instead.
  await page.locator("a.task-row, p.empty").first().waitFor();
  return (await page.locator("a.task-row .task-row-case").allTextContents()).sort();
}

describe.skipIf(skip !== "")("full backup and restore in Chromium", () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
  });

  it("backs up one browser, refuses a tampered copy without writing, and restores the good one into another", async ({
    onTestFailed,
  }) => {
    const problems: string[] = [];
    // Two contexts are two browsers with their own IndexedDB: the backup is taken in one and
    // restored in the other, which holds a different case beforehand.
    const newPage = async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
      contexts.push(context);
      const page = await openPage(context, problems);
      await page.goto(baseURL);
      return page;
    };
    let current: Page | undefined;
    onTestFailed(async () => {
      if (current) await shot(current, "restore-failure");
      process.stdout.write(`page problems: ${problems.join("\n")}\n`);
    });

    // Source: 杨海燕 applies for the first-secretary selection; the administrator backs up.
    const source = await newPage();
    current = source;
    await applyAsCadre(source);
    await actAs(source, ...admin);
    await openBackupTab(source);
    const download = source.waitForEvent("download", { timeout: 60_000 });
    await source.getByRole("button", { name: "下载完整备份" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^wf-backup-.*\.json$/);
    const backup = JSON.parse(await readFile(await file.path(), "utf8")) as BackupData;
    const events = backup.tables.events.length;
    await source.getByText(`备份已生成:1 个案件、${events} 条审计记录。`).waitFor();
    expect(events).toBeGreaterThanOrEqual(2);
    const [saved] = backup.tables.instances;
    if (!saved) throw new Error("the backup holds no case");
    expect(backup.tables.instances).toHaveLength(1);
    expect(saved.definitionId).toBe("first-secretary-selection");
    await shot(source, "restore-backup-taken");

    // Target: a township committee member starts one vetting case from a one-row list.
    const target = await newPage();
    current = target;
    await actAs(target, "吴文杰", "中共石门乡委员会");
    await target.getByRole("link", { name: "批量" }).click();
    await target.getByLabel("选择名单文件(.xlsx 或 .csv)").setInputFiles({
      name: "一人.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        "姓名,公民身份号码,政治面貌,所在村,拟任职务\r\n李志强,52990119880520031X,中共正式党员,下湾村,村“两委”委员\r\n",
      ),
    });
    await target.getByRole("button", { name: "发起 1 个评估" }).click();
    await target.getByRole("alertdialog").getByRole("button", { name: "发起 1 个评估" }).click();
    await target.getByText("成功发起 1 个,失败 0 个。").waitFor({ timeout: 60_000 });
    await actAs(target, ...admin);
    expect(await caseLabels(target)).toEqual(["李志强 · 下湾村"]);

    // A tampered copy: an audit event's actor rewritten and a definition's first step changed.
    const tampered = structuredClone(backup);
    const event = tampered.tables.events[0];
    if (!event) throw new Error("the backup holds no event");
    event.actor = "qx-orgdept-clerk1";
    const definition = tampered.tables.definitions.find((d) => d.id === "candidate-vetting");
    if (!definition) throw new Error("the backup holds no candidate-vetting definition");
    (definition.definition as { initial: string }).initial = "nowhere";
    await openBackupTab(target);
    await target.getByLabel("选择备份文件").setInputFiles({
      name: "bad.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(tampered)),
    });
    await target.getByText("bad.json 未通过检查,没有写入任何数据。").waitFor({ timeout: 60_000 });
    const issues = target.getByRole("alert").filter({ hasText: /发现 \d+ 个问题/ });
    const paths = await issues.locator("code.issue-path").allTextContents();
    expect(paths).toContain("$.tables.events[0]");
    expect(paths.some((p) => p.startsWith("$.tables.definitions[") && p.includes(".definition"))).toBe(true);
    await issues.getByText(/was changed after it was written/).waitFor();
    expect(await target.getByRole("button", { name: "用此备份替换全部数据" }).count()).toBe(0);
    await shot(target, "restore-refused");
    // Nothing was written: the target still holds only its own case.
    expect(await caseLabels(target)).toEqual(["李志强 · 下湾村"]);

    // The sound backup: the screen says what it holds, asks, then replaces everything.
    await openBackupTab(target);
    await target.getByLabel("选择备份文件").setInputFiles({
      name: "good.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(backup)),
    });
    await target
      .getByText(new RegExp(`good\\.json 检查通过.*1 个案件、${events} 条审计记录`))
      .waitFor({ timeout: 60_000 });
    await shot(target, "restore-ready");
    await target.getByRole("button", { name: "用此备份替换全部数据" }).click();
    const dialog = target.getByRole("alertdialog", { name: "替换本浏览器中的全部数据?" });
    await dialog.waitFor();
    expect(await target.evaluate(() => document.activeElement?.textContent)).toBe("取消");
    await dialog.getByRole("button", { name: "用此备份替换全部数据" }).click();
    await target.getByText(`恢复完成:1 个案件、${events} 条审计记录。`).waitFor({ timeout: 60_000 });
    await shot(target, "restore-done");
    await target.getByRole("button", { name: "重新加载" }).click();
    await target.getByRole("heading", { name: "从备份恢复" }).waitFor();

    // After the reload the administrator sees the restored case only, and it opens intact.
    expect(await caseLabels(target)).toEqual(["杨海燕"]);
    await target.getByRole("link", { name: /杨海燕/ }).click();
    await target.getByText(`审计链校验通过(共 ${events} 条记录)`).waitFor();
    expect(decodeURIComponent(target.url())).toContain(`#/case/${saved.id}`);
    const timeline = (await target.locator(".timeline").textContent()) ?? "";
    expect(timeline).toContain("个人申请");
    expect(timeline).toContain("提交申请");
    await shot(target, "restore-case");

    // The restored open task is back in the unit HR's inbox.
    await actAs(target, "王磊", "清溪市农业农村局");
    await target.getByRole("link", { name: "待办" }).click();
    await target.getByRole("link", { name: /单位推荐/ }).waitFor();
    expect(await target.getByRole("link", { name: /单位推荐/ }).count()).toBe(1);

    expect(problems).toEqual([]);
  });
});
