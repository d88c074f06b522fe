import { fileStamp, saveFile } from "../admin/saveFile.ts";
import { useEngine } from "../engine/EngineProvider.tsx";
import { explainError } from "../engine/explainError.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { format } from "../i18n/messages.ts";
import { useOrg } from "../org/OrgProvider.tsx";
import { href } from "../routing/useHashRoute.ts";
import type { ImportCheck } from "./candidateRows.ts";
import { cellDisplay } from "./cellDisplay.ts";
import type { RowResult } from "./runBatch.ts";
import { writeWorkbook } from "./spreadsheet.ts";

/** The outcome of a batch, row by row, with links to the started cases and an Excel export. */
export function BatchResults({
  check,
  results,
  stopped,
  file,
}: {
  check: ImportCheck;
  results: RowResult[];
  stopped: boolean;
  file: string;
}) {
  const { t, text, lang } = useI18n();
  const org = useOrg();
  const { services } = useEngine();
  const started = results.filter((r) => r.status === "started").length;
  const failed = results.length - started;
  const byRow = new Map(check.rows.map((r) => [r.row, r]));
  const resultOf = new Map(results.map((r) => [r.row, r]));
  const reason = (r: RowResult | undefined): string => {
    if (r?.status !== "failed") return "";
    const said = explainError(r.error);
    const values: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(said.values ?? {})) values[k] = typeof v === "object" ? text(v) : v;
    return [t(said.key, values), ...(said.details ?? []).map(text)].join(" ");
  };

  const exportResults = async () => {
    const header = [
      t("batch.row"),
      ...check.columns.map((c) => text(c.label)),
      t("batch.result"),
      t("batch.caseId"),
      t("batch.problem"),
    ];
    const rows = check.rows.map((r) => {
      const result = resultOf.get(r.row);
      const status =
        r.issues.length > 0
          ? t("batch.rowBad", { n: r.issues.length })
          : result?.status === "started"
            ? t("batch.started")
            : result
              ? t("batch.failed")
              : t("batch.notRun");
      const problem =
        r.issues.length > 0
          ? r.issues.map((i) => `${i.column ? `${i.column}: ` : ""}${text(i.message)}`).join("; ")
          : reason(result);
      return [
        r.row,
        ...check.columns.map((c) => text(cellDisplay(c, r.values[c.key], org))),
        status,
        result?.caseId ?? "",
        problem,
      ];
    });
    const blob = await writeWorkbook([{ name: lang === "en" ? "Results" : "导入结果", header, rows }]);
    saveFile(
      format("{name}-{stamp}.xlsx", { name: t("batch.resultsName"), stamp: fileStamp(services.clock()) }),
      blob,
    );
  };

  return (
    <div className="card">
      <h2>{t("batch.resultsTitle", { file })}</h2>
      <p role="status" className={failed > 0 ? "text-danger" : "text-ok"}>
        {t("batch.resultsSummary", { started, failed })}
        {stopped && ` ${t("batch.stopped")}`}
      </p>
      <div className="button-row">
        <button type="button" className="btn" onClick={() => void exportResults()}>
          {t("batch.exportResults")}
        </button>
      </div>
      <div className="table-wrap">
        <table className="data-table">
          <caption>{t("batch.resultsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("batch.row")}</th>
              <th scope="col">{text(check.columns[0]?.label ?? { zh: "" })}</th>
              <th scope="col">{t("batch.result")}</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => {
              const row = byRow.get(r.row);
              const first = check.columns[0];
              return (
                <tr key={r.row} className={r.status === "failed" ? "row-bad" : undefined}>
                  <td>{r.row}</td>
                  <td>{first && row ? text(cellDisplay(first, row.values[first.key], org)) : ""}</td>
                  <td className="cell-wrap">
                    {r.caseId && (
                      <a href={href({ name: "case", caseId: r.caseId, print: false })}>
                        {r.status === "started" ? t("batch.started") : t("batch.openCase")}
                      </a>
                    )}
                    {r.status === "failed" && <span className="text-danger"> {reason(r)}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
