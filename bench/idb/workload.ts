/**
 * The IndexedDB workload, shared by the Node run (fake-indexeddb) and the browser page (real
 * Chromium): a province-sized store of first-secretary selection cases, written in the row
 * format of @wf/storage-dexie (engine record in `value`, index columns beside it), so the raw
 * IndexedDB code and our Dexie store read and write the very same database and indexes.
 *
 * Shape: N cases with 8 audit events each (100,000 cases -> 800,000 events), 30 % still running,
 * one task per step reached (completed, and the current one open), over 100 counties.
 */
import type { AuditEvent, Commit, InstanceRecord, TaskRecord } from "@wf/engine";
import { toEventRows, toInstanceRow, toTaskRow } from "../../packages/storage-dexie/src/rows";

const EVENTS_PER_CASE = 8;
const COUNTIES = 100;

const STEPS = ["apply", "recommend", "review", "inspect", "match", "decide", "notice", "dispatch"] as const;
/** Who each step is offered to: unit-level HR, then county bodies. */
function slot(i: number, step: number): { role: string; unit: string } {
  const county = `c${i % COUNTIES}`;
  switch (STEPS[step]) {
    case "apply":
    case "recommend":
      return { role: "unit-hr", unit: `${county}-u${i % 37}` };
    case "inspect":
      return { role: "inspection-team", unit: `${county}-org` };
    case "decide":
      return { role: "standing-committee", unit: `${county}-pc` };
    default:
      return { role: "org-dept", unit: `${county}-org` };
  }
}

// Decided by i / COUNTIES, not i, so that every county (i % COUNTIES) has running cases.
const isRunning = (i: number): boolean => Math.floor(i / COUNTIES) % 10 < 3;
/** The step a running case waits at (1..7), or 8 when the case is complete. */
const stepOf = (i: number): number => (isRunning(i) ? 1 + ((i >> 2) % 7) : 8);

const at = (i: number, k: number) =>
  new Date(Date.UTC(2026, 0, 1) + i * 60_000 + k * 86_400_000).toISOString();
const hex = (i: number, k: number) =>
  ((i * 2654435761 + k * 40503) >>> 0).toString(16).padStart(8, "0").repeat(8);

function instance(i: number, version = EVENTS_PER_CASE): InstanceRecord {
  const step = stepOf(i);
  const running = step < 8;
  return {
    id: `case-${i}`,
    definitionId: "first-secretary-selection",
    definitionVersion: 1,
    definitionHash: hex(0, 0),
    version,
    status: running ? "running" : "completed",
    steps: running ? [STEPS[step]!] : [],
    ...(running ? {} : { outcome: "dispatched", endedAt: at(i, 30) }),
    data: {
      candidateId: `p${i}`,
      villageId: `${`c${i % COUNTIES}`}-v${i % 211}`,
      candidate: {
        name: `候选人${i}`,
        birthDate: "1985-04-12",
        rank: "副科",
        partyJoined: "2008-07-01",
        unit: `u${i % 37}`,
      },
      noticeDays: 5,
    },
    subject: `p${i}`,
    startedAt: at(i, 0),
    startedBy: { id: `p${i}`, unit: slot(i, 0).unit },
    updatedAt: at(i, version),
    children: [],
    lastHash: hex(i, version),
    lastSeq: version,
    snapshot: {
      status: running ? "active" : "done",
      value: running ? STEPS[step] : "dispatched",
      context: {},
    },
  };
}

function task(i: number, step: number, open: boolean): TaskRecord {
  return {
    id: `case-${i}-t${step}`,
    instanceId: `case-${i}`,
    definitionId: "first-secretary-selection",
    definitionVersion: 1,
    step: STEPS[step]!,
    kind: "userTask",
    title: { zh: "第一书记选派", en: STEPS[step]! },
    assignee: slot(i, step),
    status: open ? "open" : "completed",
    createdAt: at(i, step),
    due: at(i, step + 10),
    ...(open ? {} : { completedAt: at(i, step + 1), completedBy: `p${i + step}`, outcome: "pass" }),
    outcomes: [{ id: "pass", label: { zh: "通过", en: "Pass" }, opinion: "optional", confirm: false }],
  };
}

function event(i: number, seq: number): AuditEvent {
  const step = Math.min(seq - 1, 7);
  return {
    seq,
    instanceId: `case-${i}`,
    actionId: `a-${i}-${seq}`,
    type: seq === 1 ? "started" : "acted",
    at: at(i, seq),
    actor: `p${i + seq}`,
    unit: slot(i, step).unit,
    step: STEPS[step]!,
    outcome: "pass",
    opinion: "同意",
    payload: { type: "pass", taskId: `case-${i}-t${step}` },
    baseVersion: seq - 1,
    prevHash: seq === 1 ? "" : hex(i, seq - 1),
    hash: hex(i, seq),
  };
}

// Rows are built by @wf/storage-dexie's own row functions (not exported by the package, hence
// the source path), so this workload follows its format and index columns as they change.
export const taskRow = toTaskRow;
export const instanceRow = toInstanceRow;
export const eventRows = toEventRows;

/** The index key of one "role at an org unit" inbox, in whatever tuple order the store uses. */
export function inboxKey(q: { unit: string; role: string; status: "open" }): unknown {
  const probe = { ...task(0, 2, true), assignee: { unit: q.unit, role: q.role }, status: q.status };
  return toTaskRow(probe).slots[0];
}

/** Rows for cases [from, to), for bulk loading. */
export function rows(from: number, to: number) {
  const instances = [];
  const tasks = [];
  const events = [];
  for (let i = from; i < to; i++) {
    instances.push(instanceRow(instance(i)));
    const step = stepOf(i);
    for (let s = 0; s <= Math.min(step, 7); s++) tasks.push(taskRow(task(i, s, s === step)));
    const log = [];
    for (let seq = 1; seq <= EVENTS_PER_CASE; seq++) log.push(event(i, seq));
    events.push(...eventRows(log));
  }
  return { instances, tasks, events };
}

/** The commit one action on running case i makes at `version`: the task done, the next one open. */
export function actionCommit(i: number, version: number): Commit {
  const step = stepOf(i);
  const done = { ...task(i, step, false), id: `case-${i}-t${step}-v${version}` };
  const next = { ...task(i, Math.min(step + 1, 7), true), id: `case-${i}-t${step + 1}-v${version}` };
  return {
    instance: instance(i, version + 1),
    expectedVersion: version,
    events: [{ ...event(i, version + 1), actionId: `bench-${i}-${version + 1}` }],
    tasks: [done, next],
  };
}

/** Running cases whose open task sits in county k's org-dept inbox, for choosing append targets. */
export function runningCases(n: number, count: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n && out.length < count; i++) if (isRunning(i)) out.push(i);
  return out;
}

export const inboxOf = (k: number) => ({
  unit: `c${k % COUNTIES}-org`,
  role: "org-dept",
  status: "open" as const,
});
