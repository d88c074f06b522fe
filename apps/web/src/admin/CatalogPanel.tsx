import type { StoredDefinition } from "@wf/engine";
import type { FormDocument } from "@wf/storage-dexie";
import { explainError } from "../engine/explainError.ts";
import { useEngineQuery } from "../engine/useEngineQuery.ts";
import { formatTime } from "../i18n/formatTime.ts";
import { type LocalizedText, useI18n } from "../i18n/I18nProvider.tsx";
import { SaidNotice } from "../ui/SaidNotice.tsx";
import { saveFile } from "./saveFile.ts";

interface Versioned {
  id: string;
  title: LocalizedText;
  versions: { version: number; json: unknown; publishedAt?: string; hash?: string; running?: number }[];
}

/**
 * Every published definition and form with all its versions, newest first: when it was
 * published, how many running cases still use it, its JSON (to read or download), and a button
 * that opens the publish editor with a copy numbered as the next version.
 */
export function CatalogPanel({ onNewVersion }: { onNewVersion(json: string): void }) {
  const { t } = useI18n();
  const state = useEngineQuery(async ({ store }) => {
    const running = new Map<string, number>();
    for (const c of await store.queryInstances({ status: "running" })) {
      const key = `${c.definitionId}@${c.definitionVersion}`;
      running.set(key, (running.get(key) ?? 0) + 1);
    }
    const stored: StoredDefinition[] = [];
    for (const s of await store.listDefinitions()) {
      const d = await store.loadDefinition(s.id, s.version);
      if (d) stored.push(d);
    }
    return {
      definitions: group(
        stored.map((d) => ({
          id: d.id,
          title: titleOf(d.definition, d.id),
          version: d.version,
          json: d.definition,
          publishedAt: d.publishedAt,
          hash: d.hash,
          running: running.get(`${d.id}@${d.version}`) ?? 0,
        })),
      ),
      forms: group(
        (await store.listForms()).map((f: FormDocument) => ({
          id: f.id,
          title: titleOf(f, f.id),
          version: f.version,
          json: f,
        })),
      ),
    };
  }, []);

  if (state.status === "failed") return <SaidNotice said={explainError(state.error)} />;
  if (state.status === "loading") return <p role="status">{t("common.loading")}</p>;
  return (
    <>
      <VersionList
        heading={t("admin.definitions")}
        kind="definition"
        items={state.data.definitions}
        onNewVersion={onNewVersion}
      />
      <VersionList
        heading={t("admin.forms")}
        kind="form"
        items={state.data.forms}
        onNewVersion={onNewVersion}
      />
    </>
  );
}

function VersionList({
  heading,
  kind,
  items,
  onNewVersion,
}: {
  heading: string;
  kind: "definition" | "form";
  items: Versioned[];
  onNewVersion(json: string): void;
}) {
  const { t, text, lang } = useI18n();
  return (
    <div className="card">
      <h2>
        {heading} <span className="muted">({items.length})</span>
      </h2>
      {items.length === 0 && <p className="empty">{t("admin.none")}</p>}
      <ul className="list version-list">
        {items.map((item) => {
          const latest = item.versions[0];
          return (
            <li key={item.id} className="version-item">
              <div className="version-head">
                <div>
                  <strong>{text(item.title)}</strong> <code className="muted">{item.id}</code>
                </div>
                {latest && (
                  <button
                    type="button"
                    className="btn btn-sm"
                    aria-label={t("admin.newVersionOf", { id: item.id })}
                    onClick={() =>
                      onNewVersion(
                        JSON.stringify({ ...(latest.json as object), version: latest.version + 1 }, null, 2),
                      )
                    }
                  >
                    {t("admin.newVersion")}
                  </button>
                )}
              </div>
              <div className="table-wrap">
                <table className="data-table">
                  <caption className="visually-hidden">{t("admin.versionsOf", { id: item.id })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("admin.version")}</th>
                      {kind === "definition" && <th scope="col">{t("admin.publishedAt")}</th>}
                      {kind === "definition" && <th scope="col">{t("admin.runningCases")}</th>}
                      <th scope="col">{t("admin.actions")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {item.versions.map((v) => (
                      <tr key={v.version}>
                        <td>
                          v{v.version}
                          {v === latest && <span className="badge badge-primary">{t("admin.latest")}</span>}
                        </td>
                        {kind === "definition" && (
                          <td>{v.publishedAt ? formatTime(v.publishedAt, lang) : ""}</td>
                        )}
                        {kind === "definition" && <td>{v.running}</td>}
                        <td>
                          <button
                            type="button"
                            className="btn btn-sm btn-ghost"
                            aria-label={t("admin.downloadOf", { ref: `${item.id}@${v.version}` })}
                            onClick={() =>
                              saveFile(
                                `${item.id}.v${v.version}.json`,
                                `${JSON.stringify(v.json, null, 2)}\n`,
                              )
                            }
                          >
                            {t("admin.download")}
                          </button>
                          <details className="json-view">
                            <summary>{t("admin.viewJson")}</summary>
                            <pre>{JSON.stringify(v.json, null, 2)}</pre>
                          </details>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </li>
          );
        })}
      </ul>
      {kind === "definition" && <p className="muted">{t("admin.runningNote")}</p>}
      {kind === "form" && <p className="muted">{t("admin.formNote")}</p>}
    </div>
  );
}

function titleOf(json: unknown, fallback: string): LocalizedText {
  const title = (json as { title?: LocalizedText } | null)?.title;
  return title && typeof title.zh === "string" ? title : { zh: fallback, en: fallback };
}

function group(
  rows: {
    id: string;
    title: LocalizedText;
    version: number;
    json: unknown;
    publishedAt?: string;
    hash?: string;
    running?: number;
  }[],
): Versioned[] {
  const byId = new Map<string, Versioned>();
  for (const { id, title, ...version } of rows) {
    const item = byId.get(id) ?? { id, title, versions: [] };
    item.versions.push(version);
    byId.set(id, item);
  }
  for (const item of byId.values()) {
    item.versions.sort((a, b) => b.version - a.version);
    const latest = item.versions[0]?.json;
    item.title = titleOf(latest, item.id);
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}
