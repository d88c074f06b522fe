import type { DesignDefinition, DesignForm } from "@wf/designer";
import { calendars } from "@wf/workflows";
import { lazy, Suspense, useId, useState } from "react";
import { useEngine } from "../engine/EngineProvider.tsx";
import { explainError } from "../engine/explainError.ts";
import { useEngineQuery } from "../engine/useEngineQuery.ts";
import { type LocalizedText, useI18n } from "../i18n/I18nProvider.tsx";
import type { Said } from "../i18n/said.ts";
import { useOrg } from "../org/OrgProvider.tsx";
import { ConfirmDialog } from "../ui/ConfirmDialog.tsx";
import { SaidNotice } from "../ui/SaidNotice.tsx";
import { type CheckedDocument, checkDocument } from "./documentChecks.ts";
import { IssueList } from "./IssueList.tsx";
import { loadCheckContext, publishDocuments } from "./publishDocuments.ts";
import { ReloadNotice } from "./ReloadNotice.tsx";

// The designers bring CodeMirror, React Flow and ELK: loaded only when an administrator opens one.
const loadDesigner = () =>
  import("@wf/designer").then((m) => {
    adoptStyles(m.designerStyles);
    return m;
  });
const FormDesigner = lazy(() => loadDesigner().then((m) => ({ default: m.FormDesigner })));
const WorkflowDesigner = lazy(() => loadDesigner().then((m) => ({ default: m.WorkflowDesigner })));

let adopted = false;
/**
 * The designers render their stylesheet in an inline <style> element, which the app's
 * Content-Security-Policy (style-src 'self') blocks. A constructed stylesheet is applied through
 * the CSSOM, which the policy allows, so the same rules reach the page that way.
 */
function adoptStyles(css: string): void {
  if (adopted || typeof CSSStyleSheet === "undefined" || !("adoptedStyleSheets" in document)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  adopted = true;
}

type Pending = Extract<CheckedDocument, { status: "new" }>;

/**
 * The visual designers over the latest published version of a definition or form. The designer
 * hands over the next version when its own checks pass; the app checks it again exactly like a
 * pasted JSON (`checkDocument`), asks, and publishes it as a new version.
 */
export function DesignerPanel() {
  const { t, text, lang } = useI18n();
  const org = useOrg();
  const { services, changed } = useEngine();
  const id = useId();
  const [choice, setChoice] = useState("");
  const [pending, setPending] = useState<Pending | undefined>();
  const [refused, setRefused] = useState<CheckedDocument | undefined>();
  const [outcome, setOutcome] = useState<{ said: Said; tone: "ok" | "error" } | undefined>();
  const state = useEngineQuery(async (s) => {
    const ctx = await loadCheckContext(s);
    const latest = <T extends { id: string; version: number }>(items: readonly T[]) => {
      const byId = new Map<string, T>();
      for (const item of items) if ((byId.get(item.id)?.version ?? 0) < item.version) byId.set(item.id, item);
      return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
    };
    return {
      definitions: latest(
        ctx.definitions.map((d) => ({
          id: d.id,
          version: d.version,
          json: d.definition as DesignDefinition,
        })),
      ),
      forms: latest(
        ctx.forms.map((f) => ({ id: f.id, version: f.version, json: f as unknown as DesignForm })),
      ),
    };
  }, []);

  const handOver = async (doc: unknown) => {
    setOutcome(undefined);
    const result = checkDocument(doc, await loadCheckContext(services));
    if (result.status === "new") {
      setRefused(undefined);
      setPending(result);
    } else setRefused(result);
  };

  const publish = async (doc: Pending) => {
    setPending(undefined);
    try {
      await publishDocuments(services, [doc]);
      changed();
      setOutcome({
        said: { key: "admin.published", values: { ref: `${doc.id}@${doc.version}` } },
        tone: "ok",
      });
    } catch (error) {
      setOutcome({ said: explainError(error), tone: "error" });
    }
  };

  if (state.status === "failed") return <SaidNotice said={explainError(state.error)} />;
  if (state.status === "loading") return <p role="status">{t("common.loading")}</p>;
  const { definitions, forms } = state.data;
  const [kind, docId] = choice.split(":");
  // "definition:" and "form:" (no id) start from a blank document: designing from nothing.
  const definition =
    kind === "definition"
      ? (definitions.find((d) => d.id === docId) ??
        (docId
          ? undefined
          : {
              id: "",
              version: 1,
              json: {
                id: "",
                version: 1,
                title: { zh: "" },
                roles: [],
                start: { roles: [] },
                initial: "",
                steps: {},
              },
            }))
      : undefined;
  const form =
    kind === "form"
      ? (forms.find((f) => f.id === docId) ??
        (docId
          ? undefined
          : { id: "", version: 1, json: { id: "", version: 1, title: { zh: "" }, fields: [] } }))
      : undefined;
  const title = (json: unknown) => text((json as { title?: LocalizedText }).title ?? { zh: "" });
  const locale = lang === "en" ? "en" : "zh-CN";

  return (
    <div className="card designer-card">
      <h2>{t("admin.designerTitle")}</h2>
      <p className="muted">{t("admin.designerHelp")}</p>
      <div className="field">
        <label htmlFor={`${id}-doc`}>{t("admin.designerPick")}</label>
        <select
          id={`${id}-doc`}
          className="select"
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
        >
          <option value="">{t("admin.designerNone")}</option>
          <optgroup label={t("admin.definitions")}>
            <option value="definition:">+ {t("admin.definitions")}</option>
            {definitions.map((d) => (
              <option key={d.id} value={`definition:${d.id}`}>
                {title(d.json)} ({d.id}@{d.version})
              </option>
            ))}
          </optgroup>
          <optgroup label={t("admin.forms")}>
            <option value="form:">+ {t("admin.forms")}</option>
            {forms.map((f) => (
              <option key={f.id} value={`form:${f.id}`}>
                {title(f.json)} ({f.id}@{f.version})
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      {refused?.status === "invalid" && <IssueList issues={refused.issues} />}
      {refused?.status === "published" && (
        <SaidNotice
          tone="info"
          said={{ key: "admin.alreadyPublished", values: { ref: `${refused.id}@${refused.version}` } }}
        />
      )}
      {outcome && <SaidNotice said={outcome.said} tone={outcome.tone} />}
      {outcome?.tone === "ok" && <ReloadNotice />}
      <Suspense fallback={<p role="status">{t("admin.designerLoading")}</p>}>
        {definition && (
          <WorkflowDesigner
            key={`${definition.id}@${definition.version}`}
            definition={definition.json}
            forms={forms.map((f) => f.json)}
            catalog={{ units: org.catalog.units, people: org.catalog.people }}
            calendars={Object.values(calendars)}
            locale={locale}
            onPublish={(doc) => void handOver(doc)}
          />
        )}
        {form && (
          <FormDesigner
            key={`${form.id}@${form.version}`}
            form={form.json}
            definitions={definitions.map((d) => d.json)}
            locale={locale}
            onPublish={(doc) => void handOver(doc)}
          />
        )}
      </Suspense>
      {pending && (
        <ConfirmDialog
          title={t("admin.confirmPublishTitle", { ref: `${pending.id}@${pending.version}` })}
          confirmLabel={t("admin.publish")}
          onCancel={() => setPending(undefined)}
          onConfirm={() => void publish(pending)}
        >
          <p>{t("admin.confirmPublishBody")}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
