import { useI18n } from "../i18n/I18nProvider.tsx";
import type { Said } from "../i18n/said.ts";

/** Renders a `Said` as a notice box: the sentence, then its details as a list. */
export function SaidNotice({
  said,
  tone = "error",
  title,
}: {
  said: Said;
  tone?: "error" | "warn" | "info" | "ok";
  title?: string;
}) {
  const { t, text } = useI18n();
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(said.values ?? {})) values[k] = typeof v === "object" ? text(v) : v;
  return (
    <div className={`notice notice-${tone}`} role={tone === "error" ? "alert" : "status"}>
      <div>
        {title && <strong className="notice-title">{title}</strong>}
        <p className="notice-text">{t(said.key, values)}</p>
        {said.details && said.details.length > 0 && (
          <ul className="notice-details">
            {said.details.map((d, i) => (
              // Details have no ids and never reorder while shown.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <li key={i}>{text(d)}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
