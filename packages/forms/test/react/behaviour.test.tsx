// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createRef } from "react";
import { afterEach, describe, expect, test, vi } from "vitest";
import { compileForm, type FieldPermissions, type FormValues, type Locale } from "../../src/index";
import { FormHostProvider, FormRenderer, type FormRendererHandle, FormStyles } from "../../src/react/index";
import { testHost } from "./host";

afterEach(cleanup);

const ctx = { env: { now: "2026-03-15T09:00:00+08:00" } };
const lbl = (zh: string, en = zh) => ({ zh, en });
const rank = {
  key: "rank",
  type: "select",
  label: lbl("职级", "Rank"),
  required: true,
  options: [
    { value: "正科", label: lbl("正科", "Section chief") },
    { value: "副科", label: lbl("副科", "Deputy") },
  ],
};

function setup(
  fields: unknown[],
  opts: {
    values?: FormValues;
    permissions?: FieldPermissions;
    locale?: Locale;
    onDraft?: (v: FormValues) => void;
  } = {},
) {
  const user = userEvent.setup();
  const onSubmit = vi.fn();
  const form = compileForm({ id: "fs-b", version: 1, title: lbl("表单", "Form"), fields });
  const { host } = testHost();
  const view = render(
    <FormHostProvider host={host}>
      <FormStyles />
      <FormRenderer
        form={form}
        values={opts.values}
        permissions={opts.permissions}
        locale={opts.locale}
        onDraft={opts.onDraft}
        draftDelay={50}
        onSubmit={onSubmit}
        context={ctx}
      />
    </FormHostProvider>,
  );
  return { user, onSubmit, view, form };
}

describe("conditional logic", () => {
  test("visible, required and readonly follow other fields; hidden values are not submitted", async () => {
    const { user, onSubmit } = setup([
      rank,
      { key: "age", type: "number", label: lbl("年龄") },
      { key: "note", type: "text", label: lbl("说明"), visible: "rank == '副科'" },
      { key: "reason", type: "text", label: lbl("理由"), required: "age > 30" },
      { key: "code", type: "text", label: lbl("代码"), readonly: "rank == '正科'", default: "A1" },
      { key: "other", type: "text", label: lbl("其他"), disabled: "age == null" },
    ]);
    expect(screen.queryByLabelText("说明")).toBeNull();
    expect(screen.getByLabelText("其他").hasAttribute("disabled")).toBe(true);
    await user.selectOptions(screen.getByLabelText(/职级/), "副科");
    await user.type(screen.getByLabelText("说明"), "临时");
    await user.type(screen.getByLabelText("年龄"), "31");
    expect(screen.getByLabelText(/理由/).getAttribute("aria-required")).toBe("true");
    expect(screen.getByLabelText("其他").hasAttribute("disabled")).toBe(false);
    await user.selectOptions(screen.getByLabelText(/职级/), "正科");
    expect(screen.queryByLabelText("说明")).toBeNull();
    expect(screen.getByLabelText("代码").tagName).toBe("OUTPUT");
    await user.type(screen.getByLabelText(/理由/), "需要");
    await user.click(screen.getByRole("button", { name: "提交" }));
    expect(onSubmit.mock.calls[0]?.[0]).toEqual({ rank: "正科", age: 31, reason: "需要", code: "A1" });
  });

  test("options are filtered by their conditions", async () => {
    const { user } = setup([
      rank,
      {
        key: "post",
        type: "select",
        label: lbl("岗位"),
        options: [
          { value: "s", label: lbl("书记") },
          { value: "d", label: lbl("副书记"), visible: "rank == '副科'" },
        ],
      },
    ]);
    const names = () =>
      within(screen.getByLabelText("岗位"))
        .getAllByRole("option")
        .map((o) => o.textContent);
    expect(names()).toEqual(["请选择", "书记"]);
    await user.selectOptions(screen.getByLabelText(/职级/), "副科");
    expect(names()).toEqual(["请选择", "书记", "副书记"]);
  });

  test("a section with a condition appears with its fields", async () => {
    const { user } = setup([
      rank,
      {
        type: "section",
        label: lbl("副科信息"),
        visible: "rank == '副科'",
        fields: [{ key: "x", type: "text", label: lbl("甲") }],
      },
    ]);
    expect(screen.queryByRole("group", { name: "副科信息" })).toBeNull();
    await user.selectOptions(screen.getByLabelText(/职级/), "副科");
    expect(within(screen.getByRole("group", { name: "副科信息" })).getByLabelText("甲")).toBeTruthy();
  });
});

