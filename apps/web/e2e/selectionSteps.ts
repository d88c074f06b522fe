import type { Page } from "playwright-core";
import { actAs } from "./browser.ts";

/** Fills the application form (fs-application) for 杨海燕, as the scenario fs-happy-path does. */
export async function fillApplication(page: Page): Promise<void> {
  await page.getByRole("combobox", { name: "申请人" }).fill("cadre-ideal");
  await page.getByRole("option", { name: /杨海燕/ }).click();
  await page.getByRole("textbox", { name: "姓名" }).fill("杨海燕");
  await page.getByRole("textbox", { name: "公民身份号码" }).fill("529901199205202260");
  await page.getByLabel("性别").selectOption("女");
  await page.getByRole("combobox", { name: "工作单位" }).fill("qx-u-agriculture");
  await page.getByRole("option", { name: /农业农村局/ }).click();
  await page.getByLabel("单位类别").selectOption({ label: "卫生城建农业等部门" });
  await page.getByLabel("职务职级").selectOption({ label: "正科级" });
  await page.getByLabel("政治面貌").selectOption({ label: "中共正式党员" });
  await page.getByLabel("党龄起算日期(转正日期)").fill("2016-07-01");
  await page.getByLabel("参加工作时间").fill("2015-08-01");
  await page.getByLabel("乡镇(街道)工作经历(年)").fill("1");
  await page.getByRole("textbox", { name: "个人意愿" }).fill("愿意到村任职,为群众办实事,推动村级组织建设。");
}

/** 杨海燕 starts a selection case and submits her application. */
export async function applyAsCadre(page: Page): Promise<void> {
  await actAs(page, "杨海燕", "清溪市农业农村局");
  await page.getByRole("link", { name: "发起" }).click();
  await page.getByRole("button", { name: "发起“选派第一书记”" }).click();
  await page.getByRole("heading", { level: 1, name: "个人申请" }).waitFor();
  await fillApplication(page);
  await page.getByRole("button", { name: "提交申请" }).click();
  await page.getByText("已办理:提交申请。").waitFor();
}

/** Opens the inbox and the first task whose row mentions `step`. */
export async function openFromInbox(page: Page, step: string): Promise<void> {
  await page.getByRole("link", { name: "待办" }).click();
  await page
    .getByRole("link", { name: new RegExp(step) })
    .first()
    .click();
  await page.getByRole("heading", { level: 1, name: step }).waitFor();
}

/** Clicks an outcome and waits for the confirmation that it was recorded. */
export async function decide(page: Page, outcome: string): Promise<void> {
  await page.getByRole("button", { name: outcome, exact: true }).click();
  await page.getByText(`已办理:${outcome}。`).waitFor();
}
