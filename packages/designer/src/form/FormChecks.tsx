import { parseIssuePath } from "../json/locateJsonPath.ts";
import { pick, uiText } from "../ui/uiText.ts";
import type { FormCheckIssue } from "./checkFormForPublish.ts";
import { type FieldPath, fieldAt } from "./fieldPaths.ts";
import type { DesignerLocale, DesignForm } from "./formTypes.ts";

/** The field an issue path points into (`fields[2].options[0]` → `["fields", 2]`), if any. */
export function fieldOfIssue(form: DesignForm, path: string): FieldPath | undefined {
  const segments = parseIssuePath(path);
  for (let n = segments.length; n > 0; n--) {
    const prefix = segments.slice(0, n);
    if (typeof prefix.at(-1) === "number" && fieldAt(form, prefix)) return prefix;
  }
  return undefined;
}

/** Props of {@link FormChecks}. */
export interface FormChecksProps {
  form: DesignForm;
  issues: readonly FormCheckIssue[];
  locale: DesignerLocale;
  /** Go to the field a problem is in. */
  onShow: (path: FieldPath) => void;
  /** Called with the next version; absent when the host does not publish from here. */
  onPublish: ((form: DesignForm) => void) | undefined;
}

/**
 * The pre-publish checks: each problem in the author's language, a click away from the field it
 * is in, and the publish button, which stays disabled until the list is empty.
 */
export function FormChecks(props: FormChecksProps) {
  const t = uiText(props.locale);
  return (
    <section aria-label={t.checks}>
      {props.issues.length === 0 ? <p>{t.noIssues}</p> : null}
      <ul className="wf-issues">
        {props.issues.map((issue) => {
          const at = fieldOfIssue(props.form, issue.path);
          const text = pick(issue.message, props.locale);
          return (
            <li key={`${issue.code}:${issue.path}:${issue.message.en}`}>
              {at ? (
                <button type="button" className="wf-issue-link" onClick={() => props.onShow(at)}>
                  {text}
                </button>
              ) : (
                text
              )}
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        disabled={props.issues.length > 0 || !props.onPublish}
        onClick={() => props.onPublish?.({ ...props.form, version: props.form.version + 1 })}
      >
        {t.publish}
      </button>
    </section>
  );
}
