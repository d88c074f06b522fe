import { useState } from "react";
import { dashboardScope } from "../admin/access.ts";
import { fileStamp, saveFile } from "../admin/saveFile.ts";
import { townshipOf } from "../dashboard/dashboardCounts.ts";
import { useEngine } from "../engine/EngineProvider.tsx";
import { explainError } from "../engine/explainError.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import type { Said } from "../i18n/said.ts";
import { useOrg } from "../org/OrgProvider.tsx";
import { useProfile } from "../profile/ProfileProvider.tsx";
import { SaidNotice } from "../ui/SaidNotice.tsx";
import { writeWorkbook } from "./spreadsheet.ts";
import { vettingListSheet } from "./vettingList.ts";

/**
 * Exports the cases of the procedure (running and ended) to an Excel list with their results:
 * every case for the overseeing roles, a township committee's own township only.
 */
export function VettingListExport({ definitionId }: { definitionId: string }) {
  const { t, lang } = useI18n();
  const org = useOrg();
  const { services } = useEngine();
  const { actor } = useProfile();
  const scope = dashboardScope(actor, org);
  const [state, setState] = useState<{ busy: boolean; said?: Said; tone?: "ok" | "error" }>({ busy: false });

  const run = async () => {
    setState({ busy: true });
    try {
      const all = await services.store.queryInstances({ definitionId });
      const cases =
        scope?.kind === "all" ? all : all.filter((c) => scope && townshipOf(c, org) === scope.township);
      const sheet = vettingListSheet(
        cases,
        (c) => services.definition(c.definitionId, c.definitionVersion),
        org,
        lang,
      );
      saveFile(`${sheet.name}-${fileStamp(services.clock())}.xlsx`, await writeWorkbook([sheet]));
      setState({ busy: false, said: { key: "batch.listExported", values: { n: cases.length } }, tone: "ok" });
    } catch (error) {
      setState({ busy: false, said: explainError(error), tone: "error" });
    }
  };

  return (
    <div className="card">
      <h2>{t("batch.listTitle")}</h2>
      <p className="muted">{t("batch.listHelp")}</p>
      <div className="button-row">
        <button type="button" className="btn" disabled={state.busy} onClick={() => void run()}>
          {state.busy ? t("common.loading") : t("batch.listExport")}
        </button>
      </div>
      {state.said && <SaidNotice said={state.said} tone={state.tone ?? "ok"} />}
    </div>
  );
}
