import type { InstanceStatus } from "@wf/engine";
import { useId } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { type CountRow, sum } from "./dashboardCounts.ts";

const statuses: InstanceStatus[] = ["running", "completed", "cancelled"];

/**
 * Horizontal stacked bars drawn with HTML and CSS rather than a chart library: a few dozen bars
 * need no canvas, the labels stay real text (selectable, translated, read by screen readers), and
 * the bundle stays small. Each bar is one list item whose accessible text states every count.
 */
export function BarChart({ title, rows, limit = 12 }: { title: string; rows: CountRow[]; limit?: number }) {
  const { t, text } = useI18n();
  const id = useId();
  const shown = rows.slice(0, limit);
  const max = Math.max(1, ...shown.map(sum));
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart-title">
        {title}
      </figcaption>
      {shown.length === 0 ? (
        <p className="empty">{t("dashboard.noCases")}</p>
      ) : (
        <ul className="chart-bars">
          {shown.map((row) => {
            const total = sum(row);
            const parts = statuses
              .filter((s) => row.counts[s] > 0)
              .map((s) => `${t(`case.${s}`)} ${row.counts[s]}`)
              .join(",");
            return (
              <li key={row.key} className="chart-row">
                <span className="chart-label">{text(row.label)}</span>
                <span className="chart-track" aria-hidden="true">
                  {statuses.map((s) =>
                    row.counts[s] > 0 ? (
                      <span
                        key={s}
                        className={`chart-seg chart-seg-${s}`}
                        style={{ width: `${(row.counts[s] / max) * 100}%` }}
                      />
                    ) : null,
                  )}
                </span>
                <span className="chart-value">
                  {total}
                  <span className="visually-hidden">({parts})</span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {rows.length > limit && <p className="muted">{t("dashboard.more", { n: rows.length - limit })}</p>}
    </figure>
  );
}

/** The colour key shared by every chart on the page. */
export function ChartLegend() {
  const { t } = useI18n();
  return (
    <ul className="chart-legend" aria-hidden="true">
      {statuses.map((s) => (
        <li key={s}>
          <span className={`chart-swatch chart-seg-${s}`} />
          {t(`case.${s}`)}
        </li>
      ))}
    </ul>
  );
}
