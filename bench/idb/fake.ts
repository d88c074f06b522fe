/**
 * IndexedDB at scale in Node with fake-indexeddb: the quick stand-in for the Chromium run.
 * fake-indexeddb is an in-memory JavaScript implementation, so its absolute times say little
 * about a browser; the raw/ours ratio on identical data and indexes still shows our overhead.
 */
import "fake-indexeddb/auto";
import { report, reportBaseline, size } from "../lib/measure";
import { runIdb } from "./ops";

// fake-indexeddb loads super-linearly (100,000 cases took 240 s here, 2.9 GB resident), so Node
// runs a tenth of the scale (about 160,000 records, 5 s); the full scale runs in Chromium.
const cases = size(10_000, 3_000);
// 101 rounds (each under a millisecond): with 25 the medians moved by a third between runs on a
// busy 2-core machine.
const res = await runIdb({ indexedDB, IDBKeyRange }, cases, size(101, 7), (s) => console.error(`# ${s}`));
const tag = `${cases / 1000}k cases, ${res.inboxSize} in inbox`;
console.error(`# ${tag}`);

// The runner passes baselines between processes; here both sides ran in this one, so pass directly.
process.env.BENCH_PRIOR = JSON.stringify({
  "idb.fake.raw.inbox": { value: res.raw.inboxMs, unit: "ms" },
  "idb.fake.raw.append": { value: res.raw.appendMs, unit: "ms" },
});
reportBaseline("idb.fake.raw.inbox", res.raw.inboxMs, "ms");
reportBaseline("idb.fake.raw.append", res.raw.appendMs, "ms");
report("idb.fake.ours.inbox-vs-raw", res.ours.inboxMs, "ms", "idb.fake.raw.inbox");
report("idb.fake.ours.append-vs-raw", res.ours.appendMs, "ms", "idb.fake.raw.append");
