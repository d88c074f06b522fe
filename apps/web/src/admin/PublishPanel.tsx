import { useId, useState } from "react";
import { useEngine } from "../engine/EngineProvider.tsx";
import { explainError } from "../engine/explainError.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import type { Said } from "../i18n/said.ts";
import { ConfirmDialog } from "../ui/ConfirmDialog.tsx";
import { SaidNotice } from "../ui/SaidNotice.tsx";
import { type CheckedDocument, checkDocument, readJson } from "./documentChecks.ts";
import { IssueList } from "./IssueList.tsx";
import { loadCheckContext, publishDocuments } from "./publishDocuments.ts";
import { ReloadNotice } from "./ReloadNotice.tsx";

/**
 * Publishes one new version of a definition or form from JSON, pasted or opened from a file.
 * "Check" runs every validation and shows each problem at its JSON path; "Publish" is offered
 * only for a checked new version and asks first, because a published version never changes.
 */
export function PublishPanel({ text, onText }: { text: string; onText(text: string): void }) {
  const { t } = useI18n();
  const { services, changed } = useEngine();
  const id = useId();
  const [checked, setChecked] = useState<{ text: string; result: CheckedDocument } | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<{ said: Said; tone: "ok" | "error" } | undefined>();

  const check = async () => {
    setOutcome(undefined);
    const read = readJson(text);
    const result: CheckedDocument = read.ok
      ? checkDocument(read.value, await loadCheckContext(services))
      : { status: "invalid", issues: read.issues };
    setChecked({ text, result });
    return result;
  };

  const publish = async () => {
    setConfirming(false);
    try {
      // Checked again against what is stored now: another tab may have published meanwhile.
      const result = await check();
      if (result.status !== "new") return;
      await publishDocuments(services, [result]);
      changed();
      setOutcome({
        said: { key: "admin.published", values: { ref: `${result.id}@${result.version}` } },
        tone: "ok",
      });
      setChecked(undefined);
    } catch (error) {
      setOutcome({ said: explainError(error), tone: "error" });
    }
  };

  const current = checked?.text === text ? checked.result : undefined;
  return (
    <div className="card">
      <h2>{t("admin.publishTitle")}</h2>
      <p className="muted">{t("admin.publishHelp")}</p>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t("admin.openFile")}</label>
        <input
          id={`${id}-file`}
          className="input"
          type="file"
          accept=".json,application/json"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) onText(await file.text());
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-json`}>{t("admin.json")}</label>
        <textarea
          id={`${id}-json`}
          className="textarea json-editor"
          spellCheck={false}
          rows={18}
          value={text}
          onChange={(e) => onText(e.target.value)}
        />
      </div>
      <div className="button-row">
        <button type="button" className="btn" disabled={text.trim() === ""} onClick={() => void check()}>
          {t("admin.check")}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={current?.status !== "new"}
          onClick={() => setConfirming(true)}
        >
          {t("admin.publish")}
        </button>
      </div>
      {current?.status === "invalid" && <IssueList issues={current.issues} />}
      {current?.status === "published" && (
        <SaidNotice
          tone="info"
          said={{ key: "admin.alreadyPublished", values: { ref: `${current.id}@${current.version}` } }}
        />
      )}
      {current?.status === "new" && (
        <SaidNotice
          tone="ok"
          said={{
            key: current.kind === "definition" ? "admin.readyDefinition" : "admin.readyForm",
            values: { ref: `${current.id}@${current.version}` },
          }}
        />
      )}
      {outcome && <SaidNotice said={outcome.said} tone={outcome.tone} />}
      {outcome?.tone === "ok" && <ReloadNotice />}
      {confirming && current?.status === "new" && (
        <ConfirmDialog
          title={t("admin.confirmPublishTitle", { ref: `${current.id}@${current.version}` })}
          confirmLabel={t("admin.publish")}
          onCancel={() => setConfirming(false)}
          onConfirm={() => void publish()}
        >
          <p>{t("admin.confirmPublishBody")}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