test("chained conditions: a hidden answer reads as empty from the moment the form opens", async () => {
  const { user } = setup(
    [
      { key: "x", type: "switch", label: lbl("开关") },
      { key: "a", type: "text", label: lbl("甲"), visible: "x == true" },
      { key: "b", type: "text", label: lbl("乙"), visible: "a == 'y'" },
      { key: "c", type: "number", label: lbl("丙"), calc: "a == null ? 0 : 1" },
    ],
    { values: { x: false, a: "y" } },
  );
  expect(screen.queryByLabelText("乙")).toBeNull();
  expect(screen.getByLabelText("丙").textContent).toBe("0");
  await user.click(screen.getByRole("switch"));
  expect(screen.getByLabelText("乙")).toBeTruthy();
  expect(screen.getByLabelText("丙").textContent).toBe("1");
});

test("an error goes away with its field when a condition hides it", async () => {
  const { user } = setup([
    { key: "x", type: "switch", label: lbl("需要说明") },
    { key: "why", type: "text", label: lbl("说明"), visible: "x == true", required: true },
  ]);
  await user.click(screen.getByRole("switch"));
  await user.click(screen.getByRole("button", { name: "提交" }));
  expect(screen.getByRole("alert").textContent).toContain("说明: 此项为必填项");
  await user.click(screen.getByRole("switch"));
  expect(screen.queryByRole("alert")).toBeNull();
});

test("rows added or removed get their conditions and calculations at once", async () => {
  const form = compileForm({
    id: "x",
    version: 1,
    title: { zh: "x" },
    fields: [
      {
        key: "items",
        type: "table",
        fields: [
          { key: "kind", type: "text", label: { zh: "类" }, default: "x" },
          { key: "extra", type: "text", label: { zh: "附加" }, visible: "row.kind == 'x'" },
          { key: "n", type: "number", label: { zh: "数" }, default: 2 },
          { key: "double", type: "number", label: { zh: "倍" }, calc: "row.n * 2" },
        ],
      },
      { key: "count", type: "number", label: { zh: "行数" }, calc: "len(items)" },
    ],
  });
  const user = userEvent.setup();
  render(<FormRenderer form={form} context={ctx} />);
  await user.click(screen.getByRole("button", { name: "添加一行" }));
  expect(screen.getAllByLabelText("附加(第 1 行)")).toHaveLength(1);
  expect(screen.getByLabelText("倍(第 1 行)").textContent).toBe("4");
  expect(screen.getByLabelText("行数").textContent).toBe("1");
  await user.click(screen.getByRole("button", { name: "删除第 1 行" }));
  expect(screen.getByLabelText("行数").textContent).toBe("0");
});

