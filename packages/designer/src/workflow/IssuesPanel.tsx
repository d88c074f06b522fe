import type { DesignerLocale } from "../form/formTypes.ts";
import { pick, uiText } from "../ui/uiText.ts";
import type { StaffingReport } from "./checkStaffing.ts";
import { type PathIssue, stepOfIssue } from "./stepIssues.ts";

/** Props of {@link IssuesPanel}. */
export interface IssuesPanelProps {
  /** The engine's static-check issues. */
  issues: readonly PathIssue[];
  /** The last staffing check, if one was run since the definition last changed. */
  staffing: StaffingReport | null;
  locale: DesignerLocale;
  /** Go to the step a problem is in. */
  onShow: (step: string) => void;
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
        {issues.map((i) => {
          const step = stepOfIssue(i.path);
          const text = `${i.message}${i.hint ? ` (${i.hint})` : ""}`;
          return (
            <li key={`${i.path}:${i.message}`}>
              <code>{i.path}</code>{" "}
              {step ? (
                <button type="button" className="wf-issue-link" onClick={() => props.onShow(step)}>
                  {text}
                </button>
              ) : (
                text
              )}
            </li>
          );
        })}
      </ul>
      {staffing ? (
        <section aria-label={t.staffing}>
          <h4>{t.staffing}</h4>
          {staffing.ok ? <p>{t.staffingOk}</p> : null}
          <ol className="wf-issues">
            {staffing.issues.map((i) => (
              <li key={i.step}>
                <button type="button" className="wf-issue-link" onClick={() => props.onShow(i.step)}>
                  {pick(i.message, props.locale)}
                </button>
              </li>
            ))}
          </ol>
          {staffing.unchecked.length > 0 ? <p>{`${t.unchecked}: ${staffing.unchecked.join(", ")}`}</p> : null}
        </section>
      ) : null}
    </section>
  );
}
