import {
  type BackupData,
  BackupInvalidError,
  type BackupIssue,
  checkBackup,
  type ImportCounts,
} from "@wf/storage-dexie";
import { roleCatalog } from "@wf/workflows";
import { useId, useState } from "react";
import { useEngine } from "../engine/EngineProvider.tsx";
import { explainError } from "../engine/explainError.ts";
import { type BackupFile, fromBackupFile, toBackupFile } from "../files/fileBackup.ts";
import { formatTime } from "../i18n/formatTime.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import type { Said } from "../i18n/said.ts";
import { ConfirmDialog } from "../ui/ConfirmDialog.tsx";
import { SaidNotice } from "../ui/SaidNotice.tsx";
import { backupValidator } from "./backupChecks.ts";
import { readJson } from "./documentChecks.ts";
import { IssueList } from "./IssueList.tsx";
import { ReloadNotice } from "./ReloadNotice.tsx";
import { fileStamp, saveFile } from "./saveFile.ts";

type Restore =
  | { stage: "checking"; file: string }
  | { stage: "refused"; file: string; issues: readonly BackupIssue[] }
  | { stage: "ready"; file: string; data: BackupData }
  | { stage: "restoring"; file: string }
  | { stage: "restored"; file: string; counts: ImportCounts };

/**
 * A full backup of this browser's database to a JSON file, and a restore from one. The restore
 * checks the whole file first — structure, every definition and form, every case's audit chain —
 * and shows every problem with its JSON path; only a file that passes is offered, and only after
 * a confirmation does one transaction replace the data. A refused restore changes nothing.
 */
export function BackupPanel() {
  const { t, lang } = useI18n();
  const { services, changed } = useEngine();
  const id = useId();
  const [exporting, setExporting] = useState<{ said: Said; tone: "ok" | "error" } | "busy" | undefined>();
  const [restore, setRestore] = useState<Restore | undefined>();
  const [confirming, setConfirming] = useState(false);
  const validate = backupValidator(roleCatalog.map((r) => r.id));

  const exportBackup = async () => {
    setExporting("busy");
    try {
      // Tables first, then files: the app never deletes a file, so every file the tables refer
      // to is in the file store by then (a file added in between is only an unreferenced extra).
      const tables = await services.store.exportAll();
      const files: BackupFile[] = [];
      for (const file of await services.files.all()) files.push(await toBackupFile(file));
      const data = { ...tables, files };
      saveFile(`wf-backup-${fileStamp(data.exportedAt)}.json`, JSON.stringify(data));
      setExporting({
        said: {
          key: "admin.backupSaved",
          values: { cases: data.tables.instances.length, events: data.tables.events.length },
        },
        tone: "ok",
      });
    } catch (error) {
      setExporting({ said: explainError(error), tone: "error" });
    }
  };

  const read = async (file: File) => {
    setRestore({ stage: "checking", file: file.name });
    const json = readJson(await file.text());
    if (!json.ok) return setRestore({ stage: "refused", file: file.name, issues: json.issues });
    const structural = checkBackup(json.value);
    const issues = structural.length > 0 ? structural : await validate(json.value as BackupData);
    setRestore(
      issues.length > 0
        ? { stage: "refused", file: file.name, issues }
        : { stage: "ready", file: file.name, data: json.value as BackupData },
    );
  };

  const run = async (file: string, data: BackupData) => {
    setConfirming(false);
    setRestore({ stage: "restoring", file });
    try {
      // The files live in their own database, so they cannot share the tables' transaction: the
      // checked files are written first (one transaction, keeping what they overwrite), then
      // importAll checks everything again before its one write transaction; if it refuses or
      // fails, the files are rolled back, and only after it succeeded are files that are not in
      // the backup deleted. Backups made before files were backed up leave the file store alone.
      const files = (data as BackupData & { files?: BackupFile[] }).files;
      const staged = files
        ? await services.files.stage(files.map((f) => fromBackupFile(f, data.exportedAt)))
        : undefined;
      let counts: ImportCounts;
      try {
        counts = await services.store.importAll(data, { validate });
      } catch (error) {
        await staged?.rollback();
        throw error;
      }
      // The restore stands once the tables are written; a file left over from before is harmless.
      await staged?.commit().catch(() => undefined);
      changed();
      setRestore({ stage: "restored", file, counts });
    } catch (error) {
      if (error instanceof BackupInvalidError) setRestore({ stage: "refused", file, issues: error.issues });
      else {
        setRestore(undefined);
        setExporting({ said: explainError(error), tone: "error" });
      }
    }
  };

  return (
    <>
      <div className="card">
        <h2>{t("admin.backupTitle")}</h2>
        <p className="muted">{t("admin.backupHelp")}</p>
        <button
          type="button"
          className="btn btn-primary"
          disabled={exporting === "busy"}
          onClick={() => void exportBackup()}
        >
          {exporting === "busy" ? t("common.loading") : t("admin.backupButton")}
        </button>
        {exporting && exporting !== "busy" && <SaidNotice said={exporting.said} tone={exporting.tone} />}
      </div>
      <div className="card">
        <h2>{t("admin.restoreTitle")}</h2>
        <p className="muted">{t("admin.restoreHelp")}</p>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t("admin.restoreFile")}</label>
          <input
            id={`${id}-file`}
            className="input"
            type="file"
            accept=".json,application/json"
            disabled={restore?.stage === "checking" || restore?.stage === "restoring"}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = "";
              if (file) void read(file);
            }}
          />
        </div>
        {restore?.stage === "checking" && (
          <p role="status">{t("admin.restoreChecking", { file: restore.file })}</p>
        )}
        {restore?.stage === "restoring" && <p role="status">{t("admin.restoring")}</p>}
        {restore?.stage === "refused" && (
          <>
            <SaidNotice said={{ key: "admin.restoreRefused", values: { file: restore.file } }} />
            <IssueList issues={restore.issues} />
          </>
        )}
        {restore?.stage === "ready" && (
          <>
            <SaidNotice
              tone="ok"
              said={{
                key: "admin.restoreReady",
                values: {
                  file: restore.file,
                  time: formatTime(restore.data.exportedAt, lang),
                  cases: restore.data.tables.instances.length,
                  events: restore.data.tables.events.length,
                  definitions: restore.data.tables.definitions.length,
                  forms: restore.data.tables.forms.length,
                  drafts: restore.data.tables.drafts.length,
                },
              }}
            />
            <button type="button" className="btn btn-danger" onClick={() => setConfirming(true)}>
              {t("admin.restoreButton")}
            </button>
          </>
        )}
        {restore?.stage === "restored" && (
          <>
            <SaidNotice
              tone="ok"
              said={{
                key: "admin.restored",
                values: { cases: restore.counts.instances, events: restore.counts.events },
              }}
            />
            <ReloadNotice body="admin.restoreReload" />
          </>
        )}
        {confirming && restore?.stage === "ready" && (
          <ConfirmDialog
            title={t("admin.restoreConfirmTitle")}
            confirmLabel={t("admin.restoreButton")}
            onCancel={() => setConfirming(false)}
            onConfirm={() => void run(restore.file, restore.data)}
          >
            <p>{t("admin.restoreConfirmBody", { file: restore.file })}</p>
          </ConfirmDialog>
        )}
      </div>
    </>
  );
}
