import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { actAs, launch, openPage } from "./browser.ts";

const skip = inject("e2eSkip");
const baseURL = inject("baseURL");
const csvFixture = fileURLToPath(new URL("./fixtures/candidates.csv", import.meta.url));
// Saved as "CSV (逗号分隔)" by Excel on a Chinese Windows: GBK, not UTF-8.
const gbkFixture = fileURLToPath(new URL("./fixtures/candidates-gbk.csv", import.meta.url));
const shots = "/tmp/e2e-shots";

/** A full-page screenshot for a person to look at what the test drove. */
async function shot(page: Page, name: string): Promise<void> {
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

/** The first worksheet of a downloaded workbook, as rows of cell texts (header first). */
async function readSheet(path: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error(`${path} has no worksheet`);
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const v = row.getCell(c).value;
      cells.push(v === null || v === undefined ? "" : String(v));
    }
    rows.push(cells);
  });
  return rows;
}

/** Clicks `button` and returns the local path of the file the app hands to the browser's download. */
async function download(page: Page, button: string): Promise<{ path: string; name: string }> {
  const event = page.waitForEvent("download", { timeout: 60_000 });
  await page.getByRole("button", { name: button }).click();
  const file = await event;
  return { path: await file.path(), name: file.suggestedFilename() };
}

/** The rows of the "需要修改的问题" table as [row, column, problem]. */
async function issueRows(page: Page): Promise<string[][]> {
  const table = page.getByRole("table", { name: /需要修改的问题/ });
  await table.waitFor();
  return table
    .locator("tbody tr")
    .evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent?.trim() ?? "")),
    );
}

/** Confirms the batch start and waits for its summary. */
async function startValid(page: Page, n: number, summary: string): Promise<void> {
  await page.getByRole("button", { name: `发起 ${n} 个评估` }).click();
  const dialog = page.getByRole("alertdialog", { name: "确认批量发起" });
  await dialog.waitFor();
  await dialog.getByRole("button", { name: `发起 ${n} 个评估` }).click();
  await page.getByText(summary).waitFor({ timeout: 60_000 });
}

