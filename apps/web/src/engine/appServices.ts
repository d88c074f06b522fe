import { createEngine, type Definition, DefinitionSchema, type Engine, type OrgDirectory } from "@wf/engine";
import type { FormRegistry } from "@wf/forms";
import { createDexieStore, type DexieStore, type FormDocument } from "@wf/storage-dexie";
import {
  calendars,
  catalogDirectory,
  definitions,
  forms,
  orgPeople,
  orgUnits,
  roleCatalog,
} from "@wf/workflows";
import { type AppFileStore, createFileStore } from "../files/fileStore.ts";
import { lazyFormRegistry } from "./lazyForms.ts";

/** Everything the screens use to read and change cases, created once per page. */
export interface AppServices {
  engine: Engine;
  store: DexieStore;
  forms: FormRegistry;
  directory: OrgDirectory;
  /** Attachments of forms, kept in this browser. */
  files: AppFileStore;
  clock: () => string;
  /** Published definitions by `id@version`, and the latest by `id`, for titles and outcomes. */
  definition(id: string, version?: number): Definition | undefined;
}

/** How to build the services; tests pass fake-indexeddb and a fixed clock. */
export interface AppServicesOptions {
  dbName?: string;
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  clock?: () => string;
  ids?: () => string;
  onVersionChange?: () => void;
}

const seedKey = "seededForms";
/** The hash of the shipped definitions and forms the database was last seeded with. */
const contentKey = "seededContent";

/** FNV-1a over the shipped JSON: cheap, and only compared with the value stored last time. */
function contentHash(): string {
  const text = JSON.stringify([definitions, forms]);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${text.length}-${(h >>> 0).toString(16)}`;
}

/**
 * Opens the database and creates the engine over it. The shipped forms and definitions are
 * seeded (and the definitions validated and published) only on the first run and when the
 * shipped content changes: a version already stored with the same content is a no-op, and one
 * stored with other content is refused, so a running case never changes rules. Everything else
 * is lazy: forms compile on first use, definitions are parsed when a screen asks for one.
 */
export async function createAppServices(options: AppServicesOptions = {}): Promise<AppServices> {
  const clock = options.clock ?? (() => new Date().toISOString());
  const store = createDexieStore({
    name: options.dbName ?? "wf",
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    clock,
    ...(options.onVersionChange ? { onVersionChange: options.onVersionChange } : {}),
  });
  await store.open();
  // Best effort: a refusal only means the browser may evict data under pressure.
  void store.requestPersistence();

  const shipped = contentHash();
  const seeded = (await store.getMeta(contentKey)) === shipped;
  if (!seeded) {
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
  }
  const storedForms = await store.listForms();
  const directory = catalogDirectory(orgUnits, orgPeople);
  const calendar = calendars["cn-mainland"];
  const formRegistry = lazyFormRegistry(storedForms, {
    context: () => ({
      env: calendar ? { now: clock(), calendar } : { now: clock() },
      exists: (kind, id) => (kind === "person" ? directory.person(id) : directory.unit(id)) !== undefined,
    }),
  });

  const engine = createEngine({
    store,
    directory,
    forms: formRegistry,
    clock,
    ids: options.ids ?? (() => crypto.randomUUID()),
    calendars: { ...calendars },
    validation: {
      forms: storedForms.map((f) => f.id),
      definitions: definitions.map((d) => (d as { id: string }).id),
      roles: roleCatalog.map((r) => r.id),
    },
  });
  if (!seeded) {
    for (const d of definitions) await engine.publish(d);
    await store.setMeta(contentKey, shipped);
  }

  // The stored definitions as JSON; each is parsed once, when a screen first asks for it.
  const raw = new Map<string, unknown>();
  const latestVersion = new Map<string, number>();
  for (const summary of await store.listDefinitions()) {
    const stored = await store.loadDefinition(summary.id, summary.version);
    if (!stored) continue;
    raw.set(`${summary.id}@${summary.version}`, stored.definition);
    if ((latestVersion.get(summary.id) ?? 0) < summary.version)
      latestVersion.set(summary.id, summary.version);
  }
  const parsed = new Map<string, Definition | undefined>();
  const definition = (id: string, version?: number): Definition | undefined => {
    const key = `${id}@${version ?? latestVersion.get(id)}`;
    if (parsed.has(key)) return parsed.get(key);
    const json = raw.get(key);
    const result = json === undefined ? undefined : DefinitionSchema.safeParse(json);
    const value = result?.success ? result.data : undefined;
    parsed.set(key, value);
    return value;
  };

  const files = createFileStore({
    name: `${options.dbName ?? "wf"}-files`,
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    clock,
  });

  return { engine, store, forms: formRegistry, directory, files, clock, definition };
}
