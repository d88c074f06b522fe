// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test, vi } from "vitest";
import { compileForm } from "../../src/index";
import { FormHostProvider, FormRenderer, FormView } from "../../src/react/index";
import { testHost } from "./host";

afterEach(cleanup);

const ctx = { env: { now: "2026-03-15T09:00:00+08:00" } };
const lbl = (zh: string, en = zh) => ({ zh, en });

const form = compileForm({
  id: "fs-view",
  version: 1,
  title: lbl("考察报告", "Inspection report"),
  fields: [
    {
      type: "tabs",
      tabs: [
        {
          title: lbl("人员"),
          fields: [
            { key: "person", type: "personPicker", label: lbl("考察对象") },
            { key: "salary", type: "money", label: lbl("月薪") },
            { key: "ok", type: "switch", label: lbl("合格", "Passed") },
          ],
        },
        {
          title: lbl("明细"),
          fields: [
            {
              key: "items",
              type: "table",
              label: lbl("经费"),
              fields: [
                { key: "what", type: "text", label: lbl("项目") },
                { key: "amount", type: "money", label: lbl("金额") },
              ],
            },
          ],
        },
      ],
    },
    { key: "secret", type: "text", label: lbl("内部意见"), visible: "ok == false" },
  ],
});

describe("read-only and print view", () => {
  test("shows every visible field as text, tabs one after another, tables as tables", () => {
    const { host } = testHost();
    render(
      <FormHostProvider host={host}>
        <FormView
          form={form}
          values={{
            person: "p-li",
            salary: 4460,
            ok: true,
            items: [{ what: "培训", amount: 1200.5 }],
            secret: "x",
          }}
          context={ctx}
        />
      </FormHostProvider>,
    );
    const article = screen.getByRole("article", { name: "考察报告" });
    expect(within(article).getByText("李娜")).toBeTruthy();
    expect(within(article).getByText("CNY 4,460.00")).toBeTruthy();
    expect(within(article).getByText("是")).toBeTruthy();
    expect(within(article).queryByText("内部意见")).toBeNull();
    const table = within(article).getByRole("table", { name: "经费" });
    expect(within(table).getByText("CNY 1,200.50")).toBeTruthy();
    expect(
      within(article)
        .getAllByRole("heading")
        .map((h) => h.textContent),
    ).toEqual(["考察报告", "人员", "明细"]);
    expect(document.querySelector("input, select, textarea")).toBeNull();
  });

  test("FormRenderer readOnly renders the view, in English when asked; bad data is shown as is", () => {
    render(
      <FormRenderer
        form={form}
        readOnly
        locale="en"
        values={{ ok: false, secret: "再议", salary: "lots" }}
        context={ctx}
      />,
    );
    expect(screen.getByRole("article", { name: "Inspection report" })).toBeTruthy();
    expect(screen.getByText("Passed")).toBeTruthy();
    expect(screen.getByText("No")).toBeTruthy();
    expect(screen.getByText("再议")).toBeTruthy();
    expect(screen.getByText("lots")).toBeTruthy();
  });

  test("the print button prints", async () => {
    const print = vi.fn();
    vi.stubGlobal("print", print);
    render(<FormRenderer form={form} readOnly printButton values={{}} context={ctx} />);
    await userEvent.setup().click(screen.getByRole("button", { name: "打印" }));
    expect(print).toHaveBeenCalledTimes(1);
    vi.unstubAllGlobals();
  });
});

describe("rendering cost", () => {
  test("typing in one field does not re-render the others", async () => {
    const { host } = testHost();
    const person = vi.spyOn(host.directory!, "person");
    const small = compileForm({
      id: "fs-small",
      version: 1,
      title: lbl("小"),
      fields: [
        { key: "who", type: "personPicker", label: lbl("人员") },
        { key: "note", type: "text", label: lbl("备注") },
      ],
    });
    render(
      <FormHostProvider host={host}>
        <FormRenderer form={small} values={{ who: "p-li" }} context={ctx} />
      </FormHostProvider>,
    );
    const before = person.mock.calls.length;
    expect(before).toBeGreaterThan(0);
    await userEvent.setup().type(screen.getByLabelText("备注"), "十个字的一段备注内容");
    expect(person.mock.calls.length).toBe(before);
  });

  test("typing in one cell of a table does not re-render the other cells", async () => {
    const { host } = testHost();
    const person = vi.spyOn(host.directory!, "person");
    const table = compileForm({
      id: "fs-table",
      version: 1,
      title: lbl("表"),
      fields: [
        {
          key: "rows",
          type: "table",
          label: lbl("名单"),
          fields: [
            { key: "who", type: "personPicker", label: lbl("人员") },
            { key: "note", type: "text", label: lbl("备注") },
          ],
        },
      ],
    });
    render(
      <FormHostProvider host={host}>
        <FormRenderer
          form={table}
          values={{
            rows: [
              { who: "p-li", note: null },
              { who: "p-zhang", note: null },
            ],
          }}
          context={ctx}
        />
      </FormHostProvider>,
    );
    const before = person.mock.calls.length;
    await userEvent.setup().type(screen.getByLabelText("备注(第 2 行)"), "五个字备注");
    expect(person.mock.calls.length).toBe(before);
  });
});
