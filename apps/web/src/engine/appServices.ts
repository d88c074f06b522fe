import { createEngine, type Definition, DefinitionSchema, type Engine, type OrgDirectory } from "@wf/engine";
import { createFormValidator, type FormRegistry } from "@wf/forms";
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

/**
 * Opens the database, seeds it on first run with the shipped forms, and creates the engine over
 * it. Definitions are published on every start: a version already stored with the same content is
 * a no-op, and one stored with other content is refused, so a running case never changes rules.
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

  if ((await store.getMeta(seedKey)) === undefined) {
    for (const form of forms) await store.saveForm(form as FormDocument);
    await store.setMeta(seedKey, clock());
  }
  const storedForms = await store.listForms();
  const directory = catalogDirectory(orgUnits, orgPeople);
  const calendar = calendars["cn-mainland"];
  const formRegistry = createFormValidator(storedForms, {
    context: () => ({
      env: calendar ? { now: clock(), calendar } : { now: clock() },
      exists: (kind, id) => (kind === "person" ? directory.person(id) : directory.unit(id)) !== undefined,
    }),
  });

  const engine = createEngine({
    definitions: [...definitions],
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

  // Parse what the engine publishes, so screens can show step titles and outcomes of any version.
  const byRef = new Map<string, Definition>();
  for (const summary of await listAfterPublish(engine, store)) {
    const stored = await store.loadDefinition(summary.id, summary.version);
    if (!stored) continue;
    const parsed = DefinitionSchema.safeParse(stored.definition);
    if (!parsed.success) continue;
    byRef.set(`${summary.id}@${summary.version}`, parsed.data);
    const latest = byRef.get(summary.id);
    if (!latest || latest.version < summary.version) byRef.set(summary.id, parsed.data);
  }

  const files = createFileStore({
    name: `${options.dbName ?? "wf"}-files`,
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    clock,
  });

  return {
    engine,
    store,
    forms: formRegistry,
    directory,
    files,
    clock,
    definition: (id, version) => byRef.get(version === undefined ? id : `${id}@${version}`),
  };
}

/** Waits for the engine to publish the shipped definitions (it does so lazily), then lists them. */
async function listAfterPublish(engine: Engine, store: DexieStore) {
  for (const d of definitions) await engine.publish(d);
  return store.listDefinitions();
}
