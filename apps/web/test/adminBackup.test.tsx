import { Blob as NodeBlob, File as NodeFile } from "node:buffer";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { BackupData } from "@wf/storage-dexie";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  captureDownloads,
  downloaded,
  freshOptions,
  openServices,
  people,
  renderAppAt,
} from "./adminHarness.tsx";

const township = { id: "qx-t03-committee1", unit: "qx-t03-pc", roles: ["township-committee"] };

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

// fake-indexeddb clones rows with Node's structuredClone, which keeps Node's Blobs but turns
// jsdom's into empty objects; a browser keeps either. Files stored in these tests are Node's.
const nodeFile = (bytes: BlobPart[], name: string, type: string) =>
  new NodeFile(bytes as ConstructorParameters<typeof NodeFile>[0], name, { type }) as unknown as File;
const useNodeBlobs = () => vi.stubGlobal("Blob", NodeBlob);

const attachmentBytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0, 1, 2, 250, 255]);

/**
 * A database holding one vetting case (and, when asked, a draft with an attachment), and its
 * backup taken through the admin screen.
 */
async function backupWithOneCase(withAttachment = false) {
  const downloads = captureDownloads();
  const options = freshOptions();
  const services = await openServices(options);
  const started = await services.engine.start({
    definitionId: "candidate-vetting",
    actor: township,
    actionId: "s-1",
  });
  let fileId: string | undefined;
  if (withAttachment) {
    const ref = await services.files.put(nodeFile([attachmentBytes], "proof.pdf", "application/pdf"));
    fileId = ref.id;
    await services.store.saveDraft("some-task", township.id, { proof: [ref] });
  }
  services.store.close();
  services.files.close();
  const user = userEvent.setup();
  const view = await renderAppAt("#/admin/backup", people.admin, options);
  await user.click(await screen.findByRole("button", { name: "下载完整备份" }));
  expect(await screen.findByText("备份已生成:1 个案件、1 条审计记录。")).toBeTruthy();
  await waitFor(() => expect(downloads).toHaveLength(1), { timeout: 5000 });
  expect(downloads[0]?.name).toMatch(/^wf-backup-.*\.json$/);
  const backup = JSON.parse(await downloaded(downloads).text()) as BackupData;
  view.unmount();
  return { backup, caseId: started.id, fileId };
}

type WithFiles = BackupData & {
  files?: { id: string; name: string; size: number; sha256: string; data: string }[];
};

async function bytesOf(blob: Blob): Promise<number[]> {
  return Array.from(new Uint8Array(await new Response(blob).arrayBuffer()));
}

