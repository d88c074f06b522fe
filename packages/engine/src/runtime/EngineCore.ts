import { type HashFn, sealEvent, sealEventSync, type UnsealedEvent } from "../audit/auditChain";
import type { CompiledDefinition } from "../compile/compileDefinition";
import { initialSnapshot, nextSnapshot, type Snapshot, snapshotAt } from "../compile/runMachine";
import { EngineError, NotFoundError } from "../errors";
import type { AuditEvent, InstanceRecord, Store, TaskRecord } from "../store/Store";
import type { StartInput, WfContext, WfEvent } from "./context";
import type { LoadedDefinition } from "./DefinitionRegistry";
import { instanceRecord, type RecordMeta, type StoredSnapshot } from "./instanceRecord";
import { changedKeys, startKeys } from "./setPath";
import { merged } from "./shapes";
import { openTaskRecord, taskChanges } from "./taskRecords";

/** Who/what an audit event is about, besides the machine event itself. */
export interface EventMeta {
  actionId: string;
  type: string;
  actor: string;
  unit: string;
  step?: string;
  outcome?: string;
  opinion?: string;
}

/**
 * The one path by which a case changes: pure XState transition, audit event sealed onto the
 * chain, records built, one atomic commit. Nothing is written when any part fails.
 */
export class EngineCore {
  /** The record the last commit wrote and the task records it wrote with it (see committedTasks). */
  private lastInstance: InstanceRecord | undefined;
  private lastTasks: TaskRecord[] = [];

  constructor(
    readonly store: Store,
    readonly hash: HashFn,
    /** The same hash computed synchronously, when there is one: no promise per event. */
    readonly hashSync?: (text: string) => string,
  ) {}

  /**
   * The live XState snapshot of a stored instance: the resolved template of its state value with
   * its context (see snapshotAt), ~0.2 us. No cache of live snapshots by instance: a hit saved
   * about that, a miss and the upkeep cost more (a cache of the last 64-128 cases measured 1-3 %
   * slower over the 10,000-case drive, where it never hits).
   */
  snapshotOf(c: CompiledDefinition, rec: InstanceRecord): Snapshot {
    const stored = rec.snapshot as StoredSnapshot;
    return snapshotAt(c, stored.value, stored.context);
  }

  /** Machine context of a stored instance. */
  contextOf(rec: InstanceRecord): WfContext {
    return (rec.snapshot as StoredSnapshot).context;
  }

  /** Run the machine purely; an expression or org lookup that fails refuses the action. */
  run(c: CompiledDefinition, from: Snapshot | undefined, event: WfEvent | StartInput): Snapshot {
    let next: Snapshot;
    let failure: unknown;
    try {
      next =
        from === undefined
          ? initialSnapshot(c, event as StartInput)
          : nextSnapshot(c, from, event as WfEvent);
      // XState reports some action errors as an error snapshot instead of throwing.
      if (next.status === "error") failure = next.error;
    } catch (error) {
      failure = error;
    }
    if (failure !== undefined) {
      const msg = failure instanceof Error ? failure.message : String(failure);
      throw new EngineError("step-failed", `the case cannot move on: ${msg}`);
    }
    return next!;
  }

  /**
   * Compute and commit one action on an instance (or start one when `rec` is undefined). With a
   * synchronous hash and a store that commits at once the result comes back as it is, not in a
   * promise (no async frame, no microtask per action); a refusal may then be thrown rather than
   * rejected, so callers call it from async code.
   */
  apply(
    loaded: LoadedDefinition,
    rec: InstanceRecord | undefined,
    event: WfEvent | StartInput,
    meta: EventMeta,
    subjectOf: (ctx: WfContext, at: string) => string | undefined,
  ): InstanceRecord | Promise<InstanceRecord> {
    const c = loaded.compiled;
    const before = rec ? this.snapshotOf(c, rec) : undefined;
    const next = this.run(c, before, event);
    const ctx = next.context;
    const payload = (rec
      ? event
      : merged(event, {
          definitionVersion: loaded.stored.version,
          definitionHash: loaded.stored.hash,
        })) as unknown as Record<string, unknown>;
    const change = before ? changedKeys(before.context.data, ctx.data) : startKeys(ctx.data);
    // Keys in ascending order, so that canonicalJson can hand most of the event to the native
    // JSON.stringify (see inCanonicalOrder); the order has no other meaning.
    const unsealed = {
      actionId: meta.actionId,
      actor: meta.actor,
      at: event.at,
      baseVersion: rec?.version ?? 0,
    } as UnsealedEvent;
    if (change) unsealed.data = change;
    unsealed.instanceId = ctx.instanceId;
    if (meta.opinion !== undefined) unsealed.opinion = meta.opinion;
    if (meta.outcome !== undefined) unsealed.outcome = meta.outcome;
    unsealed.payload = payload;
    unsealed.prevHash = rec?.lastHash ?? "";
    unsealed.seq = (rec?.lastSeq ?? 0) + 1;
    unsealed.step = meta.step ?? firstStep(next, c);
    unsealed.type = meta.type;
    unsealed.unit = meta.unit;
    // An asynchronous hash (Web Crypto) runs off the main thread: start it, build everything that
    // does not need the hash meanwhile, and only then wait for it.
    const sealing = this.hashSync ? sealEventSync(unsealed, this.hashSync) : sealEvent(unsealed, this.hash);
    const subject = subjectOf(ctx, event.at);
    const stored = persistedSnapshot(c, next);
    const tasks: TaskRecord[] = before
      ? taskChanges(c, before.context, ctx, event as WfEvent, loaded.stored.version)
      : Object.values(ctx.tasks).map((t) => openTaskRecord(c, ctx, t, loaded.stored.version));
    if (sealing instanceof Promise)
      return sealing.then((sealed) =>
        this.commitSealed(loaded, rec, stored, tasks, subject, event.at, sealed),
      );
    return this.commitSealed(loaded, rec, stored, tasks, subject, event.at, sealing);
  }

