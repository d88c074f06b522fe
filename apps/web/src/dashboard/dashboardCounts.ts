import type { Definition, InstanceRecord, InstanceStatus } from "@wf/engine";
import { stepTitle } from "../cases/stepText.ts";
import type { LocalizedText } from "../i18n/I18nProvider.tsx";
import type { OrgIndex } from "../org/orgCatalog.ts";

/** One bar: a label and a count per status (running, completed, cancelled). */
export interface CountRow {
  key: string;
  label: LocalizedText;
  counts: Record<InstanceStatus, number>;
}

/** The dashboard's figures for one selection of cases. */
export interface DashboardCounts {
  total: Record<InstanceStatus, number>;
  byProcedure: CountRow[];
  /** Running cases by the step they wait at (procedure and step), then ended cases by outcome. */
  byState: CountRow[];
  byTownship: CountRow[];
}

const zero = (): Record<InstanceStatus, number> => ({ running: 0, completed: 0, cancelled: 0 });
const noVillage = "—";

/** The township of a case: the township above its village (`data.villageId`), if any. */
export function townshipOf(c: InstanceRecord, org: OrgIndex): string | undefined {
  const reg = c.data.registration as Record<string, unknown> | undefined;
  const village = typeof c.data.villageId === "string" ? c.data.villageId : reg?.villageId;
  if (typeof village !== "string") return undefined;
  return org.ancestry(village).find((u) => u.level === "township")?.id;
}

/**
 * Counts cases by procedure, by state and by township. `township` limits the count to one
 * township's cases (a township party committee sees its own); `procedure` to one procedure.
 */
export function countCases(
  cases: readonly InstanceRecord[],
  options: {
    org: OrgIndex;
    definitionOf(c: InstanceRecord): Definition | undefined;
    township?: string | undefined;
    procedure?: string | undefined;
  },
): DashboardCounts {
  const { org } = options;
  const total = zero();
  const procedures = new Map<string, CountRow>();
  const states = new Map<string, CountRow>();
  const townships = new Map<string, CountRow>();
  const bump = (
    map: Map<string, CountRow>,
    key: string,
    label: () => LocalizedText,
    status: InstanceStatus,
  ) => {
    let row = map.get(key);
    if (!row) {
      row = { key, label: label(), counts: zero() };
      map.set(key, row);
    }
    row.counts[status]++;
  };
  for (const c of cases) {
    const township = townshipOf(c, org);
    if (options.township && township !== options.township) continue;
    if (options.procedure && c.definitionId !== options.procedure) continue;
    const definition = options.definitionOf(c);
    const title = definition?.title ?? { zh: c.definitionId, en: c.definitionId };
    total[c.status]++;
    bump(procedures, c.definitionId, () => title, c.status);
    const prefix = options.procedure ? undefined : title;
    if (c.status === "running") {
      for (const step of c.steps)
        bump(
          states,
          `${c.definitionId}/${step}`,
          () => joined(prefix, stepTitle(definition, step)),
          "running",
        );
    } else {
      const outcome = c.status === "cancelled" ? "cancelled" : (c.outcome ?? "completed");
      const reason =
        c.status === "cancelled"
          ? { zh: "已撤销", en: "Cancelled" }
          : (c.reason ?? { zh: outcome, en: outcome });
      bump(states, `${c.definitionId}/@${outcome}/${reason.zh}`, () => joined(prefix, reason), c.status);
    }
    const unit = township ? org.unit(township) : undefined;
    bump(
      townships,
      township ?? noVillage,
      () => unit?.name ?? { zh: "未指定村", en: "No village" },
      c.status,
    );
  }
  const bySize = (a: CountRow, b: CountRow) => sum(b) - sum(a) || a.key.localeCompare(b.key);
  return {
    total,
    byProcedure: [...procedures.values()].sort(bySize),
    byState: [...states.values()].sort((a, b) => b.counts.running - a.counts.running || bySize(a, b)),
    byTownship: [...townships.values()].sort(bySize),
  };
}

/** Cases in a row, whatever their status. */
export function sum(row: CountRow): number {
  return row.counts.running + row.counts.completed + row.counts.cancelled;
}

function joined(prefix: LocalizedText | undefined, text: LocalizedText): LocalizedText {
  if (!prefix) return text;
  return { zh: `${prefix.zh} · ${text.zh}`, en: `${prefix.en ?? prefix.zh} · ${text.en ?? text.zh}` };
}
