import type { DesignerLocale } from "../form/formTypes.ts";
import { pick, uiText } from "../ui/uiText.ts";
import type { StaffingReport } from "./checkStaffing.ts";
import type { PathIssue } from "./stepIssues.ts";

/** Props of {@link IssuesPanel}. */
export interface IssuesPanelProps {
  /** The engine's static-check issues. */
  issues: readonly PathIssue[];
  /** The last staffing check, if one was run since the definition last changed. */
  staffing: StaffingReport | null;
  locale: DesignerLocale;
}

/**
 * Everything that stands between the definition and publishing, in one list: the engine's
 * issues at their JSON paths, then the staffing check's unstaffable tasks step by step.
 */
export function IssuesPanel(props: IssuesPanelProps) {
  const t = uiText(props.locale);
  const { issues, staffing } = props;
  return (
    <section aria-label={t.issues}>
      {issues.length === 0 ? <p>{t.noIssues}</p> : null}
      <ul className="wf-issues">
        {issues.map((i) => (
          <li key={`${i.path}:${i.message}`}>
            <code>{i.path}</code> {i.message}
            {i.hint ? ` (${i.hint})` : ""}
          </li>
        ))}
      </ul>
      {staffing ? (
        <section aria-label={t.staffing}>
          <h4>{t.staffing}</h4>
          {staffing.ok ? <p>{t.staffingOk}</p> : null}
          <ol className="wf-issues">
            {staffing.issues.map((i) => (
              <li key={i.step}>{pick(i.message, props.locale)}</li>
            ))}
          </ol>
          {staffing.unchecked.length > 0 ? <p>{`${t.unchecked}: ${staffing.unchecked.join(", ")}`}</p> : null}
        </section>
      ) : null}
    </section>
  );
}
