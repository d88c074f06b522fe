import { useI18n } from "../i18n/I18nProvider.tsx";
import type { DocumentIssue } from "./documentChecks.ts";

/**
 * Problems found in a JSON document, each with the JSON path it is at (as the CLI prints them:
 * `path: message (hint)`). Messages come from the validators, which write them in English.
 */
export function IssueList({ issues, base = "" }: { issues: readonly DocumentIssue[]; base?: string }) {
  const { t } = useI18n();
  return (
    <div className="notice notice-error" role="alert">
      <div>
        <strong className="notice-title">{t("admin.issues", { n: issues.length })}</strong>
        <ul className="issue-list">
          {issues.map((issue, i) => (
            // Issues are produced once per check and never reorder.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={i}>
              <code className="issue-path">{pathText(base, issue.path)}</code> {issue.message}
              {issue.hint && <span className="muted"> ({issue.hint})</span>}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function pathText(base: string, path: string): string {
  if (!base) return path === "" ? "(root)" : path;
  if (!path) return base;
  return path.startsWith("[") ? `${base}${path}` : `${base}.${path}`;
}
