import { useId, useState } from "react";
import { useEngine } from "../engine/EngineProvider.tsx";
import { explainError } from "../engine/explainError.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import type { Said } from "../i18n/said.ts";
import { ConfirmDialog } from "../ui/ConfirmDialog.tsx";
import { SaidNotice } from "../ui/SaidNotice.tsx";
import {
  bundleFormat,
  type CheckedDocument,
  checkDocuments,
  type DefinitionBundle,
  type DocumentIssue,
  documentsOf,
  readJson,
} from "./documentChecks.ts";
import { IssueList } from "./IssueList.tsx";
import { loadCheckContext, publishDocuments } from "./publishDocuments.ts";
import { ReloadNotice } from "./ReloadNotice.tsx";
import { fileStamp, saveFile } from "./saveFile.ts";

type Checked =
  | { file: string; docs: { path: string; result: CheckedDocument }[] }
  | { file: string; issues: DocumentIssue[] };

/**
 * Moves definitions and forms between installations: export every version as one JSON file, and
 * import such a file (or single documents) — every document is checked first, and nothing is
 * published unless all of them pass; versions already published with the same content are skipped.
 */
export function TransferPanel() {
  const { t } = useI18n();
  const { services, changed } = useEngine();
  const id = useId();
  const [checked, setChecked] = useState<Checked | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<{ said: Said; tone: "ok" | "error" } | undefined>();

  const exportAll = async () => {
    const ctx = await loadCheckContext(services);
    const bundle: DefinitionBundle = {
      format: bundleFormat,
      exportedAt: services.clock(),
      definitions: ctx.definitions.map((d) => d.definition),
      forms: [...ctx.forms],
    };
    saveFile(`wf-definitions-${fileStamp(bundle.exportedAt)}.json`, `${JSON.stringify(bundle, null, 2)}\n`);
  };

  const read = async (file: File) => {
    setOutcome(undefined);
    const json = readJson(await file.text());
    if (!json.ok) return setChecked({ file: file.name, issues: json.issues });
    const found = documentsOf(json.value);
    if ("issues" in found) return setChecked({ file: file.name, issues: found.issues });
    setChecked({ file: file.name, docs: checkDocuments(found.docs, await loadCheckContext(services)) });
  };

  const docs = checked && "docs" in checked ? checked.docs : [];
  const invalid = docs.filter((d) => d.result.status === "invalid");
  const fresh = docs.filter((d) => d.result.status === "new");

  const publish = async () => {
    setConfirming(false);
    try {
      const counts = await publishDocuments(
        services,
        docs.map((d) => d.result),
      );
      changed();
      setChecked(undefined);
      setOutcome({ said: { key: "admin.imported", values: counts }, tone: "ok" });
    } catch (error) {
      setOutcome({ said: explainError(error), tone: "error" });
    }
  };

  return (
    <>
      <div className="card">
        <h2>{t("admin.exportTitle")}</h2>
        <p className="muted">{t("admin.exportHelp")}</p>
        <button type="button" className="btn" onClick={() => void exportAll()}>
          {t("admin.exportButton")}
        </button>
      </div>
      <div className="card">
        <h2>{t("admin.importTitle")}</h2>
        <p className="muted">{t("admin.importHelp")}</p>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t("admin.importFile")}</label>
          <input
            id={`${id}-file`}
            className="input"
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = "";
              if (file) void read(file);
            }}
          />
        </div>
        {checked && "issues" in checked && <IssueList issues={checked.issues} />}
        {docs.length > 0 && (
          <div className="table-wrap">
            <table className="data-table">
              <caption>{t("admin.importCaption", { file: checked?.file ?? "" })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("admin.where")}</th>
                  <th scope="col">{t("admin.document")}</th>
                  <th scope="col">{t("admin.check")}</th>
                </tr>
              </thead>
              <tbody>
                {docs.map(({ path, result }) => (
                  <tr key={path} className={result.status === "invalid" ? "row-bad" : undefined}>
                    <td>
                      <code>{path || "(root)"}</code>
                    </td>
                    <td>
                      {result.kind
                        ? t(result.kind === "form" ? "admin.kindForm" : "admin.kindDefinition")
                        : ""}{" "}
                      {result.id ? `${result.id}@${result.version}` : ""}
                    </td>
                    <td>
                      {result.status === "new" && (
                        <span className="badge badge-ok">{t("admin.statusNew")}</span>
                      )}
                      {result.status === "published" && (
                        <span className="badge">{t("admin.statusSame")}</span>
                      )}
                      {result.status === "invalid" && (
                        <span className="badge badge-danger">
                          {t("admin.issues", { n: result.issues.length })}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {invalid.map(({ path, result }) =>
          result.status === "invalid" ? <IssueList key={path} issues={result.issues} base={path} /> : null,
        )}
        {docs.length > 0 && (
          <div className="button-row">
            <button
              type="button"
              className="btn btn-primary"
              disabled={invalid.length > 0 || fresh.length === 0}
              onClick={() => setConfirming(true)}
            >
              {t("admin.importButton", { n: fresh.length })}
            </button>
            {invalid.length > 0 && <span className="text-danger">{t("admin.importBlocked")}</span>}
          </div>
        )}
        {outcome && <SaidNotice said={outcome.said} tone={outcome.tone} />}
        {outcome?.tone === "ok" && <ReloadNotice />}
        {confirming && (
          <ConfirmDialog
            title={t("admin.importButton", { n: fresh.length })}
            confirmLabel={t("admin.publish")}
            onCancel={() => setConfirming(false)}
            onConfirm={() => void publish()}
          >
            <p>{t("admin.confirmPublishBody")}</p>
          </ConfirmDialog>
        )}
      </div>
    </>
  );
}
