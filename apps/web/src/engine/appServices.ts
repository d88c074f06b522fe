import { createEngine, type Definition, DefinitionSchema, type Engine, type OrgDirectory } from "@wf/engine";
import type { FormRegistry } from "@wf/forms";
import { createDexieStore, type DexieStore } from "@wf/storage-dexie";
import { calendars, catalogDirectory, definitions, orgPeople, orgUnits, roleCatalog } from "@wf/workflows";
import { type AppFileStore, createFileStore } from "../files/fileStore.ts";
import { lazyFormRegistry } from "./lazyForms.ts";
import { nextTask } from "./nextTask.ts";
import { seedInWorker } from "./seedInWorker.ts";
import { seedShipped, shippedChecked } from "./seedShipped.ts";
import { shippedBuild } from "./shippedBuild.ts";

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
  /**
   * The module URL of the seeding worker, to seed the shipped content there on a build's first
   * start (the app passes it; tests, in jsdom without workers, seed in place).
   */
  seedWorkerUrl?: string;
  /** The build whose shipped content is checked once; null checks on every start. */
  build?: string | null;
}

/**
 * Opens the database and creates the engine over it. The shipped forms and definitions are
 * seeded (see seedShipped.ts) when a build starts for the first time in this browser, in a
 * worker when asked, so the first screen is not held up by validating and publishing them.
 * Everything else is lazy: forms compile on first use, definitions are parsed when a screen
 * first asks for one.
 */
export async function createAppServices(options: AppServicesOptions = {}): Promise<AppServices> {
  const clock = options.clock ?? (() => new Date().toISOString());
  const name = options.dbName ?? "wf";
  const store = createDexieStore({
    name,
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    clock,
    ...(options.onVersionChange ? { onVersionChange: options.onVersionChange } : {}),
  });
  await store.open();
  // Best effort: a refusal only means the browser may evict data under pressure.
  void store.requestPersistence();

  const build = options.build === undefined ? shippedBuild : (options.build ?? undefined);
  if (!(await shippedChecked(store, build))) {
    if (options.seedWorkerUrl) await seedInWorker(options.seedWorkerUrl, { dbName: name, build });
    // Whatever the worker did, the database says whether seeding is still needed; seeding here
    // reports a bad shipped definition with the engine's own explanation.
    if (!(await shippedChecked(store, build))) await seedShipped(store, build, clock);
  }
  // Each phase below in a task of its own, so none of them blocks the clerk's first taps long.
  await nextTask();
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

  await nextTask();
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
    name: `${name}-files`,
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    clock,
  });

  return { engine, store, forms: formRegistry, directory, files, clock, definition };
}