describe("admin: backup and restore", () => {
  it("refuses a tampered backup with the path of every problem and writes nothing", async () => {
    const { backup } = await backupWithOneCase();
    const tampered = structuredClone(backup);
    const event = tampered.tables.events[0];
    if (event) event.actor = "someone-else";
    const definition = tampered.tables.definitions.find((d) => d.id === "candidate-vetting");
    if (definition) (definition.definition as { initial: string }).initial = "nowhere";

    // Restore into another database that holds a different case: it must survive the refusal.
    const options = freshOptions();
    const target = await openServices(options);
    const other = await target.engine.start({
      definitionId: "candidate-vetting",
      actor: township,
      actionId: "t-1",
    });
    target.store.close();
    const user = userEvent.setup();
    await renderAppAt("#/admin/backup", people.admin, options);
    await user.upload(
      await screen.findByLabelText("选择备份文件"),
      new File([JSON.stringify(tampered)], "bad.json", { type: "application/json" }),
    );
    expect(await screen.findByText("bad.json 未通过检查,没有写入任何数据。")).toBeTruthy();
    const problems = screen.getByText(/发现 \d+ 个问题/).closest("div") as HTMLElement;
    expect(within(problems).getByText("$.tables.events[0]")).toBeTruthy();
    expect(within(problems).getByText(/was changed after it was written/)).toBeTruthy();
    expect(
      within(problems).getAllByText(/^\$\.tables\.definitions\[\d+\]\.definition/).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByRole("button", { name: "用此备份替换全部数据" })).toBeNull();

    const after = await openServices(options);
    expect((await after.store.queryInstances({})).map((c) => c.id)).toEqual([other.id]);
    after.store.close();
  });

  it("shows what a sound backup holds, asks, then replaces every table", async () => {
    const { backup, caseId } = await backupWithOneCase();
    const options = freshOptions();
    const target = await openServices(options);
    const other = await target.engine.start({
      definitionId: "candidate-vetting",
      actor: township,
      actionId: "t-1",
    });
    target.store.close();

    const user = userEvent.setup();
    await renderAppAt("#/admin/backup", people.admin, options);
    await user.upload(
      await screen.findByLabelText("选择备份文件"),
      new File([JSON.stringify(backup)], "good.json", { type: "application/json" }),
    );
    expect(await screen.findByText(/good\.json 检查通过.*1 个案件、1 条审计记录/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "用此备份替换全部数据" }));
    const dialog = screen.getByRole("alertdialog", { name: "替换本浏览器中的全部数据?" });
    // Cancel is focused first: the safe choice.
    expect(document.activeElement?.textContent).toBe("取消");
    await user.click(within(dialog).getByRole("button", { name: "用此备份替换全部数据" }));
    expect(await screen.findByText("恢复完成:1 个案件、1 条审计记录。")).toBeTruthy();
    expect(screen.getByRole("button", { name: "重新加载" })).toBeTruthy();

    const after = await openServices(options);
    const ids = (await after.store.queryInstances({})).map((c) => c.id);
    expect(ids).toEqual([caseId]);
    expect(ids).not.toContain(other.id);
    expect(await after.engine.verify(caseId)).toEqual({ ok: true });
    after.store.close();
  });

  it("backs up an attachment and restores it into an empty database with the same bytes", async () => {
    const { backup, fileId } = await backupWithOneCase(true);
    const withFiles = backup as WithFiles;
    expect(withFiles.files?.map((f) => [f.id, f.name, f.size])).toEqual([[fileId, "proof.pdf", 10]]);

    const options = freshOptions();
    const user = userEvent.setup();
    const view = await renderAppAt("#/admin/backup", people.admin, options);
    await user.upload(
      await screen.findByLabelText("选择备份文件"),
      new File([JSON.stringify(backup)], "good.json", { type: "application/json" }),
    );
    useNodeBlobs();
    await user.click(await screen.findByRole("button", { name: "用此备份替换全部数据" }));
    const dialog = screen.getByRole("alertdialog", { name: "替换本浏览器中的全部数据?" });
    await user.click(within(dialog).getByRole("button", { name: "用此备份替换全部数据" }));
    expect(await screen.findByText("恢复完成:1 个案件、1 条审计记录。")).toBeTruthy();
    view.unmount();

    // The file page opens the restored attachment as a blob URL: the same bytes as stored.
    const opened: Blob[] = [];
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      opened.push(blob as Blob);
      return `blob:test/opened-${opened.length}`;
    };
    await renderAppAt(`#/file/${encodeURIComponent(fileId ?? "")}`, people.admin, options);
    expect(await screen.findByText(/proof\.pdf/)).toBeTruthy();
    expect(opened).toHaveLength(1);
    expect(await bytesOf(opened[0] as Blob)).toEqual(Array.from(attachmentBytes));
  });

  it("refuses a backup whose file does not match its hash, with the path, and writes nothing", async () => {
    const { backup } = await backupWithOneCase(true);
    const tampered = structuredClone(backup) as WithFiles;
    const file = tampered.files?.[0];
    if (file) file.data = btoa("%PDF-XXXXX");

    const options = freshOptions();
    const target = await openServices(options);
    const kept = await target.files.put(nodeFile(["keep me"], "kept.txt", "text/plain"));
    target.store.close();
    target.files.close();
    const user = userEvent.setup();
    const view = await renderAppAt("#/admin/backup", people.admin, options);
    await user.upload(
      await screen.findByLabelText("选择备份文件"),
      new File([JSON.stringify(tampered)], "bad.json", { type: "application/json" }),
    );
    expect(await screen.findByText("bad.json 未通过检查,没有写入任何数据。")).toBeTruthy();
    const problems = screen.getByText(/发现 \d+ 个问题/).closest("div") as HTMLElement;
    expect(within(problems).getByText("$.files[0].sha256")).toBeTruthy();
    view.unmount();

    const after = await openServices(options);
    expect(await after.store.queryInstances({})).toEqual([]);
    expect((await after.files.all()).map((f) => f.id)).toEqual([kept.id]);
    after.store.close();
    after.files.close();
  });

  it("still restores an old backup that has no files section", async () => {
    const { backup, caseId } = await backupWithOneCase(true);
    const old = structuredClone(backup) as WithFiles;
    delete old.files;
    const options = freshOptions();
    const user = userEvent.setup();
    await renderAppAt("#/admin/backup", people.admin, options);
    await user.upload(
      await screen.findByLabelText("选择备份文件"),
      new File([JSON.stringify(old)], "old.json", { type: "application/json" }),
    );
    await user.click(await screen.findByRole("button", { name: "用此备份替换全部数据" }));
    const dialog = screen.getByRole("alertdialog", { name: "替换本浏览器中的全部数据?" });
    await user.click(within(dialog).getByRole("button", { name: "用此备份替换全部数据" }));
    expect(await screen.findByText("恢复完成:1 个案件、1 条审计记录。")).toBeTruthy();
    const after = await openServices(options);
    expect((await after.store.queryInstances({})).map((c) => c.id)).toEqual([caseId]);
    after.store.close();
  });

  it("names the line and column of a file that is not JSON", async () => {
    const user = userEvent.setup();
    await renderAppAt("#/admin/backup", people.admin, freshOptions());
    await user.upload(
      await screen.findByLabelText("选择备份文件"),
      new File(['{\n  "format": "wf-backup",\n  oops\n}'], "broken.json", { type: "application/json" }),
    );
    expect(await screen.findByText(/line 3, column/)).toBeTruthy();
  });
});
