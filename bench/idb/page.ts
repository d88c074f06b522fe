/** Browser entry for idb/chromium.ts: exposes the shared IndexedDB workload to the driver. */
import { runIdb } from "./ops";

declare global {
  interface Window {
    benchIdb: (cases: number, rounds: number) => ReturnType<typeof runIdb>;
  }
}

window.benchIdb = (cases, rounds) =>
  runIdb({ indexedDB, IDBKeyRange }, cases, rounds, (s) => console.log(`# ${s}`));
