// First: zod must hear "jitless" before the engine's schemas are built (see zodJitless.ts).
import "./zodJitless.ts";
import { createDexieStore } from "@wf/storage-dexie";
import { seedShipped } from "./seedShipped.ts";

/** What the page asks: seed this database for this build. */
export interface SeedRequest {
  dbName: string;
  build: string | undefined;
}

/**
 * The first start's seeding, off the page's main thread: validating and publishing the shipped
 * procedures and writing 19 forms would otherwise hold up the clerk's first taps. The page
 * checks the database afterwards and seeds there itself if this did not finish.
 */
self.onmessage = async (event: MessageEvent<SeedRequest>) => {
  const { dbName, build } = event.data;
  const store = createDexieStore({ name: dbName });
  let ok = false;
  try {
    await store.open();
    await seedShipped(store, build, () => new Date().toISOString());
    ok = true;
  } catch {
    // The page repeats the seeding itself, where the error reaches the clerk with its explanation.
  } finally {
    store.close();
  }
  self.postMessage({ ok });
};
