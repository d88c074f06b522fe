import { useRef, useState } from "react";
import { batchDefinitionId, mayStart } from "../admin/access.ts";
import "../styles/admin.css";
import { saveFile } from "../admin/saveFile.ts";
import { useEngine } from "../engine/EngineProvider.tsx";
import { explainError } from "../engine/explainError.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useOrg } from "../org/OrgProvider.tsx";
import { useProfile } from "../profile/ProfileProvider.tsx";
import { ConfirmDialog } from "../ui/ConfirmDialog.tsx";
import { NeedProfile } from "../ui/NeedProfile.tsx";
import { SaidNotice } from "../ui/SaidNotice.tsx";
import { BatchPreview } from "./BatchPreview.tsx";
import { BatchResults } from "./BatchResults.tsx";
import { type ImportCheck, importColumns } from "./candidateRows.ts";
import { toCsv } from "./csv.ts";
import { readCandidateFile, templateSheet } from "./loadCandidates.ts";
import { type RowResult, runBatch } from "./runBatch.ts";
import { tableFileAccept, writeWorkbook } from "./spreadsheet.ts";
import { VettingListExport } from "./VettingListExport.tsx";

type Phase =
  | { name: "idle" }
  | { name: "reading" }
  | { name: "unreadable"; error: unknown }
  | { name: "checked"; file: string; check: ImportCheck }
  | { name: "running"; file: string; check: ImportCheck; results: RowResult[]; total: number }
  | { name: "done"; file: string; check: ImportCheck; results: RowResult[]; stopped: boolean };

/**
 * Batch start of the six-level vetting: the clerk imports a candidate list (CSV or Excel), sees
 * every problem by row and column before anything is started, starts the valid rows with a
 * progress bar, and exports the results. Only roles that may start the procedure see it.
 */