describe("per-step permissions", () => {
  const fields = [
    { key: "name", type: "text", label: lbl("姓名"), required: true },
    { key: "opinion", type: "textarea", label: lbl("意见") },
    { key: "secret", type: "text", label: lbl("内部") },
  ];

  test("hidden fields are absent, readonly ones are text, required ones are demanded", async () => {
    const { user, onSubmit } = setup(fields, {
      values: { name: "张三", secret: "x" },
      permissions: { default: "readonly", fields: { opinion: "required", secret: "hidden" } },
    });
    expect(screen.queryByText("内部")).toBeNull();
    expect(screen.getByLabelText("姓名").tagName).toBe("OUTPUT");
    expect(screen.getByLabelText("姓名").textContent).toBe("张三");
    await user.click(screen.getByRole("button", { name: "提交" }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole("alert").textContent).toContain("意见: 此项为必填项");
    await user.type(screen.getByLabelText(/意见/), "同意");
    await user.click(screen.getByRole("button", { name: "提交" }));
    expect(onSubmit.mock.calls[0]?.[0]).toEqual({ name: "张三", opinion: "同意" });
  });
});

test("new permissions apply to the open form without losing what was typed", async () => {
  const form = compileForm({
    id: "fs-p",
    version: 1,
    title: lbl("表"),
    fields: [
      { key: "a", type: "text", label: lbl("甲") },
      { key: "b", type: "text", label: lbl("乙") },
    ],
  });
  const user = userEvent.setup();
  const view = render(<FormRenderer form={form} permissions={{ default: "editable" }} context={ctx} />);
  await user.type(screen.getByLabelText("甲"), "已填");
  view.rerender(
    <FormRenderer form={form} permissions={{ fields: { a: "readonly", b: "hidden" } }} context={ctx} />,
  );
  expect(screen.getByLabelText("甲").textContent).toBe("已填");
  expect(screen.queryByLabelText("乙")).toBeNull();
});

describe("error summary and accessibility", () => {
  test("the summary takes focus, links to each field, and errors are described", async () => {
    const { user } = setup([
      { key: "a", type: "text", label: lbl("甲"), required: true },
      { key: "b", type: "number", label: lbl("乙"), max: 5, help: lbl("不超过5") },
    ]);
    await user.type(screen.getByLabelText("乙"), "9");
    await user.click(screen.getByRole("button", { name: "提交" }));
    const summary = screen.getByRole("alert");
    expect(document.activeElement).toBe(summary);
    expect(within(summary).getByRole("heading").textContent).toBe("请更正以下 2 个问题");
    const b = screen.getByLabelText("乙");
    expect(b.getAttribute("aria-invalid")).toBe("true");
    const described = (b.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(["不超过5", "不能大于 5"]);
    await user.click(within(summary).getByRole("link", { name: "乙: 不能大于 5" }));
    await act(() => new Promise((r) => setTimeout(r, 5)));
    expect(document.activeElement).toBe(b);
    await user.clear(b);
    await user.type(b, "3");
    expect(b.getAttribute("aria-invalid")).toBe("false");
    expect(within(summary).getByRole("heading").textContent).toBe("请更正以下 1 个问题");
  });

  test("a summary link switches to the tab that holds the field; tabs work with arrow keys", async () => {
    const { user } = setup([
      {
        type: "tabs",
        tabs: [
          { title: lbl("基本"), fields: [{ key: "a", type: "text", label: lbl("甲") }] },
          { title: lbl("其他"), fields: [{ key: "b", type: "text", label: lbl("乙"), required: true }] },
        ],
      },
    ]);
    const first = screen.getByRole("tab", { name: "基本" });
    first.focus();
    await user.keyboard("{ArrowRight}");
    expect(screen.getByRole("tab", { name: "其他" }).getAttribute("aria-selected")).toBe("true");
    expect(document.activeElement).toBe(screen.getByRole("tab", { name: "其他" }));
    await user.keyboard("{Home}");
    expect(screen.getByLabelText("甲")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "提交" }));
    await user.click(within(screen.getByRole("alert")).getByRole("link"));
    await act(() => new Promise((r) => setTimeout(r, 5)));
    expect(document.activeElement).toBe(screen.getByLabelText(/乙/));
  });

  test("everything is reachable with the keyboard alone", async () => {
    const { user, onSubmit } = setup([
      { key: "a", type: "text", label: lbl("甲") },
      { key: "s", type: "switch", label: lbl("开关") },
    ]);
    await user.tab();
    await user.keyboard("好");
    await user.tab();
    await user.keyboard("{Enter}");
    await user.tab();
    await user.keyboard("{Enter}");
    expect(onSubmit.mock.calls[0]?.[0]).toEqual({ a: "好", s: true });
  });
});

test("every field type's control is named by its label and carries the id the summary links to", () => {
  const opts = [{ value: "a", label: lbl("选项甲") }];
  const types: [string, Record<string, unknown>][] = [
    ["text", {}],
    ["textarea", {}],
    ["number", {}],
    ["money", {}],
    ["date", {}],
    ["datetime", {}],
    ["select", { options: opts }],
    ["radio", { options: opts }],
    ["multiSelect", { options: opts }],
    ["checkbox", {}],
    ["switch", {}],
    ["idCard", {}],
    ["mobile", {}],
    ["personPicker", {}],
    ["orgPicker", {}],
    ["file", {}],
    ["signature", {}],
  ];
  setup(
    types.map(([type, extra], i) => ({
      key: `f${i}`,
      type,
      label: lbl(`字段${i}`),
      required: true,
      ...extra,
    })),
  );
  const unnamed = types.filter(
    (_, i) => !screen.getByLabelText(new RegExp(`^字段${i}\\*?$`)).id.endsWith(`-f${i}`),
  );
  expect(unnamed).toEqual([]);
});