describe.skipIf(skip !== "")("batch start of the six-level vetting in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("imports a CSV and an Excel list, shows the bad rows, starts the good ones and exports both workbooks", async ({
    onTestFailed,
  }) => {
    const problems: string[] = [];
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
    const page = await openPage(context, problems);
    onTestFailed(async () => {
      await shot(page, "batch-failure");
      process.stdout.write(`page problems: ${problems.join("\n")}\n`);
    });
    await page.goto(baseURL);

    // A township party committee member may start the vetting; the entry is in the navigation.
    await actAs(page, "吴文杰", "中共石门乡委员会");
    await page.getByRole("link", { name: "批量" }).click();
    await page.getByRole("heading", { level: 1, name: "批量发起六级评估" }).waitFor();

    // The CSV (UTF-8 with Excel's byte-order mark): two good rows, one with three problems.
    await page.getByLabel("选择名单文件(.xlsx 或 .csv)").setInputFiles(csvFixture);
    await page.getByText("共 3 行:2 行可以发起,1 行有误。").waitFor({ timeout: 60_000 });
    const csvIssues = await issueRows(page);
    expect(csvIssues.map(([row, column]) => [row, column])).toEqual([
      ["4", "B 公民身份号码"],
      ["4", "E 所在村"],
      ["4", "F 拟任职务"],
    ]);
    expect(csvIssues[1]?.[2]).toContain("找不到单位“没有这个村”");
    expect(csvIssues[2]?.[2]).toContain("“村长”不是可选值");
    await expect
      .poll(() => page.locator("tr.row-bad").allTextContents())
      .toEqual([expect.stringContaining("赵六")]);
    await shot(page, "batch-csv-checked");

    await startValid(page, 2, "成功发起 2 个,失败 0 个。");
    const resultLinks = page.getByRole("table", { name: "逐行结果" }).getByRole("link", { name: "已发起" });
    await expect.poll(() => resultLinks.count()).toBe(2);
    const linkedCases = (await resultLinks.evaluateAll((links) => links.map((a) => a.getAttribute("href"))))
      .map((h) => decodeURIComponent((h ?? "").replace(/^#\/case\//, "")))
      .sort();
    await shot(page, "batch-csv-started");

    // The results workbook: every row of the file, its outcome, its case, and the problems of row 4.
    const results = await download(page, "导出结果(Excel)");
    expect(results.name).toMatch(/^批量发起结果-\d{4}-\d{2}-\d{2}-\d{4}\.xlsx$/);
    const [header = [], ...rows] = await readSheet(results.path);
    const col = (name: string) => {
      const i = header.indexOf(name);
      expect(i, `column ${name} in ${header.join(",")}`).toBeGreaterThanOrEqual(0);
      return i;
    };
    const [rowCol, nameCol, resultCol, caseCol, problemCol] = [
      "行号",
      "姓名",
      "结果",
      "案件编号",
      "问题",
    ].map(col);
    expect(rows.map((r) => [r[rowCol ?? 0], r[nameCol ?? 0], r[resultCol ?? 0]])).toEqual([
      ["2", "李志强", "已发起"],
      ["3", "王芳", "已发起"],
      ["4", "赵六", "3 处错误"],
    ]);
    expect(
      rows
        .slice(0, 2)
        .map((r) => r[caseCol ?? 0])
        .sort(),
    ).toEqual(linkedCases);
    expect(rows[2]?.[caseCol ?? 0]).toBe("");
    expect(rows[2]?.[problemCol ?? 0]).toContain("E 所在村: 找不到单位“没有这个村”");

    // A GBK-encoded CSV reads as Chinese text too (checked only, not started).
    await page.getByLabel("选择名单文件(.xlsx 或 .csv)").setInputFiles(gbkFixture);
    await page.getByRole("heading", { name: "检查结果:candidates-gbk.csv" }).waitFor({ timeout: 60_000 });
    await page.getByText("共 1 行:1 行可以发起,0 行有误。").waitFor();
    const gbkRow = page.getByRole("table", { name: "名单预览" }).locator("tbody tr");
    await expect.poll(() => gbkRow.allTextContents()).toEqual([expect.stringContaining("黄丽")]);
    expect(await gbkRow.textContent()).toContain("兰湾村");

    // The .xlsx list: one new candidate, and 李志强 again, who now has a running case.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("候选人");
    sheet.addRow(["姓名", "公民身份号码", "性别", "政治面貌", "所在村", "拟任职务", "学历", "人选来源"]);
    sheet.addRow([
      "陈晓红",
      "529901199506180018",
      "女",
      "中共预备党员",
      "兰湾村",
      "村“两委”委员",
      "本科及以上",
      "优秀青年",
    ]);
    sheet.addRow([
      "李志强",
      "52990119880520031X",
      "男",
      "中共正式党员",
      "下湾村",
      "村党组织书记",
      "大专",
      "",
    ]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    await page.getByLabel("选择名单文件(.xlsx 或 .csv)").setInputFiles({
      name: "第二批名单.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: xlsx,
    });
    await page.getByRole("heading", { name: "检查结果:第二批名单.xlsx" }).waitFor({ timeout: 60_000 });
    await page.getByText("共 2 行:1 行可以发起,1 行有误。").waitFor();
    expect(await issueRows(page)).toEqual([["3", "B 公民身份号码", "此人已有办理中的评估案件"]]);
    await shot(page, "batch-xlsx-checked");
    await startValid(page, 1, "成功发起 1 个,失败 0 个。");

    // The vetting list holds all three cases, each waiting at level 1 in its Shimen village.
    const list = await download(page, "导出名单(Excel)");
    await page.getByText("已导出 3 个案件。").waitFor();
    expect(list.name).toMatch(/^六级评估名单-.*\.xlsx$/);
    const [listHeader, ...listRows] = await readSheet(list.path);
    expect(listHeader?.slice(0, 8)).toEqual([
      "案件编号",
      "姓名",
      "公民身份号码",
      "所在村",
      "乡镇",
      "拟任职务",
      "状态",
      "当前环节",
    ]);
    expect(listRows.map((r) => r.slice(1, 8)).sort((a, b) => (a[1] ?? "").localeCompare(b[1] ?? ""))).toEqual(
      [
        ["李志强", "52990119880520031X", "下湾村", "石门乡", "村“两委”委员", "办理中", "第一级:党员群众推荐"],
        ["王芳", "529901199003150028", "枫沟村", "石门乡", "村党组织书记", "办理中", "第一级:党员群众推荐"],
        ["陈晓红", "529901199506180018", "兰湾村", "石门乡", "村“两委”委员", "办理中", "第一级:党员群众推荐"],
      ],
    );
    expect(listRows.map((r) => r[0])).toEqual(expect.arrayContaining(linkedCases));

    // The cases screen lists exactly the three started cases, by candidate and village.
    await page.getByRole("link", { name: "案件", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "案件" }).waitFor();
    const caseRows = page.locator("a.task-row");
    await expect.poll(() => caseRows.count(), { timeout: 30_000 }).toBe(3);
    const labels = (await page.locator("a.task-row .task-row-case").allTextContents()).sort();
    expect(labels).toEqual(["李志强 · 下湾村", "王芳 · 枫沟村", "陈晓红 · 兰湾村"].sort());
    await shot(page, "batch-cases");

    // A started case opens with its registration submitted and a sound audit chain.
    await page.getByRole("link", { name: /王芳 · 枫沟村/ }).click();
    await page.getByText(/审计链校验通过/).waitFor();
    const timeline = (await page.locator(".timeline").textContent()) ?? "";
    expect(timeline).toContain("预备人选登记");
    await shot(page, "batch-case");

    expect(problems).toEqual([]);
    await context.close();
  });
});
