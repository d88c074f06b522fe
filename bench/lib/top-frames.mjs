// Summarise a V8 .cpuprofile (from `node --cpu-prof`) as self time per function, heaviest first,
// and as inclusive time per function, so a missed target can be traced to named functions.
// Usage: node bench/lib/top-frames.mjs <file.cpuprofile> [count] [filter-substring] [under]
// `under` keeps only samples whose stack passes through a function whose label contains it
// (e.g. "replay"), to see where one operation spends its time.
import { readFileSync } from "node:fs";

const [file, countArg, filterArg, under] = process.argv.slice(2);
const filter = filterArg === "-" ? undefined : filterArg;
if (!file) {
  console.error("usage: node top-frames.mjs <file.cpuprofile> [count] [filter]");
  process.exit(2);
}
const count = Number(countArg ?? 25);
const profile = JSON.parse(readFileSync(file, "utf8"));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Time per sampled node: each sample's delta belongs to the node that was on top of the stack.
const sampled = new Map();
profile.samples.forEach((id, i) => {
  sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});

const label = (n) => {
  const cf = n.callFrame;
  const where = cf.url ? cf.url.split("/").slice(-3).join("/") : "(native)";
  return `${cf.functionName || "(anonymous)"}  ${where}:${cf.lineNumber + 1}`;
};

const self = new Map();
const inclusive = new Map();
let total = 0;
const stackHas = (id, text) => {
  for (let cur = id; cur !== undefined; cur = parent.get(cur))
    if (label(byId.get(cur)).includes(text)) return true;
  return false;
};
for (const [id, t] of sampled) {
  if (under && !stackHas(id, under)) continue;
  total += t;
  const top = byId.get(id);
  self.set(label(top), (self.get(label(top)) ?? 0) + t);
  // Inclusive: credit each distinct function on the stack once per sample (recursion-safe).
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur));
    if (seen.has(l)) continue;
    seen.add(l);
    inclusive.set(l, (inclusive.get(l) ?? 0) + t);
  }
}

const print = (title, m) => {
  console.log(`\n${title} (of ${(total / 1000).toFixed(0)} ms sampled)`);
  const rows = [...m].filter(([k]) => !filter || k.includes(filter)).sort((a, b) => b[1] - a[1]);
  for (const [k, t] of rows.slice(0, count))
    console.log(`${((100 * t) / total).toFixed(1).padStart(6)}%  ${k}`);
};
print("self time", self);
print("inclusive time", inclusive);
