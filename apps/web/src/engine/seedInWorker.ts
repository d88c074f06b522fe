import type { SeedRequest } from "./seedWorker.ts";

/** Longer than any seeding takes; a worker silent this long is given up on and the page seeds. */
const giveUpMs = 30_000;

/**
 * Runs the first start's seeding in a worker (see seedWorker.ts) and resolves when it is done
 * or could not be done; it never rejects. The caller checks the database afterwards.
 */
export function seedInWorker(request: SeedRequest): Promise<void> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL("./seedWorker.ts", import.meta.url), { type: "module" });
    } catch {
      resolve();
      return;
    }
    const timer = setTimeout(() => done(), giveUpMs);
    const done = () => {
      clearTimeout(timer);
      worker.terminate();
      resolve();
    };
    worker.onmessage = done;
    worker.onerror = done;
    worker.onmessageerror = done;
    worker.postMessage(request);
  });
}
