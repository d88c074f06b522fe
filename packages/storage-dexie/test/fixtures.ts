import type { AuditEvent, InstanceRecord, TaskRecord } from "@wf/engine";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { createDexieStore, type DexieStore, type DexieStoreOptions } from "../src/index";

/** A private, empty IndexedDB per test: nothing leaks between tests and no global is touched. */
export function freshIndexedDB(): { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange } {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

/** A store on its own fake IndexedDB, with a fixed clock. */
export function openStore(options: Partial<DexieStoreOptions> = {}): DexieStore {
  return createDexieStore({
    name: "wf-test",
    ...freshIndexedDB(),
    storage: null,
    clock: () => "2026-01-05T09:00:00+08:00",
    ...options,
  });
}

/** A running case record; `overrides` replace fields. */
export function instance(
  id: string,
  version: number,
  overrides: Partial<InstanceRecord> = {},
): InstanceRecord {
  return {
    id,
    definitionId: "first-secretary-selection",
    definitionVersion: 1,
    definitionHash: "h-def",
    version,
    status: "running",
    steps: ["apply"],
    data: { villageId: "v-001" },
    startedAt: "2026-01-05T09:00:00+08:00",
    startedBy: { id: "p-1", unit: "u-1" },
    updatedAt: "2026-01-05T09:00:00+08:00",
    children: [],
    lastHash: `hash-${version}`,
    lastSeq: version,
    snapshot: { value: "apply" },
    ...overrides,
  };
}

/** An open task offered to `role` at `unit`; `overrides` replace fields. */
export function task(id: string, instanceId: string, overrides: Partial<TaskRecord> = {}): TaskRecord {
  return {
    id,
    instanceId,
    definitionId: "first-secretary-selection",
    definitionVersion: 1,
    step: "apply",
    kind: "userTask",
    title: { zh: "个人申请", en: "Personal application" },
    assignee: { role: "unit-hr", unit: "u-1" },
    status: "open",
    createdAt: "2026-01-05T09:00:00+08:00",
    outcomes: [{ id: "submit", label: { zh: "提交", en: "Submit" }, opinion: "optional", confirm: false }],
    ...overrides,
  };
}

/** An audit event of `instanceId` at `seq`, made by action `actionId`. */
export function event(
  instanceId: string,
  seq: number,
  actionId: string,
  overrides: Partial<AuditEvent> = {},
): AuditEvent {
  return {
    seq,
    instanceId,
    actionId,
    type: seq === 1 ? "started" : "acted",
    at: `2026-01-05T09:0${seq % 10}:00+08:00`,
    actor: "p-1",
    unit: "u-1",
    step: "apply",
    payload: { type: "submit" },
    baseVersion: seq - 1,
    prevHash: seq === 1 ? "" : `hash-${seq - 1}`,
    hash: `hash-${seq}`,
    ...overrides,
  };
}

/** Starts case `id` in `store` (version 1, one event, one open task `t-<id>`). */
export async function startCase(
  store: DexieStore,
  id: string,
  overrides: Partial<TaskRecord> = {},
): Promise<void> {
  await store.commit({
    instance: instance(id, 1),
    expectedVersion: 0,
    events: [event(id, 1, `start-${id}`)],
    tasks: [task(`t-${id}`, id, overrides)],
  });
}
