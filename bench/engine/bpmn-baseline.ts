/**
 * Baseline (b): the same eight-step path as a BPMN 2.0 process (selection.bpmn) run by
 * bpmn-engine, the embeddable JavaScript BPMN engine a team would otherwise pick. Each case is an
 * Engine execution driven through its user tasks with `execution.signal`; the gateways read the
 * decision the driver sets; the notice ends by its boundary timer, fired by the driver from a fake
 * timer registry (the way our engine's `tick(now)` fires deadlines), so no real time is waited.
 *
 * Fairness: the XML is parsed and serialized once and every case reuses the serialized source
 * context, so we do not charge bpmn-engine for XML parsing on every case.
 */
import { readFileSync } from "node:fs";
import { Engine } from "bpmn-engine";
import { heapUsed, median, now, reportBaseline, size } from "../lib/measure";
import { ACTIONS_PER_CASE } from "./xstate-baseline";

const xml = readFileSync(new URL("./selection.bpmn", import.meta.url), "utf8");

/** bpmn-elements' Timer shape; `timerRef` would be the host timer, which never exists here. */
interface PendingTimer {
  callback: CallableFunction;
  delay: number;
  timerId: string;
  timerRef: undefined;
  args: unknown[];
  cleared: boolean;
}

/** A timer registry with bpmn-elements' shape whose timers only fire when the driver says so. */
function manualTimers() {
  const pending: PendingTimer[] = [];
  const setTimeout = (callback: CallableFunction, delay: number, ...args: unknown[]) => {
    const ref: PendingTimer = {
      callback,
      delay,
      timerId: `t${pending.length}`,
      timerRef: undefined,
      args,
      cleared: false,
    };
    pending.push(ref);
    return ref;
  };
  const clearTimeout = (ref: PendingTimer | undefined) => {
    if (ref) ref.cleared = true;
  };
  const api = {
    setTimeout,
    clearTimeout,
    executing: [] as unknown[],
    register: () => ({ setTimeout, clearTimeout }),
  };
  const fireAll = () => {
    for (const t of pending.splice(0)) if (!t.cleared) Reflect.apply(t.callback, undefined, t.args);
  };
  return { api, fireAll };
}

// biome-ignore lint/suspicious/noExplicitAny: bpmn-engine's serialized source context is untyped
type SourceContext = any;
let sourceContext: SourceContext;
async function source(): Promise<SourceContext> {
  if (!sourceContext) {
    // The public options take a source or a moddle context; serializing once is what a server
    // that runs many cases of one definition would do.
    const e = new Engine() as unknown as {
      _getModdleContext(s: string): Promise<unknown>;
      _serializeModdleContext(m: unknown): SourceContext;
    };
    sourceContext = e._serializeModdleContext(await e._getModdleContext(xml));
  }
  return sourceContext;
}

/** bpmn-engine logs through `debug`, which checks the terminal on each call; a no-op logger is fairer. */
const noop = () => {};
const silent = () => ({ debug: noop, error: noop, warn: noop });

const PATH: [task: string, decision: string][] = [
  ["apply", "submit"],
  ["recommend", "recommend"],
  ["review", "pass"],
  ["inspect", "pass"],
  ["match", "propose"],
  ["decide", "approve"],
];

/** Start one case and drive it to `stopAt` tasks done (all of them, timer and dispatch, by default). */
export async function runCase(i: number, stopAt = Number.POSITIVE_INFINITY) {
  const { api, fireAll } = manualTimers();
  const decision: Record<string, boolean> = {};
  const engine = new Engine({
    name: `case-${i}`,
    sourceContext: await source(),
    timers: api,
    Logger: silent,
  });
  const execution = await engine.execute({ variables: { decision, villageId: `v${i % 2000}` } });
  let done = 0;
  for (const [id, outcome] of PATH) {
    if (done++ >= stopAt) return { engine, execution };
    for (const k of Object.keys(decision)) delete decision[k];
    decision[outcome] = true;
    execution.signal({ id });
  }
  fireAll(); // the public notice period is over with no objection
  execution.signal({ id: "dispatch" });
  const state = execution.getState();
  if (state.state !== "idle" || execution.getPostponed().length > 0) {
    throw new Error(
      `case ${i} did not complete: ${state.state}, waiting at ${execution.getPostponed().map((a) => a.id)}`,
    );
  }
  return { engine, execution };
}

async function main(): Promise<void> {
  // About 20 ms per case on a quiet 2-core machine (several times that on a busy one): a short
  // warm-up and rounds of 200 cases keep the whole benchmark inside its time limit; the figure
  // is a rate, so the case count does not bias it.
  const n = size(200, 60);
  for (let i = 0; i < 50; i++) await runCase(i);
  const times: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = now();
    for (let i = 0; i < n; i++) await runCase(i);
    times.push(now() - t0);
  }
  reportBaseline("engine.bpmn.throughput", (n * ACTIONS_PER_CASE) / (median(times) / 1000), "actions/s");

  // A waiting execution holds its whole message broker (about 1.7 MB), so keep the count modest.
  const idle = size(300, 60);
  const before = heapUsed();
  const held: unknown[] = [];
  for (let i = 0; i < idle; i++) held.push(await runCase(i, 2));
  const after = heapUsed();
  reportBaseline("engine.bpmn.idle-memory", (after - before) / idle, "B/case");
  if (held.length !== idle) throw new Error("unreachable: keeps `held` alive until after the measurement");
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
