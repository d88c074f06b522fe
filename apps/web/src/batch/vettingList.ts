import type { Definition, InstanceRecord } from "@wf/engine";
import { stepTitle } from "../cases/stepText.ts";
import type { LocalizedText } from "../i18n/I18nProvider.tsx";
import type { Lang } from "../i18n/messages.ts";
import type { OrgIndex } from "../org/orgCatalog.ts";
import type { SheetData } from "./spreadsheet.ts";

const headers: Record<Lang, string[]> = {
  zh: [
    "案件编号",
    "姓名",
    "公民身份号码",
    "所在村",
    "乡镇",
    "拟任职务",
    "状态",
    "当前环节",
    "结果",
    "说明",
    "否决部门",
    "发起时间",
    "办结时间",
  ],
  en: [
    "Case",
    "Name",
    "ID number",
    "Village",
    "Township",
    "Post",
    "Status",
    "Current step",
    "Result",
    "Reason",
    "Vetoed by",
    "Started",
    "Ended",
  ],
};
const statusText: Record<InstanceRecord["status"], LocalizedText> = {
  running: { zh: "办理中", en: "Running" },
  completed: { zh: "已办结", en: "Completed" },
  cancelled: { zh: "已撤销", en: "Cancelled" },
};
const outcomeText: Record<string, LocalizedText> = {
  qualified: { zh: "确定为候选人", en: "Qualified" },
  disqualified: { zh: "取消资格", en: "Disqualified" },
  cancelled: { zh: "已撤销", en: "Cancelled" },
};
const postText: Record<string, LocalizedText> = {
  secretary: { zh: "村党组织书记", en: "Party secretary" },
  member: { zh: "村“两委”委员", en: "Committee member" },
};

/**
 * The vetting cases as one sheet, a row per candidate: who, which village and township, where the
 * case stands, and for an ended case its result, reason and the departments that vetoed.
 */
export function vettingListSheet(
  cases: readonly InstanceRecord[],
  definitionOf: (c: InstanceRecord) => Definition | undefined,
  org: OrgIndex,
  lang: Lang,
): SheetData {
  const pick = (t: LocalizedText | undefined) => (t ? (lang === "en" && t.en ? t.en : t.zh) : "");
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  const rows = [...cases]
    .sort((a, b) => (a.startedAt < b.startedAt ? -1 : 1))
    .map((c) => {
      const reg = (c.data.registration ?? {}) as Record<string, unknown>;
      const villageId = str(c.data.villageId) || str(reg.villageId);
      const ancestry = villageId ? org.ancestry(villageId) : [];
      const township = ancestry.find((u) => u.level === "township");
      const post = str(c.data.post) || str(reg.post);
      const vetoedBy = Array.isArray(c.data.vetoedBy) ? (c.data.vetoedBy as unknown[]) : [];
      const definition = definitionOf(c);
      return [
        c.id,
        str(reg.name),
        str(reg.idNumber),
        pick(ancestry[0]?.name),
        pick(township?.name),
        pick(postText[post]) || post,
        pick(statusText[c.status]),
        c.status === "running" ? c.steps.map((s) => pick(stepTitle(definition, s))).join("、") : "",
        c.outcome ? pick(outcomeText[c.outcome]) || c.outcome : "",
        pick(c.reason),
        vetoedBy.map((u) => pick(org.unit(str(u))?.name) || str(u)).join("、"),
        localDate(c.startedAt),
        c.endedAt ? localDate(c.endedAt) : "",
      ];
    });
  return { name: lang === "en" ? "Vetting" : "六级评估名单", header: headers[lang], rows };
}

/** The calendar day in China (UTC+8) of a UTC time, as the clerk would write it. */
function localDate(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
}