  /** The rest of {@link apply} once its event is sealed: the record, the commit, what is remembered. */
  private commitSealed(
    loaded: LoadedDefinition,
    rec: InstanceRecord | undefined,
    stored: StoredSnapshot,
    tasks: TaskRecord[],
    subject: string | undefined,
    at: string,
    sealed: AuditEvent,
  ): InstanceRecord | Promise<InstanceRecord> {
    const version = (rec?.version ?? 0) + 1;
    const recordMeta: RecordMeta = {
      definitionVersion: loaded.stored.version,
      definitionHash: loaded.stored.hash,
      version,
      at,
      lastSeq: sealed.seq,
      lastHash: sealed.hash,
    };
    if (subject !== undefined) recordMeta.subject = subject;
    const out = instanceRecord(loaded.compiled, stored, recordMeta, rec);
    const commit = { instance: out, expectedVersion: rec?.version ?? 0, events: [sealed], tasks };
    if (this.store.commitNow) {
      this.store.commitNow(commit);
      return this.committed(out, tasks);
    }
    return this.store.commit(commit).then(() => this.committed(out, tasks));
  }

  private committed(out: InstanceRecord, tasks: TaskRecord[]): InstanceRecord {
    this.lastInstance = out;
    this.lastTasks = tasks;
    return out;
  }

  /**
   * The task records committed together with `rec`, if `rec` is what the last commit wrote: its
   * new and changed open tasks first, in the order of the context's tasks, then the ones that
   * left. The view of the action's result reuses them instead of building them again.
   */
  committedTasks(rec: InstanceRecord): readonly TaskRecord[] | undefined {
    return rec === this.lastInstance ? this.lastTasks : undefined;
  }

  /** Rebuild an instance from its audit log alone (the `started` payload, then every machine event). */
  fold(loaded: LoadedDefinition, events: AuditEvent[]): StoredSnapshot {
    const [first, ...rest] = events;
    if (first?.type !== "started")
      throw new NotFoundError("an audit log must begin with its `started` event");
    let snap = this.run(loaded.compiled, undefined, first.payload as unknown as StartInput);
    for (const e of rest) snap = this.run(loaded.compiled, snap, e.payload as unknown as WfEvent);
    return persistedSnapshot(loaded.compiled, snap);
  }
}

/**
 * XState's `getPersistedSnapshot`, same keys in the same order, without its walk through the
 * whole context looking for actor references (a case's context is plain JSON and has none) and
 * without its object spreads, which in Node 20 give each stored snapshot a hidden class of its own.
 */
export function persistedSnapshot(c: CompiledDefinition, snap: Snapshot): StoredSnapshot {
  const s = snap as unknown as {
    status: StoredSnapshot["status"];
    output: unknown;
    error: unknown;
    value: StoredSnapshot["value"];
    historyValue?: Record<string, unknown>;
    context: WfContext;
    children?: Record<string, unknown>;
  };
  // Child actors or history states (the compiler makes neither): leave it to XState.
  if (hasKeys(s.children) || hasKeys(s.historyValue))
    return c.machine.getPersistedSnapshot(snap) as unknown as StoredSnapshot;
  return {
    status: s.status,
    output: s.output,
    error: s.error,
    value: s.value,
    historyValue: {},
    context: s.context,
    children: {},
  };
}

function hasKeys(o: object | undefined): boolean {
  for (const _ in o) return true;
  return false;
}

function firstStep(snap: Snapshot, c: CompiledDefinition): string {
  const v = snap.value as unknown;
  if (typeof v === "string") return v;
  const keys = v && typeof v === "object" ? Object.keys(v) : [];
  return keys[0] ?? c.definition.initial;
}
