import { createEngine } from "@wf/engine";
import type { DexieStore, FormDocument } from "@wf/storage-dexie";
import {
  calendars,
  catalogDirectory,
  definitions,
  forms,
  orgPeople,
  orgUnits,
  roleCatalog,
} from "@wf/workflows";
import { lazyFormRegistry } from "./lazyForms.ts";

const seedKey = "seededForms";
/** The hash of the shipped definitions and forms the database was last seeded with. */
const contentKey = "seededContent";
/** The build whose shipped content was last checked against this database. */
const buildKey = "checkedBuild";

/** FNV-1a over the shipped JSON: cheap, and only compared with the value stored last time. */
function contentHash(): string {
  const text = JSON.stringify([definitions, forms]);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${text.length}-${(h >>> 0).toString(16)}`;
}

/**
 * Whether `build` already checked the shipped content against this database. A build never
 * changes its shipped JSON, so only its first start looks; `undefined` (development and tests,
 * where the JSON changes under a running server) always looks.
 */
export async function shippedChecked(store: DexieStore, build: string | undefined): Promise<boolean> {
  return build !== undefined && (await store.getMeta(buildKey)) === build;
}

/**
 * Seeds the shipped forms and definitions (the definitions validated and published through the
 * engine) when the shipped content differs from what was seeded last: a version already stored
 * with the same content is a no-op, and one stored with other content is refused, so a running
 * case never changes rules. Runs in the seeding worker on a browser's first start, and here when
 * that is not possible or failed, so a bad definition still fails with the engine's own error.
 */
export async function seedShipped(
  store: DexieStore,
  build: string | undefined,
  clock: () => string,
): Promise<void> {
  const shipped = contentHash();
  if ((await store.getMeta(contentKey)) !== shipped) {
    // Shipped versions are put as they are; versions published in the app keep their own numbers.
    if ((await store.getMeta(seedKey)) === undefined)
      for (const form of forms) await store.saveForm(form as FormDocument);
    else {
      const stored = new Set((await store.listForms()).map((f) => `${f.id}@${f.version}`));
      for (const form of forms) {
        const f = form as FormDocument;
        if (!stored.has(`${f.id}@${f.version}`)) await store.saveForm(f);
      }
    }
    await store.setMeta(seedKey, clock());
    const storedForms = await store.listForms();
    const engine = createEngine({
      store,
      directory: catalogDirectory(orgUnits, orgPeople),
      forms: lazyFormRegistry(storedForms),
      clock,
      ids: () => crypto.randomUUID(),
      calendars: { ...calendars },
      validation: {
        forms: storedForms.map((f) => f.id),
        definitions: definitions.map((d) => (d as { id: string }).id),
        roles: roleCatalog.map((r) => r.id),
      },
    });
    for (const d of definitions) await engine.publish(d);
    await store.setMeta(contentKey, shipped);
  }
  if (build !== undefined) await store.setMeta(buildKey, build);
}
