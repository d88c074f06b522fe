import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { definitions } from "@wf/workflows";
import { afterEach, describe, expect, it, vi } from "vitest";
import { checkDocument, checkDocuments, documentsOf } from "../src/admin/documentChecks.ts";
import { loadCheckContext } from "../src/admin/publishDocuments.ts";
import {
  captureDownloads,
  downloaded,
  freshOptions,
  openServices,
  people,
  renderAppAt,
} from "./adminHarness.tsx";

const vetting = definitions.find((d) => (d as { id: string }).id === "candidate-vetting") as Record<
  string,
  unknown
>;
const vettingTitle = vetting.title as { zh: string; en: string };

afterEach(() => {
  vi.restoreAllMocks();
});

describe("admin: definitions and forms", () => {
  it("is only for administrators", async () => {
    await renderAppAt("#/admin", people.township, freshOptions());
    expect(await screen.findByText(/系统管理仅供“系统管理员”使用/)).toBeTruthy();
    expect(screen.queryByRole("link", { name: "管理" })).toBeNull();
    expect(screen.queryByRole("heading", { name: "流程定义" })).toBeNull();
  });

  it("lists every definition and form with its versions", async () => {
    await renderAppAt("#/admin", people.admin, freshOptions());
    expect(await screen.findByRole("heading", { name: /流程定义/ })).toBeTruthy();
    expect(screen.getByRole("link", { name: "管理" }).getAttribute("aria-current")).toBe("page");
    expect(await screen.findByText("村“两委”候选人六级评估")).toBeTruthy();
    expect(screen.getByRole("table", { name: "candidate-vetting 的各个版本" })).toBeTruthy();
    expect(screen.getByRole("table", { name: "vt-registration 的各个版本" })).toBeTruthy();
  });

  it("publishes a new version from JSON, shows problems at their JSON path, and leaves running cases on their version", async () => {
    const options = freshOptions();
    const setup = await openServices(options);
    const running = await setup.engine.start({
      definitionId: "candidate-vetting",
      actor: { id: "qx-t03-committee1", unit: "qx-t03-pc", roles: ["township-committee"] },
      actionId: "a-1",
    });
    setup.store.close();

    const user = userEvent.setup();
    await renderAppAt("#/admin/publish", people.admin, options);
    const editor = await screen.findByLabelText("JSON 内容");
    const setText = (text: string) => fireEvent.change(editor, { target: { value: text } });

    setText('{ "id": "x",\n  "version": 1,, }');
    await user.click(screen.getByRole("button", { name: "检查" }));
    expect(await screen.findByText(/line 2, column/)).toBeTruthy();

    const broken = structuredClone(vetting) as {
      version: number;
      steps: Record<string, { outcomes?: Record<string, { to?: string }> }>;
    };
    broken.version = 2;
    const submit = broken.steps.register?.outcomes?.submit;
    if (submit) submit.to = "tallly";
    setText(JSON.stringify(broken));
    await user.click(screen.getByRole("button", { name: "检查" }));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("steps.register.outcomes.submit.to")).toBeTruthy();
    expect(alert.textContent).toMatch(/tally/);
    expect(screen.getByRole("button", { name: "发布" }).hasAttribute("disabled")).toBe(true);

    // The same version with other content is refused: a published version never changes.
    setText(JSON.stringify({ ...vetting, title: { zh: "改过的标题", en: "Changed" } }));
    await user.click(screen.getByRole("button", { name: "检查" }));
    expect(await screen.findByText(/already published with other content/)).toBeTruthy();

    const next = { ...vetting, version: 2, title: { zh: "候选人六级评估(第二版)", en: "Vetting v2" } };
    setText(JSON.stringify(next));
    await user.click(screen.getByRole("button", { name: "检查" }));
    expect(await screen.findByText("检查通过:流程定义 candidate-vetting@2 可以发布。")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "发布" }));
    const dialog = screen.getByRole("alertdialog", { name: "发布 candidate-vetting@2?" });
    await user.click(within(dialog).getByRole("button", { name: "发布" }));
    expect(await screen.findByText("已发布 candidate-vetting@2。")).toBeTruthy();

    const after = await openServices(options);
    expect((await after.store.loadDefinition("candidate-vetting"))?.version).toBe(2);
    const kept = await after.store.loadInstance(running.id);
    expect(kept?.definitionVersion).toBe(1);
    expect(kept?.version).toBe(running.version);
    const v2case = await after.engine.start({
      definitionId: "candidate-vetting",
      actor: { id: "qx-t03-committee1", unit: "qx-t03-pc", roles: ["township-committee"] },
      actionId: "a-2",
    });
    expect(v2case.definitionVersion).toBe(2);
    after.store.close();
  });

  it("exports every definition and form, and imports a file only when all of it passes", async () => {
    const downloads = captureDownloads();
    const options = freshOptions();
    const user = userEvent.setup();
    await renderAppAt("#/admin/transfer", people.admin, options);
    await user.click(await screen.findByRole("button", { name: "导出 JSON" }));
    await waitFor(() => expect(downloads).toHaveLength(1), { timeout: 5000 });
    const bundle = JSON.parse(await downloaded(downloads).text());
    expect(bundle.format).toBe("wf-definitions");
    expect(bundle.definitions.map((d: { id: string }) => d.id)).toContain("candidate-vetting");
    expect(bundle.forms.length).toBeGreaterThan(10);

    // A new form version and a definition that uses it, plus one broken definition: nothing is written.
    const form = {
      id: "vt-extra",
      version: 1,
      title: { zh: "补充材料", en: "Extra" },
      fields: [{ key: "note", type: "text", label: { zh: "说明" } }],
    };
    const usesForm = structuredClone(vetting) as Record<string, unknown> & {
      steps: Record<string, { form?: { ref: string } }>;
    };
    usesForm.version = 2;
    const tally = usesForm.steps.tally;
    if (tally?.form) tally.form.ref = "vt-extra";
    const brokenDef = { ...vetting, id: "other-procedure", initial: "nowhere" };
    const file = {
      format: "wf-definitions",
      exportedAt: "x",
      forms: [form],
      definitions: [usesForm, brokenDef, vetting],
    };
    const input = screen.getByLabelText("选择 JSON 文件");
    await user.upload(input, new File([JSON.stringify(file)], "bundle.json", { type: "application/json" }));
    expect(await screen.findByText("bundle.json 中的内容")).toBeTruthy();
    expect(screen.getByText("已发布(跳过)")).toBeTruthy();
    expect(screen.getAllByText(/^definitions\[1\]\.initial/).length).toBeGreaterThan(0);
    expect(screen.getByRole("button", { name: "发布 2 个新版本" }).hasAttribute("disabled")).toBe(true);

    file.definitions = [usesForm, vetting];
    await user.upload(input, new File([JSON.stringify(file)], "bundle.json", { type: "application/json" }));
    await waitFor(() =>
      expect(screen.getByRole("button", { name: "发布 2 个新版本" }).hasAttribute("disabled")).toBe(false),
    );
    await user.click(screen.getByRole("button", { name: "发布 2 个新版本" }));
    await user.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "发布" }));
    expect(await screen.findByText("已发布 1 个流程定义、1 个表单。")).toBeTruthy();

    const services = await openServices(options);
    expect(await services.store.loadForm("vt-extra", 1)).toBeTruthy();
    expect((await services.store.loadDefinition("candidate-vetting", 2))?.definition).toMatchObject({
      version: 2,
    });
    services.store.close();
  });
});

