import type { SeedRequest } from "./seedWorker.ts";

/** Longer than any seeding takes; a worker silent this long is given up on and the page seeds. */
const giveUpMs = 30_000;

/**
 * Runs the first start's seeding in the worker at `workerUrl` (seedWorker.ts, built as a chunk
 * of the app: see vite.config.ts). Resolves with whether it finished; it never rejects. The
 * caller checks the database afterwards either way.
 */
export function seedInWorker(workerUrl: string, request: SeedRequest): Promise<boolean> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(workerUrl, { type: "module" });
    } catch {
      resolve(false);
      return;
    }
    const timer = setTimeout(() => done(false), giveUpMs);
    const done = (ok: boolean) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(ok);
    };
    worker.onmessage = (event: MessageEvent<{ ok: boolean }>) => done(event.data.ok === true);
    worker.onerror = () => done(false);
    worker.onmessageerror = () => done(false);
    worker.postMessage(request);
  });
}