export function BatchPage() {
  const { t, text, lang } = useI18n();
  const { actor } = useProfile();
  const org = useOrg();
  const { services, changed } = useEngine();
  const [phase, setPhase] = useState<Phase>({ name: "idle" });
  const [confirming, setConfirming] = useState(false);
  const stop = useRef(false);
  const definition = services.definition(batchDefinitionId);

  if (!actor) return <NeedProfile />;
  if (!definition)
    return <SaidNotice said={{ key: "batch.noDefinition", values: { id: batchDefinitionId } }} />;
  const form = firstForm(services, definition);
  const columns = form ? importColumns(form) : [];

  const header = (
    <div className="page-header">
      <h1 id="batch-title">{t("batch.title")}</h1>
      <p className="muted">{t("batch.subtitle", { title: text(definition.title) })}</p>
    </div>
  );
  if (!form)
    return (
      <SaidNotice said={{ key: "batch.noForm", values: { id: definition.id, step: definition.initial } }} />
    );
  if (!mayStart(definition, actor))
    return (
      <section aria-labelledby="batch-title">
        {header}
        <SaidNotice
          tone="warn"
          said={{
            key: "batch.notAllowed",
            values: { roles: definition.start.roles.map((r) => text(org.roleName(r))).join("、") },
          }}
        />
      </section>
    );

  const onFile = async (file: File | undefined) => {
    if (!file || !form) return;
    setPhase({ name: "reading" });
    try {
      const check = await readCandidateFile(file, form, services, org, actor.unit);
      setPhase({ name: "checked", file: file.name, check });
    } catch (error) {
      setPhase({ name: "unreadable", error });
    }
  };

  const downloadTemplate = async (kind: "xlsx" | "csv") => {
    const sheet = templateSheet(columns, lang);
    const name = `${t("batch.templateName")}.${kind}`;
    if (kind === "csv") saveFile(name, `\ufeff${toCsv([sheet.header, ...sheet.rows])}`, "text/csv");
    else saveFile(name, await writeWorkbook([sheet]));
  };

  const start = async (check: ImportCheck, file: string) => {
    setConfirming(false);
    const valid = check.rows.filter((r) => r.issues.length === 0);
    stop.current = false;
    setPhase({ name: "running", file, check, results: [], total: valid.length });
    const results = await runBatch({
      engine: services.engine,
      definition,
      actor,
      batchId: `batch-${services.clock()}-${actor.id}`,
      rows: valid,
      stopped: () => stop.current,
      onResult: (result) =>
        setPhase((p) => (p.name === "running" ? { ...p, results: [...p.results, result] } : p)),
    });
    changed();
    setPhase({ name: "done", file, check, results, stopped: results.length < valid.length });
  };

  const checked = phase.name === "checked" ? phase.check : undefined;
  const validCount = checked ? checked.rows.filter((r) => r.issues.length === 0).length : 0;
  const busy = phase.name === "reading" || phase.name === "running";

  return (
    <section aria-labelledby="batch-title" className="admin-page">
      {header}
      <div className="card">
        <h2>{t("batch.importTitle")}</h2>
        <p className="muted">{t("batch.importHelp")}</p>
        <p className="muted">
          {t("batch.columns")} {columns.map((c) => `${text(c.label)}${c.required ? "*" : ""}`).join("、")}
        </p>
        <div className="button-row">
          <button type="button" className="btn" onClick={() => void downloadTemplate("xlsx")}>
            {t("batch.templateXlsx")}
          </button>
          <button type="button" className="btn" onClick={() => void downloadTemplate("csv")}>
            {t("batch.templateCsv")}
          </button>
        </div>
        <div className="field">
          <label htmlFor="batch-file">{t("batch.file")}</label>
          <input
            id="batch-file"
            className="input"
            type="file"
            accept={tableFileAccept}
            disabled={busy}
            onChange={(e) => {
              void onFile(e.target.files?.[0]);
              e.target.value = "";
            }}
          />
        </div>
        {phase.name === "reading" && <p role="status">{t("batch.reading")}</p>}
        {phase.name === "unreadable" && <SaidNotice said={explainFileError(phase.error)} />}
      </div>

      {checked && phase.name === "checked" && (
        <div className="card">
          <BatchPreview check={checked} file={phase.file} />
          <div className="button-row">
            <button
              type="button"
              className="btn btn-primary"
              disabled={validCount === 0 || checked.headerIssues.length > 0}
              onClick={() => setConfirming(true)}
            >
              {t("batch.startValid", { n: validCount })}
            </button>
          </div>
          {confirming && (
            <ConfirmDialog
              title={t("batch.confirmTitle")}
              confirmLabel={t("batch.startValid", { n: validCount })}
              onCancel={() => setConfirming(false)}
              onConfirm={() => void start(checked, phase.file)}
            >
              <p>{t("batch.confirmBody", { n: validCount, title: text(definition.title) })}</p>
            </ConfirmDialog>
          )}
        </div>
      )}

      {phase.name === "running" && (
        <div className="card">
          <h2>{t("batch.running")}</h2>
          <label htmlFor="batch-progress">
            {t("batch.progress", { done: phase.results.length, total: phase.total })}
          </label>
          <progress
            id="batch-progress"
            className="batch-progress"
            max={phase.total}
            value={phase.results.length}
          />
          <div className="button-row">
            <button type="button" className="btn" onClick={() => (stop.current = true)}>
              {t("batch.stop")}
            </button>
          </div>
        </div>
      )}

      {phase.name === "done" && (
        <BatchResults check={phase.check} results={phase.results} stopped={phase.stopped} file={phase.file} />
      )}

      <VettingListExport definitionId={definition.id} />
    </section>
  );
}

/** The compiled form of the procedure's first step, which each row fills in. */
function firstForm(
  services: ReturnType<typeof useEngine>["services"],
  definition: { initial: string; steps: Record<string, unknown> },
) {
  const step = definition.steps[definition.initial] as { form?: { ref: string } } | undefined;
  if (!step?.form) return undefined;
  try {
    return services.forms.form(step.form.ref);
  } catch {
    return undefined;
  }
}

function explainFileError(error: unknown) {
  const reason = (error as { reason?: string }).reason;
  if (reason === "kind") return { key: "batch.fileKind" } as const;
  if (reason === "empty") return { key: "batch.fileEmpty" } as const;
  if (reason === "unreadable") return { key: "batch.fileUnreadable" } as const;
  if (error instanceof Error && error.name === "CsvError")
    return { key: "batch.csvBroken", values: { line: (error as unknown as { line: number }).line } } as const;
  return explainError(error);
}