describe("document checks", () => {
  it("refuses a version below the latest, and tells definitions from forms", async () => {
    const services = await openServices(freshOptions());
    const ctx = await loadCheckContext(services);
    services.store.close();
    const v3 = {
      ...(ctx.definitions.find((d) => d.id === "candidate-vetting")?.definition as object),
      version: 3,
    };
    const ctx3 = {
      ...ctx,
      definitions: [
        ...ctx.definitions,
        { id: "candidate-vetting", version: 3, hash: "h", definition: v3, publishedAt: "t" },
      ],
    };
    const v2 = checkDocument({ ...vetting, version: 2 }, ctx3);
    expect(v2.status).toBe("invalid");
    expect(v2.status === "invalid" && v2.issues[0]).toMatchObject({
      path: "version",
      hint: "publish it as version 4",
    });
    expect(checkDocument({ id: "x" }, ctx)).toMatchObject({ status: "invalid", issues: [{ path: "" }] });
    expect(
      checkDocument({ id: "f", version: 1, title: vettingTitle, fields: [{ key: "a", type: "nope" }] }, ctx),
    ).toMatchObject({
      status: "invalid",
      kind: "form",
    });
    const docs = documentsOf([vetting, vetting]);
    if (!("docs" in docs)) throw new Error("expected documents");
    expect(checkDocuments(docs.docs, ctx).map((d) => d.result.status)).toEqual(["published", "invalid"]);
  });
});