describe("wizard pages", () => {
  const wizard = [
    {
      type: "wizard",
      pages: [
        { title: lbl("第一步"), fields: [{ key: "a", type: "text", label: lbl("甲"), required: true }] },
        { title: lbl("第二步"), fields: [{ key: "b", type: "text", label: lbl("乙"), required: true }] },
        { title: lbl("第三步"), fields: [{ key: "c", type: "text", label: lbl("丙") }] },
      ],
    },
  ];

  test("next validates the page, back keeps what was typed, submit on the last page", async () => {
    const { user, onSubmit } = setup(wizard);
    expect(screen.getByText(/第 1 步,共 3 步/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "提交" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "下一步" }));
    expect(screen.getByRole("alert").textContent).toContain("甲");
    expect(screen.getByText(/第 1 步/)).toBeTruthy();
    await user.type(screen.getByLabelText(/甲/), "一");
    await user.click(screen.getByRole("button", { name: "下一步" }));
    expect(screen.getByLabelText(/乙/)).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(document.activeElement?.textContent).toContain("第二步");
    await user.click(screen.getByRole("button", { name: "上一步" }));
    expect((screen.getByLabelText(/甲/) as HTMLInputElement).value).toBe("一");
    await user.click(screen.getByRole("button", { name: "下一步" }));
    await user.type(screen.getByLabelText(/乙/), "二");
    await user.click(screen.getByRole("button", { name: "下一步" }));
    await user.click(screen.getByRole("button", { name: "提交" }));
    expect(onSubmit.mock.calls[0]?.[0]).toEqual({ a: "一", b: "二" });
  });
});

test("the host may submit the form itself (outcome buttons) with no submit button shown", async () => {
  const onSubmit = vi.fn();
  const form = compileForm({
    id: "fs-h",
    version: 1,
    title: lbl("表"),
    fields: [{ key: "a", type: "text", label: lbl("甲") }],
  });
  render(<FormRenderer form={form} hideSubmit onSubmit={onSubmit} context={ctx} />);
  expect(screen.queryByRole("button", { name: "提交" })).toBeNull();
  await userEvent.setup().type(screen.getByLabelText("甲"), "好");
  await act(async () => document.querySelector("form")?.requestSubmit());
  expect(onSubmit.mock.calls[0]?.[0]).toEqual({ a: "好" });
});

test("the host's own buttons validate and submit through the ref handle", async () => {
  const onSubmit = vi.fn();
  const form = compileForm({
    id: "fs-r",
    version: 1,
    title: lbl("表"),
    fields: [{ key: "a", type: "text", label: lbl("甲"), required: true }],
  });
  const handle = createRef<FormRendererHandle>();
  render(<FormRenderer ref={handle} form={form} hideSubmit onSubmit={onSubmit} context={ctx} />);
  expect(screen.queryByRole("button")).toBeNull();
  let ok: boolean | undefined;
  await act(async () => {
    ok = await handle.current?.submit();
  });
  expect(ok).toBe(false);
  expect(onSubmit).not.toHaveBeenCalled();
  expect(document.activeElement).toBe(screen.getByRole("alert"));
  expect(screen.getByLabelText(/甲/).getAttribute("aria-invalid")).toBe("true");
  await userEvent.setup().type(screen.getByLabelText(/甲/), "好");
  expect(handle.current?.values()).toEqual({ a: "好" });
  await act(async () => {
    ok = await handle.current?.submit();
  });
  expect(ok).toBe(true);
  expect(onSubmit.mock.calls[0]?.[0]).toEqual({ a: "好" });
});

