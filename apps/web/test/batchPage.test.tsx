import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runBatch } from "../src/batch/runBatch.ts";
import { readTableFile, writeWorkbook } from "../src/batch/spreadsheet.ts";
import {
  captureDownloads,
  downloaded,
  freshOptions,
  openServices,
  people,
  renderAppAt,
} from "./adminHarness.tsx";

const header = "姓名,公民身份号码,性别,政治面貌,所在村,拟任职务,学历,人选来源";
const csv = [
  header,
  "李志强,52990119880520031X,男,中共正式党员,下湾村,村“两委”委员,大专,现任“两委”成员",
  '"王芳",529901199003150028,女,正式党员,qx-t03-v01,村党组织书记,本科及以上,大学毕业生',
  // Wrong check digit, an unknown village and a post that is not an option: three problems.
  "赵六,529901198511110045,男,群众,没有这个村,村长,,",
].join("\r\n");

afterEach(() => {
  vi.restoreAllMocks();
});

describe("batch vetting", () => {
  it("checks every row, starts only the valid ones, and exports the results", async () => {
    const downloads = captureDownloads();
    const options = freshOptions();
    const user = userEvent.setup();
    await renderAppAt("#/batch", people.township, options);
    expect(await screen.findByRole("heading", { level: 1, name: "批量发起六级评估" })).toBeTruthy();

    await user.upload(
      screen.getByLabelText("选择名单文件(.xlsx 或 .csv)"),
      new File([csv], "名单.csv", { type: "text/csv" }),
    );
    expect(await screen.findByText("共 3 行:2 行可以发起,1 行有误。")).toBeTruthy();
    const issues = screen.getByRole("table", { name: /需要修改的问题/ });
    const rows = within(issues).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getAllByRole("cell")[1]?.textContent)).toEqual([
      "B 公民身份号码",
      "E 所在村",
      "F 拟任职务",
    ]);
    expect(rows.every((r) => within(r).getAllByRole("cell")[0]?.textContent === "4")).toBe(true);
    expect(within(issues).getByText(/找不到单位“没有这个村”/)).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "发起 2 个评估" }));
    const dialog = screen.getByRole("alertdialog", { name: "确认批量发起" });
    await user.click(within(dialog).getByRole("button", { name: "发起 2 个评估" }));
    expect(await screen.findByText("成功发起 2 个,失败 0 个。", {}, { timeout: 5000 })).toBeTruthy();

    const services = await openServices(options);
    const cases = await services.store.queryInstances({ definitionId: "candidate-vetting" });
    services.store.close();
    expect(cases).toHaveLength(2);
    // The registration was submitted from the row: each case waits at level 1 in its village.
    expect(cases.map((c) => c.steps)).toEqual([["tally"], ["tally"]]);
    expect(cases.map((c) => c.data.villageId).sort()).toEqual(["qx-t03-v01", "qx-t03-v02"]);
    const registrations = cases.map((c) => c.data.registration as Record<string, unknown>);
    expect(registrations.find((r) => r.name === "王芳")).toMatchObject({
      post: "secretary",
      partyStatus: "正式党员",
      birthDate: "1990-03-15",
    });

    await user.click(screen.getByRole("button", { name: "导出结果(Excel)" }));
    await waitFor(() => expect(downloads).toHaveLength(1), { timeout: 5000 });
    const exported = await readTableFile(downloaded(downloads));
    expect(exported[0]).toContain("结果");
    expect(exported.slice(1).map((r) => r[0])).toEqual(["2", "3", "4"]);
    expect(exported[1]).toContain("已发起");
    expect(exported[3]).toContain("3 处错误");
  });

  it("refuses a second running case for the same ID number", async () => {
    const options = freshOptions();
    const user = userEvent.setup();
    await renderAppAt("#/batch", people.township, options);
    const file = (name: string) =>
      new File([`${header}\r\n李志强,52990119880520031X,男,正式党员,下湾村,委员身份错误,,`], name);
    await user.upload(await screen.findByLabelText("选择名单文件(.xlsx 或 .csv)"), file("a.csv"));
    expect(await screen.findByText(/“委员身份错误”不是可选值/)).toBeTruthy();

    const ok = `${header}\r\n李志强,52990119880520031X,男,正式党员,下湾村,委员,,\r\n李四,52990119880520031x,男,正式党员,下湾村,委员,,`;
    await user.upload(screen.getByLabelText("选择名单文件(.xlsx 或 .csv)"), new File([ok], "b.csv"));
    // "委员" is not an option label either, the duplicate ID (case ignored) is reported on row 3.
    expect(await screen.findByText("与第 2 行重复")).toBeTruthy();
  });

  it("refuses villages outside the importing committee's township", async () => {
    const user = userEvent.setup();
    await renderAppAt("#/batch", people.township, freshOptions());
    const other = `${header}\r\n李志强,52990119880520031X,男,正式党员,qx-t01-v01,村“两委”委员,,`;
    await user.upload(
      await screen.findByLabelText("选择名单文件(.xlsx 或 .csv)"),
      new File([other], "c.csv"),
    );
    expect(await screen.findByText(/不在本单位辖区.石门乡.内/)).toBeTruthy();
    expect(screen.getByText("共 1 行:0 行可以发起,1 行有误。")).toBeTruthy();
  });

  it("reads an Excel workbook and reports a missing required column", async () => {
    const options = freshOptions();
    const user = userEvent.setup();
    await renderAppAt("#/batch", people.township, options);
    const blob = await writeWorkbook([
      { name: "候选人", header: ["姓名", "性别"], rows: [["李志强", "男"]] },
    ]);
    await user.upload(
      await screen.findByLabelText("选择名单文件(.xlsx 或 .csv)"),
      new File([blob], "list.xlsx"),
    );
    expect(await screen.findByText("缺少必填列“公民身份号码”", {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByRole("button", { name: "发起 0 个评估" }).hasAttribute("disabled")).toBe(true);
  });

  it("is offered only to roles that may start the vetting", async () => {
    await renderAppAt("#/batch", people.villageClerk, freshOptions());
    expect(await screen.findByText(/批量发起需要以下角色之一/)).toBeTruthy();
    expect(screen.queryByLabelText("选择名单文件(.xlsx 或 .csv)")).toBeNull();
    expect(screen.queryByRole("link", { name: "批量" })).toBeNull();
  });

  it("reports progress row by row and never starts a row twice when a batch is run again", async () => {
    const services = await openServices(freshOptions());
    const definition = services.definition("candidate-vetting");
    if (!definition) throw new Error("candidate-vetting is not published");
    const actor = { id: "qx-t03-committee1", unit: "qx-t03-pc", roles: ["township-committee"] };
    const row = (n: number, name: string, idNumber: string) => ({
      row: n,
      values: { name, idNumber, partyStatus: "正式党员", villageId: "qx-t03-v02", post: "member" },
    });
    const rows = [row(2, "李志强", "52990119880520031X"), row(3, "缺身份证", "")];
    const progress: number[] = [];
    const first = await runBatch({
      engine: services.engine,
      definition,
      actor,
      batchId: "b-1",
      rows,
      onResult: (_, done) => progress.push(done),
    });
    expect(progress).toEqual([1, 2]);
    expect(first.map((r) => r.status)).toEqual(["started", "failed"]);
    // The refused registration leaves its case waiting in the starter's inbox, and says which.
    expect(first[1]?.caseId).toBeTruthy();

    const again = await runBatch({
      engine: services.engine,
      definition,
      actor,
      batchId: "b-1",
      rows,
      onResult: () => {},
    });
    expect(again.map((r) => r.caseId)).toEqual(first.map((r) => r.caseId));
    expect(await services.store.queryInstances({ definitionId: "candidate-vetting" })).toHaveLength(2);
    services.store.close();
  });

  it("exports the vetting list of the importer's own township only", async () => {
    const downloads = captureDownloads();
    const options = freshOptions();
    const services = await openServices(options);
    for (const [township, village, idNumber] of [
      ["t03", "qx-t03-v02", "52990119880520031X"],
      ["t01", "qx-t01-v01", "529901199003150028"],
    ] as const) {
      const actor = {
        id: `qx-${township}-committee1`,
        unit: `qx-${township}-pc`,
        roles: ["township-committee"],
      };
      const started = await services.engine.start({
        definitionId: "candidate-vetting",
        actor,
        actionId: `s-${township}`,
      });
      await services.engine.act({
        taskId: started.tasks[0]?.id ?? "",
        actor,
        outcome: "submit",
        formData: {
          name: `候选人${township}`,
          idNumber,
          partyStatus: "正式党员",
          villageId: village,
          post: "member",
        },
        actionId: `r-${township}`,
        expectedVersion: started.version,
      });
    }
    services.store.close();
    const user = userEvent.setup();
    await renderAppAt("#/batch", people.township, options);
    await user.click(await screen.findByRole("button", { name: "导出名单(Excel)" }));
    expect(await screen.findByText("已导出 1 个案件。")).toBeTruthy();
    const sheet = await readTableFile(downloaded(downloads));
    expect(sheet.slice(1).map((r) => [r[1], r[4], r[7]])).toEqual([
      ["候选人t03", "石门乡", "第一级:党员群众推荐"],
    ]);
  });
});
