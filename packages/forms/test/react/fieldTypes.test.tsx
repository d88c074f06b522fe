// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test, vi } from "vitest";
import { compileForm, type FormValues } from "../../src/index";
import { FormHostProvider, FormRenderer } from "../../src/react/index";
import { testHost } from "./host";

afterEach(cleanup);

const ctx = { env: { now: "2026-03-15T09:00:00+08:00" } };

function setup(fields: unknown[], values?: FormValues, opts: { noStorage?: boolean } = {}) {
  // applyAccept off: the browser's accept filter is only a hint, the control must check itself.
  const user = userEvent.setup({ applyAccept: false });
  const onSubmit = vi.fn();
  const { host: full, stored } = testHost();
  const host = opts.noStorage ? { directory: full.directory } : full;
  const form = compileForm({ id: "fs-types", version: 1, title: { zh: "字段" }, fields });
  render(
    <FormHostProvider host={host}>
      <FormRenderer form={form} values={values} onSubmit={onSubmit} context={ctx} />
    </FormHostProvider>,
  );
  const submit = async () => {
    await user.click(screen.getByRole("button", { name: "提交" }));
    return onSubmit.mock.calls.at(-1)?.[0] as FormValues | undefined;
  };
  return { user, onSubmit, submit, stored };
}

const lbl = (zh: string) => ({ zh, en: zh });