test("issues from the engine are shown on their fields and in the summary", async () => {
  const form = compileForm({
    id: "fs-i",
    version: 1,
    title: lbl("表"),
    fields: [
      { key: "who", type: "text", label: lbl("人员") },
      {
        key: "items",
        type: "table",
        label: lbl("明细"),
        fields: [{ key: "n", type: "number", label: lbl("数") }],
      },
    ],
  });
  const issues = [
    { path: "who", message: { zh: "人员不存在", en: "Unknown person" } },
    { path: "items", message: { zh: "至少填写 1 行", en: "At least 1 row" } },
  ];
  render(<FormRenderer form={form} issues={issues} context={ctx} />);
  const summary = await screen.findByRole("alert");
  expect(document.activeElement).toBe(summary);
  expect(
    within(summary)
      .getAllByRole("link")
      .map((a) => a.textContent),
  ).toEqual(["人员: 人员不存在", "明细: 至少填写 1 行"]);
  expect(screen.getByLabelText("人员").getAttribute("aria-invalid")).toBe("true");
});

describe("locale, drafts and bad saved data", () => {
  test("English when asked", async () => {
    const { user } = setup([rank], { locale: "en" });
    expect(screen.getByRole("heading", { name: "Form" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Submit" }));
    expect(screen.getByRole("alert").textContent).toContain("Rank: This field is required");
  });

  test("drafts are saved after typing pauses and when the form closes", async () => {
    const onDraft = vi.fn();
    const { user, view } = setup([{ key: "a", type: "text", label: lbl("甲") }], { onDraft });
    await user.type(screen.getByLabelText("甲"), "草稿");
    await act(() => new Promise((r) => setTimeout(r, 80)));
    expect(onDraft).toHaveBeenLastCalledWith({ a: "草稿" });
    const calls = onDraft.mock.calls.length;
    await user.type(screen.getByLabelText("甲"), "二");
    view.unmount();
    expect(onDraft).toHaveBeenCalledTimes(calls + 1);
    expect(onDraft).toHaveBeenLastCalledWith({ a: "草稿二" });
  });

  test("garbage in every field type renders, and each field says what it expected", () => {
    const opts = [{ value: "a", label: lbl("甲") }];
    const types: [string, Record<string, unknown>][] = [
      ["text", {}],
      ["textarea", {}],
      ["number", {}],
      ["money", {}],
      ["date", {}],
      ["datetime", {}],
      ["select", { options: opts }],
      ["radio", { options: opts }],
      ["multiSelect", { options: opts }],
      ["checkbox", {}],
      ["switch", {}],
      ["idCard", {}],
      ["mobile", {}],
      ["personPicker", {}],
      ["orgPicker", { multiple: true }],
      ["file", {}],
      ["signature", {}],
    ];
    const fields = types.map(([type, extra], i) => ({
      key: `f${i}`,
      type,
      label: lbl(`字段${i}`),
      ...extra,
    }));
    const values = Object.fromEntries(
      fields.map((f, i) => [f.key, i % 2 === 0 ? { bad: true } : [1, { x: 2 }]]),
    );
    setup(fields, { values });
    const said = fields.map((f) => {
      const item = document.querySelector(`[data-field="${f.key}"]`);
      return `${f.type}: ${item?.querySelector(".wf-error")?.textContent ?? "(none)"}`;
    });
    expect(said.filter((s) => !/: 应为/.test(s))).toEqual([]);
    cleanup();
    // A saved choice that is no longer offered is reported too.
    setup([fields[6]!, fields[7]!], { values: { f6: "gone", f7: 12345 } });
    expect(document.querySelectorAll(".wf-error")).toHaveLength(2);
  });

  test("saved values of the wrong type are reported on their fields, not a crash", () => {
    setup(
      [
        { key: "n", type: "number", label: lbl("数") },
        { key: "d", type: "date", label: lbl("日") },
        { key: "g", type: "table", label: lbl("表"), fields: [{ key: "x", type: "text", label: lbl("列") }] },
      ],
      { values: { n: "abc", d: 5, g: "oops" } },
    );
    expect(screen.getByLabelText("数").getAttribute("aria-invalid")).toBe("true");
    expect((screen.getByLabelText("数") as HTMLInputElement).value).toBe("abc");
    expect(screen.getByLabelText("日").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByLabelText("表").textContent).toBe('"oops"');
    expect(screen.getAllByText("应为行列表").length).toBeGreaterThan(0);
  });
});
