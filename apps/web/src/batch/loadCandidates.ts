import type { CompiledForm } from "@wf/forms";
import { calendars } from "@wf/workflows";
import { batchDefinitionId } from "../admin/access.ts";
import type { AppServices } from "../engine/appServices.ts";
import type { Lang } from "../i18n/messages.ts";
import type { OrgIndex } from "../org/orgCatalog.ts";
import { checkCandidateRows, type ImportCheck, type ImportColumn } from "./candidateRows.ts";
import { readTableFile, type SheetData } from "./spreadsheet.ts";

/**
 * Reads a candidate file and checks every row against the first step's form, the org catalog,
 * the other rows and the running vetting cases (one running case per ID number).
 */
export async function readCandidateFile(
  file: File,
  form: CompiledForm,
  services: AppServices,
  org: OrgIndex,
  actorUnit: string,
): Promise<ImportCheck> {
  const table = await readTableFile(file);
  const running = await services.store.queryInstances({ definitionId: batchDefinitionId, status: "running" });
  const idKey = form.topLevel.find((f) => f.json.type === "idCard")?.key;
  const runningIds = new Set<string>();
  for (const c of running) {
    const registration = c.data.registration as Record<string, unknown> | undefined;
    const id = idKey ? registration?.[idKey] : undefined;
    if (typeof id === "string") runningIds.add(id.toUpperCase());
  }
  const calendar = calendars["cn-mainland"];
  const formContext = {
    env: calendar ? { now: services.clock(), calendar } : { now: services.clock() },
    exists: (kind: "person" | "unit", id: string) =>
      (kind === "person" ? org.person(id) : org.unit(id)) !== undefined,
  };
  const ref = `${form.json.id}@${form.json.version}`;
  // The nearest township, county or city above the importing person's unit is their area.
  const area = org.ancestry(actorUnit).find((u) => u.level !== undefined && u.level !== "village");
  return checkCandidateRows(table, form, {
    units: org.catalog.units,
    formContext,
    validate: (values) => services.forms.validate(ref, values),
    runningIds,
    ...(idKey ? { idKey } : {}),
    ...(area ? { area } : {}),
  });
}

/** A template with the form's columns and one example row, so a clerk sees the expected spelling. */
export function templateSheet(columns: readonly ImportColumn[], lang: Lang): SheetData {
  const pick = (t: { zh: string; en?: string | undefined }) => (lang === "en" && t.en ? t.en : t.zh);
  const example: Record<string, string> = {
    name: lang === "en" ? "Li Zhiqiang" : "李志强",
    idNumber: "52990119880520031X",
    villageId: lang === "en" ? "Xiawan Village" : "下湾村",
  };
  return {
    name: lang === "en" ? "Candidates" : "候选人名单",
    header: columns.map((c) => pick(c.label)),
    rows: [
      columns.map((c) => {
        if (c.key in example) return example[c.key] ?? "";
        const first = c.options?.[0];
        return first ? pick(first.label) : "";
      }),
    ],
  };
}