describe("every field type produces its value", () => {
  test("text, textarea, mobile", async () => {
    const { user, submit } = setup([
      { key: "name", type: "text", label: lbl("姓名") },
      { key: "note", type: "textarea", label: lbl("备注") },
      { key: "phone", type: "mobile", label: lbl("手机") },
    ]);
    await user.type(screen.getByLabelText("姓名"), "王芳");
    await user.type(screen.getByLabelText("备注"), "第一行{Enter}第二行");
    await user.type(screen.getByLabelText("手机"), "13912345678");
    expect(screen.getByLabelText("手机").getAttribute("type")).toBe("tel");
    expect(await submit()).toEqual({ name: "王芳", note: "第一行\n第二行", phone: "13912345678" });
  });

  test("number accepts separators and full-width digits; money shows the currency", async () => {
    const { user, submit } = setup([
      { key: "n", type: "number", label: lbl("人数") },
      { key: "m", type: "money", label: lbl("金额") },
    ]);
    await user.type(screen.getByLabelText("人数"), "１２");
    await user.type(screen.getByLabelText("金额"), "3,700.50");
    expect(screen.getByText("¥")).toBeTruthy();
    expect(await submit()).toEqual({ n: 12, m: 3700.5 });
  });

  test("a number that does not parse is reported on the field", async () => {
    const { user, submit, onSubmit } = setup([{ key: "n", type: "number", label: lbl("人数") }]);
    await user.type(screen.getByLabelText("人数"), "12abc");
    await submit();
    expect(onSubmit).not.toHaveBeenCalled();
    const input = screen.getByLabelText("人数");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    const err = document.getElementById(input.getAttribute("aria-describedby") ?? "");
    expect(err?.textContent).toBe("应为数字");
  });

  test("date and datetime (stored with the zone's offset)", async () => {
    const { user, submit } = setup([
      { key: "d", type: "date", label: lbl("日期") },
      { key: "t", type: "datetime", label: lbl("时间") },
    ]);
    await user.type(screen.getByLabelText("日期"), "2026-03-01");
    await user.type(screen.getByLabelText("时间"), "2026-03-01T09:30");
    expect(await submit()).toEqual({ d: "2026-03-01", t: "2026-03-01T09:30:00+08:00" });
  });

  test("select, radio, multiSelect keep option values and types", async () => {
    const { user, submit } = setup([
      {
        key: "s",
        type: "select",
        label: lbl("级别"),
        options: [
          { value: 1, label: lbl("一级") },
          { value: 2, label: lbl("二级") },
        ],
      },
      {
        key: "r",
        type: "radio",
        label: lbl("结论"),
        options: [
          { value: "yes", label: lbl("同意") },
          { value: "no", label: lbl("不同意") },
        ],
      },
      {
        key: "m",
        type: "multiSelect",
        label: lbl("专长"),
        options: [
          { value: "a", label: lbl("农业") },
          { value: "b", label: lbl("党建") },
          { value: "c", label: lbl("法律") },
        ],
      },
    ]);
    await user.selectOptions(screen.getByLabelText("级别"), "二级");
    await user.click(screen.getByLabelText("同意"));
    await user.click(screen.getByLabelText("不同意"));
    const group = screen.getByRole("group", { name: "专长" });
    await user.click(within(group).getByLabelText("法律"));
    await user.click(within(group).getByLabelText("农业"));
    expect(await submit()).toEqual({ s: 2, r: "no", m: ["a", "c"] });
  });

  test("checkbox and switch (Space toggles)", async () => {
    const { user, submit } = setup([
      { key: "agree", type: "checkbox", label: lbl("本人承诺所填属实"), required: true },
      { key: "sw", type: "switch", label: lbl("一肩挑") },
    ]);
    await user.click(screen.getByLabelText(/本人承诺/));
    const sw = screen.getByRole("switch", { name: "一肩挑" });
    sw.focus();
    await user.keyboard(" ");
    expect(sw.getAttribute("aria-checked")).toBe("true");
    expect(await submit()).toEqual({ agree: true, sw: true });
  });

  test("idCard shows what the number tells and feeds calculated fields", async () => {
    const { user, submit } = setup([
      { key: "id", type: "idCard", label: lbl("身份证号码") },
      { key: "birth", type: "date", label: lbl("出生日期"), calc: "idBirthDate(id)" },
      {
        key: "sex",
        type: "text",
        label: lbl("性别"),
        calc: "idSex(id) == 'male' ? '男' : (idSex(id) == 'female' ? '女' : null)",
      },
    ]);
    await user.type(screen.getByLabelText("身份证号码"), "11010519491231002x");
    expect(screen.getByText("出生日期 1949-12-31,性别 女")).toBeTruthy();
    expect(screen.getByLabelText("出生日期").textContent).toBe("1949-12-31");
    expect(screen.getByLabelText("性别").textContent).toBe("女");
    expect(await submit()).toEqual({ id: "11010519491231002X", birth: "1949-12-31", sex: "女" });
  });

  test("person picker: search, arrow keys, Enter; org picker filtered by level; chips removable", async () => {
    const { user, submit } = setup([
      { key: "p", type: "personPicker", label: lbl("推荐人") },
      { key: "u", type: "orgPicker", label: lbl("派驻村"), level: "village", multiple: true },
    ]);
    await user.type(screen.getByRole("combobox", { name: "推荐人" }), "张");
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual(["张伟", "张静"]);
    await user.keyboard("{ArrowDown}{Enter}");
    expect(screen.getByText("张静")).toBeTruthy();
    expect(screen.queryByRole("combobox", { name: "推荐人" })).toBeNull();
    const org = screen.getByRole("combobox", { name: "派驻村" });
    await user.type(org, "村");
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual(["东村", "西村"]);
    await user.click(screen.getByRole("option", { name: "西村" }));
    await user.type(org, "东");
    await user.keyboard("{Enter}");
    await user.click(screen.getByRole("button", { name: "移除 西村" }));
    expect(await submit()).toEqual({ p: "p-zhao", u: ["v-1"] });
  });

  test("file: stored through the host; too large or wrong type refused before storing", async () => {
    const { user, submit, stored } = setup([
      { key: "f", type: "file", label: lbl("附件"), maxSize: 1024, accept: [".pdf"], maxFiles: 2 },
    ]);
    const input = screen.getByLabelText("附件") as HTMLInputElement;
    await user.upload(input, new File(["x".repeat(2048)], "big.pdf", { type: "application/pdf" }));
    expect(screen.getByText("文件“big.pdf”超过 1 KB")).toBeTruthy();
    await user.upload(input, new File(["x"], "a.exe", { type: "application/x-msdownload" }));
    expect(screen.getByText("文件“a.exe”的类型不允许")).toBeTruthy();
    expect(stored).toHaveLength(0);
    await user.upload(input, new File(["%PDF"], "简历.pdf", { type: "application/pdf" }));
    expect(await screen.findByRole("link", { name: "简历.pdf" })).toBeTruthy();
    expect(await submit()).toEqual({
      f: [{ id: "file-1", name: "简历.pdf", size: 4, type: "application/pdf" }],
    });
  });

  test("signature: drawn on a canvas, kept through the host's file storage, clearable", async () => {
    const ctx2d = {
      beginPath: vi.fn(),
      moveTo: vi.fn(),
      lineTo: vi.fn(),
      stroke: vi.fn(),
      clearRect: vi.fn(),
    };
    vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(ctx2d as never);
    vi.spyOn(HTMLCanvasElement.prototype, "toDataURL").mockReturnValue("data:image/png;base64,iVBORw0KGgo=");
    const { user, submit, stored } = setup([
      { key: "sig", type: "signature", label: lbl("签名"), required: true },
    ]);
    const canvas = document.querySelector("canvas")!;
    await user.pointer([
      { keys: "[MouseLeft>]", target: canvas, coords: { clientX: 10, clientY: 10 } },
      { target: canvas, coords: { clientX: 40, clientY: 30 } },
      { keys: "[/MouseLeft]", target: canvas },
    ]);
    expect(ctx2d.lineTo).toHaveBeenCalled();
    expect(screen.getByRole("img", { name: "已签名" }).getAttribute("src")).toBe(
      "data:image/png;base64,iVBORw0KGgo=",
    );
    expect(await submit()).toEqual({
      sig: { id: "file-1", name: "signature.png", size: 8, type: "image/png" },
    });
    expect(stored[0]?.type).toBe("image/png");
    expect(screen.getByRole("img", { name: "已签名" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "清除签名" }));
    expect(screen.queryByRole("img", { name: "已签名" })).toBeNull();
  });

  test("signature by keyboard, without file storage: a typed name drawn, kept as a data URL", async () => {
    const ctx2d = { clearRect: vi.fn(), fillText: vi.fn(), font: "" };
    vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(ctx2d as never);
    vi.spyOn(HTMLCanvasElement.prototype, "toDataURL").mockReturnValue("data:image/png;base64,AAAA");
    const { user, submit } = setup(
      [{ key: "sig", type: "signature", label: lbl("签名"), required: true }],
      undefined,
      { noStorage: true },
    );
    await user.type(screen.getByLabelText("或键入姓名作为签名"), "王芳{Enter}");
    expect(ctx2d.fillText).toHaveBeenCalledWith(
      "王芳",
      expect.any(Number),
      expect.any(Number),
      expect.any(Number),
    );
    expect(await submit()).toEqual({ sig: "data:image/png;base64,AAAA" });
  });

  test("static text is rendered as text, never as HTML", () => {
    setup([{ type: "static", text: lbl("<b>注意</b> 请如实填写") }]);
    expect(screen.getByText("<b>注意</b> 请如实填写")).toBeTruthy();
    expect(document.querySelector("b")).toBeNull();
  });
});

