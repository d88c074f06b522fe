// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Profiler } from "react";
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

  test("a keystroke re-renders nothing but the fields whose condition it flips", async () => {
    const f = compileForm({
      id: "fs-keys",
      version: 1,
      title: lbl("键"),
      fields: [
        { key: "driver", type: "text", label: lbl("驱动") },
        { key: "dep", type: "text", label: lbl("从属"), visible: "len(driver) > 3" },
        { key: "note", type: "text", label: lbl("备注"), required: true },
        { key: "memo", type: "textarea", label: lbl("说明") },
        { key: "n", type: "number", label: lbl("数") },
        { key: "kind", type: "select", label: lbl("类"), options: [{ value: "a", label: lbl("甲") }] },
      ],
    });
    const commits: string[] = [];
    render(
      <Profiler id="form" onRender={(_id, phase) => commits.push(phase)}>
        <FormRenderer form={f} values={{ note: "已填" }} context={ctx} />
      </Profiler>,
    );
    const user = userEvent.setup();
    expect(screen.getByLabelText(/备注/)).toHaveProperty("value", "已填");
    commits.length = 0;
    await user.type(screen.getByLabelText(/备注/), "十个字的一段备注");
    await user.type(screen.getByLabelText("说明"), "两行\n说明");
    expect(commits).toEqual([]);
    await user.type(screen.getByLabelText("驱动"), "abc");
    expect(commits).toEqual([]);
    expect(screen.queryByLabelText("从属")).toBeNull();
    // The fourth letter shows the dependent field: one commit; more letters change nothing shown.
    await user.type(screen.getByLabelText("驱动"), "defg");
    expect(commits).toEqual(["update"]);
    expect(screen.getByLabelText("从属")).toBeTruthy();
    expect(screen.getByLabelText("驱动")).toHaveProperty("value", "abcdefg");
    expect(screen.getByLabelText(/备注/)).toHaveProperty("value", "已填十个字的一段备注");
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

describe("attachments in the read-only view", () => {
  const files = compileForm({
    id: "fs-files",
    version: 1,
    title: lbl("材料"),
    fields: [
      { key: "proof", type: "file", label: lbl("证明材料") },
      {
        key: "rows",
        type: "group",
        label: lbl("附件明细"),
        fields: [{ key: "scan", type: "file", label: lbl("扫描件") }],
      },
    ],
  });
  const values = {
    proof: [
      { id: "f-1", name: "体检报告.pdf", size: 10, type: "application/pdf" },
      { id: "f-2", name: "照片.jpg", size: 20, type: "image/jpeg" },
    ],
    rows: [{ scan: [{ id: "f-3", name: "扫描.png", size: 30, type: "image/png" }] }],
  };

  test("are links through the host's file storage, in fields and in table cells", () => {
    const { host } = testHost();
    render(
      <FormHostProvider host={host}>
        <FormView form={files} values={values} />
      </FormHostProvider>,
    );
    expect(screen.getByRole("link", { name: "体检报告.pdf" }).getAttribute("href")).toBe("blob:test/f-1");
    expect(screen.getByRole("link", { name: "照片.jpg" }).getAttribute("href")).toBe("blob:test/f-2");
    const cell = screen.getByRole("link", { name: "扫描.png" });
    expect(cell.getAttribute("href")).toBe("blob:test/f-3");
    expect(cell.closest("td")).not.toBeNull();
  });

  test("are buttons when the storage opens files itself, and names without storage", async () => {
    const open = vi.fn();
    render(
      <FormHostProvider host={{ storage: { put: vi.fn(), open } }}>
        <FormView form={files} values={values} />
      </FormHostProvider>,
    );
    await userEvent.setup().click(screen.getByRole("button", { name: "照片.jpg" }));
    expect(open).toHaveBeenCalledWith(values.proof[1]);
    cleanup();
    render(<FormView form={files} values={values} />);
    expect(screen.queryByRole("link")).toBeNull();
    expect(screen.getByText("体检报告.pdf")).toBeTruthy();
  });

  test("the file field's own list opens files the same way", async () => {
    const open = vi.fn();
    render(
      <FormHostProvider host={{ storage: { put: vi.fn(), open } }}>
        <FormRenderer form={files} values={values} context={ctx} />
      </FormHostProvider>,
    );
    await userEvent.setup().click(screen.getByRole("button", { name: "体检报告.pdf" }));
    expect(open).toHaveBeenCalledWith(values.proof[0]);
  });
});

describe("signatures in the read-only view", () => {
  const signed = compileForm({
    id: "fs-sig",
    version: 1,
    title: lbl("签字"),
    fields: [{ key: "sig", type: "signature", label: lbl("签名") }],
  });
  const ref = { id: "f-9", name: "signature.png", size: 8, type: "image/png" };

  test("a stored signature is read through the host's storage and shown as an image", async () => {
    const create = vi.fn(() => "blob:sig-9");
    const revoke = vi.fn();
    const saved = { createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL };
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke });
    const read = vi.fn(async () => new Blob(["png"], { type: "image/png" }));
    const view = render(
      <FormHostProvider host={{ storage: { put: vi.fn(), read } }}>
        <FormView form={signed} values={{ sig: ref }} />
      </FormHostProvider>,
    );
    expect((await screen.findByRole("img", { name: "已签名" })).getAttribute("src")).toBe("blob:sig-9");
    expect(read).toHaveBeenCalledWith(ref);
    view.unmount();
    expect(revoke).toHaveBeenCalledWith("blob:sig-9");
    Object.assign(URL, saved);
  });

  test("without read it links to the stored file; a data URL is shown as it is", () => {
    const { host } = testHost();
    render(
      <FormHostProvider host={host}>
        <FormView form={signed} values={{ sig: ref }} />
      </FormHostProvider>,
    );
    expect(screen.getByRole("link", { name: "signature.png" }).getAttribute("href")).toBe("blob:test/f-9");
    cleanup();
    render(<FormView form={signed} values={{ sig: "data:image/png;base64,AAAA" }} />);
    expect(screen.getByRole("img", { name: "已签名" }).getAttribute("src")).toBe(
      "data:image/png;base64,AAAA",
    );
  });
});
