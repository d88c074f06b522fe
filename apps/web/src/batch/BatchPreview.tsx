import { useI18n } from "../i18n/I18nProvider.tsx";
import { useOrg } from "../org/OrgProvider.tsx";
import type { ImportCheck } from "./candidateRows.ts";
import { cellDisplay } from "./cellDisplay.ts";

/** Shows what a file holds before anything starts: the counts, every problem, then the rows. */
export function BatchPreview({ check, file }: { check: ImportCheck; file: string }) {
  const { t, text } = useI18n();
  const org = useOrg();
  const bad = check.rows.filter((r) => r.issues.length > 0).length;
  const issues = [...check.headerIssues, ...check.rows.flatMap((r) => r.issues)];
  const shown = check.columns.slice(0, 5);
  return (
    <>
      <h2>{t("batch.previewTitle", { file })}</h2>
      <p role="status" className={issues.length > 0 ? "text-danger" : "text-ok"}>
        {t("batch.summary", { rows: check.rows.length, valid: check.rows.length - bad, bad })}
      </p>
      {issues.length > 0 && (
        <div className="table-wrap">
          <table className="data-table">
            <caption>{t("batch.issuesCaption", { n: issues.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("batch.row")}</th>
                <th scope="col">{t("batch.column")}</th>
                <th scope="col">{t("batch.problem")}</th>
              </tr>
            </thead>
            <tbody>
              {issues.map((issue, i) => (
                // Issues are listed once per check and never reorder.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <tr key={i}>
                  <td>{issue.row}</td>
                  <td>{issue.column ?? "—"}</td>
                  <td className="cell-wrap">{text(issue.message)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {check.rows.length > 0 && (
        <div className="table-wrap">
          <table className="data-table">
            <caption>{t("batch.rowsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("batch.row")}</th>
                {shown.map((c) => (
                  <th scope="col" key={c.key}>
                    {text(c.label)}
                  </th>
                ))}
                <th scope="col">{t("batch.check")}</th>
              </tr>
            </thead>
            <tbody>
              {check.rows.map((r) => (
                <tr key={r.row} className={r.issues.length > 0 ? "row-bad" : undefined}>
                  <td>{r.row}</td>
                  {shown.map((c) => (
                    <td key={c.key}>{text(cellDisplay(c, r.values[c.key], org))}</td>
                  ))}
                  <td>
                    {r.issues.length > 0 ? (
                      <span className="badge badge-danger">{t("batch.rowBad", { n: r.issues.length })}</span>
                    ) : (
                      <span className="badge badge-ok">{t("batch.rowOk")}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