describe("groups and tables", () => {
  test("a table adds and removes rows, computes row amounts and decimal-safe totals", async () => {
    const { user, submit } = setup([
      {
        key: "items",
        type: "table",
        label: lbl("经费明细"),
        totals: ["amount"],
        fields: [
          { key: "item", type: "text", label: lbl("项目") },
          { key: "qty", type: "number", label: lbl("数量") },
          { key: "price", type: "money", label: lbl("单价") },
          { key: "amount", type: "money", label: lbl("金额"), calc: "round(row.qty * row.price, 2)" },
        ],
      },
    ]);
    const table = screen.getByRole("table", { name: "经费明细" });
    await user.click(screen.getByRole("button", { name: "添加一行" }));
    await user.click(screen.getByRole("button", { name: "添加一行" }));
    const qty = within(table).getAllByLabelText(/^数量/);
    const price = within(table).getAllByLabelText(/^单价/);
    expect(qty.map((q) => q.getAttribute("id") && screen.getByLabelText("数量(第 2 行)") === q)).toEqual([
      false,
      true,
    ]);
    await user.type(qty[0]!, "3");
    await user.type(price[0]!, "0.1");
    await user.type(qty[1]!, "1");
    await user.type(price[1]!, "0.2");
    expect(table.querySelector("[data-total=amount]")?.textContent).toBe("0.50");
    await user.click(screen.getByRole("button", { name: "删除第 1 行" }));
    expect(table.querySelector("[data-total=amount]")?.textContent).toBe("0.20");
    expect(await submit()).toEqual({ items: [{ item: null, qty: 1, price: 0.2, amount: 0.2 }] });
  });

  test("a repeating group respects maxRows and shows minRows errors", async () => {
    const { user, submit, onSubmit } = setup([
      {
        key: "family",
        type: "group",
        label: lbl("家庭成员"),
        minRows: 1,
        maxRows: 2,
        fields: [{ key: "name", type: "text", label: lbl("姓名"), required: true }],
      },
    ]);
    await submit();
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getAllByText("至少填写 1 行").length).toBeGreaterThan(0);
    const add = screen.getByRole("button", { name: "添加一行" });
    await user.click(add);
    await user.click(add);
    expect(add.hasAttribute("disabled")).toBe(true);
    const names = screen.getAllByLabelText(/^姓名/);
    await user.type(names[0]!, "甲");
    await user.type(names[1]!, "乙");
    expect(await submit()).toEqual({ family: [{ name: "甲" }, { name: "乙" }] });
  });
});
