import { forwardRef } from "react";
import { type FieldErrors, useFormState } from "react-hook-form";
import { localize } from "../schema/messages";
import type { FormValues } from "../schema/types";
import { errorText } from "./errorText";
import { fieldId, useRuntime } from "./formRuntime";
import { uiText } from "./uiText";

interface Entry {
  name: string;
  message: string;
}

/** Errors flattened to react-hook-form names, in the order the schema reported them. */
export function flattenErrors(errors: FieldErrors<FormValues>, prefix = ""): Entry[] {
  const out: Entry[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (value === undefined || value === null || key === "ref") continue;
    const name = key === "root" ? prefix.slice(0, -1) : `${prefix}${key}`;
    if (typeof (value as { message?: unknown }).message === "string")
      out.push({ name, message: (value as { message: string }).message });
    else if (typeof value === "object")
      out.push(...flattenErrors(value as FieldErrors<FormValues>, `${name}.`));
  }
  return out;
}

/**
 * The list of problems shown after a failed submit. It takes focus (the parent focuses it) and
 * each entry links to its field, switching tab or wizard page to reveal it.
 */
export const ErrorSummary = forwardRef<HTMLDivElement, { onGo(name: string): void }>(function ErrorSummary(
  { onGo },
  ref,
) {
  const rt = useRuntime();
  const { errors } = useFormState();
  const entries = flattenErrors(errors);
  const t = uiText(rt.locale);
  if (entries.length === 0) return null;
  const labelOf = (name: string) => {
    const parts = name.split(".");
    const top = rt.form.fields.get(parts[0] ?? "");
    const column = parts[2] ? rt.form.fields.get(`${parts[0]}.${parts[2]}`) : undefined;
    const base = localize(top?.json.label, rt.locale) || (parts[0] ?? name);
    if (!column) return base;
    return `${base} · ${t.row(Number(parts[1]) + 1)} · ${localize(column.json.label, rt.locale) || column.key}`;
  };
  return (
    <div
      ref={ref}
      className="wf-summary"
      role="alert"
      tabIndex={-1}
      aria-labelledby={`${rt.idPrefix}-summary`}
    >
      <h2 id={`${rt.idPrefix}-summary`}>{t.errorsTitle(entries.length)}</h2>
      <ul>
        {entries.map((e) => (
          <li key={e.name}>
            <a
              href={`#${fieldId(rt.idPrefix, e.name.endsWith(".root") ? e.name.slice(0, -5) : e.name)}`}
              onClick={(ev) => {
                ev.preventDefault();
                onGo(e.name);
              }}
            >
              {labelOf(e.name)}: {errorText(e.message, rt.locale)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
});
