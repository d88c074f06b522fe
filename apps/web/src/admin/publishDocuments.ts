import { canonicalJson, type StoredDefinition, sha256Hex } from "@wf/engine";
import type { FormDocument } from "@wf/storage-dexie";
import { calendars, roleCatalog } from "@wf/workflows";
import type { AppServices } from "../engine/appServices.ts";
import type { CheckContext, CheckedDocument } from "./documentChecks.ts";

/** Stored definitions and forms and the catalogs, for `checkDocument`. */
export async function loadCheckContext(services: AppServices): Promise<CheckContext> {
  const summaries = await services.store.listDefinitions();
  const definitions: StoredDefinition[] = [];
  for (const s of summaries) {
    const stored = await services.store.loadDefinition(s.id, s.version);
    if (stored) definitions.push(stored);
  }
  return {
    definitions,
    forms: await services.store.listForms(),
    roles: roleCatalog.map((r) => r.id),
    calendars: Object.keys(calendars),
  };
}

/**
 * Writes checked documents: forms first, so the definitions that use them find them, then the
 * definitions as the engine publishes them (the validated JSON, its SHA-256 over canonical JSON,
 * the time). The engine reads published versions from the store, so a new version is used by
 * cases started from now on; running cases keep the version they started with.
 *
 * Definitions are written through the store rather than `engine.publish` because the engine's
 * list of known forms was fixed when the app opened: a definition using a form published a moment
 * ago would be refused until a reload. Every check `engine.publish` makes ran in `checkDocument`,
 * against the forms as stored now.
 */
export async function publishDocuments(
  services: AppServices,
  documents: readonly CheckedDocument[],
): Promise<{ definitions: number; forms: number }> {
  const fresh = documents.filter((d): d is Extract<CheckedDocument, { status: "new" }> => d.status === "new");
  const forms = fresh.filter((d) => d.kind === "form");
  const definitions = fresh.filter((d) => d.kind === "definition");
  for (const f of forms) await services.store.saveForm(f.value as FormDocument);
  for (const d of definitions)
    await services.store.saveDefinition({
      id: d.id,
      version: d.version,
      hash: await sha256Hex(canonicalJson(d.value)),
      definition: d.value,
      publishedAt: services.clock(),
    });
  return { definitions: definitions.length, forms: forms.length };
}
