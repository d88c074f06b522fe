import type { HolidayCalendar } from "@wf/expr";
import { type HashFn, type VerifyResult, verifyChain } from "../audit/auditChain";
import { sha256HexBest, sha256HexFast } from "../audit/sha256Sync";
import { pinFormVersions } from "../definition/formPins";
import { ConflictError, NotFoundError, type ValidationIssue } from "../errors";
import type { AuditEvent, InstanceRecord, StoredDefinition, TaskRecord } from "../store/Store";
import { authorizeRoles, authorizeTask, checkSeparation } from "./authorize";
import { CaseRunner } from "./CaseRunner";
import { checkStartData } from "./checkStartData";
import { checkSubmission, type Submission } from "./checkSubmission";
import type { TaskState, WfContext, WfEvent } from "./context";
import { DefinitionRegistry, type LoadedDefinition } from "./DefinitionRegistry";
import { EngineCore, type EventMeta } from "./EngineCore";
import type {
  ActRequest,
  AddSignerRequest,
  CancelRequest,
  EngineOptions,
  FiredTimer,
  Instance,
  StartRequest,
  TaskRequest,
} from "./engineTypes";
import { fireTimers } from "./fireTimers";
import { instanceRecord, instanceView } from "./instanceRecord";
import { idGet, merged } from "./shapes";
import { TaskQueries } from "./TaskQueries";
import { openTaskRecord } from "./taskRecords";

/** Task ids are `<instanceId>.t<n>`, so a task names its instance without a lookup. */
export function instanceOfTask(taskId: string): string {
  const i = taskId.lastIndexOf(".t");
  return i < 0 ? taskId : taskId.slice(0, i);
}

/**
 * The workflow engine: starts cases, applies actions after checking who may do what, fires
 * timers, and keeps the hash-chained audit log. Create it with {@link createEngine}.
 */
export class Engine {
  /** Task queries: mine, my role at my unit, overdue. */
  readonly tasks: TaskQueries;
  private readonly core: EngineCore;
  private readonly registry: DefinitionRegistry;
  private readonly runner: CaseRunner;
  private readonly hash: HashFn;
  private ready: Promise<void>;
  /** Set once `ready` has fulfilled: from then on a call need not wait a turn for it. */
  private started = false;

  constructor(private readonly opts: EngineOptions) {
    // The default is a synchronous SHA-256 (Node's native one, or pure JS in browsers; same hex as
    // Web Crypto): for the small texts of audit events that beats a thread-pool round trip per event.
    this.hash = opts.hash ?? sha256HexFast;
    const calendars = new Map<string, HolidayCalendar>();
    const list = Array.isArray(opts.calendars) ? opts.calendars : Object.values(opts.calendars ?? {});
    for (const c of list) calendars.set(c.id, c);
    this.core = new EngineCore(opts.store, this.hash, opts.hash ? undefined : sha256HexBest);
    this.registry = new DefinitionRegistry(
      opts.store,
      opts.directory,
      calendars,
      this.hash,
      opts.validation ?? {},
      opts.clock,
      opts.utcOffsetMinutes ?? 480,
    );
    this.runner = new CaseRunner(this.core, this.registry, opts.store, opts.ids, opts.clock, (loaded) =>
      pinFormVersions(loaded.compiled.index, opts.forms),
    );
    this.tasks = new TaskQueries(opts.store, (now) => this.utc(now));
    const pending = opts.definitions ?? [];
    const registry = this.registry;
    this.ready = (async () => {
      for (const d of pending) await registry.publish(d);
    })();
    // A bad definition surfaces on every call (each awaits `ready` until it has fulfilled), not as
    // an unhandled rejection.
    this.ready.then(
      () => {
        this.started = true;
      },
      () => undefined,
    );
  }

  /** Validate and publish a definition version. A running case never changes version. */
  async publish(definition: unknown): Promise<StoredDefinition> {
    if (!this.started) await this.ready;
    return this.registry.publish(definition);
  }

  /** Start a case of a definition (the latest version unless `version` is given). */
  async start(req: StartRequest): Promise<Instance> {
    if (!this.started) await this.ready;
    const store = this.opts.store;
    // A store that can answer at once does (see Store.loadInstanceNow): no promise per call.
    const done = store.findActionNow
      ? store.findActionNow(req.actionId)
      : await store.findAction(req.actionId);
    if (done) return this.get(done.instanceId);
    const loaded = await this.registry.load(req.definitionId, req.version);
    authorizeRoles(
      req.actor,
      loaded.compiled.definition.start.roles,
      `start "${req.definitionId}"`,
      this.opts.directory,
    );
    checkStartData(loaded.compiled.definition, req.data ?? {});
    await this.registry.requireChildren(loaded);
    const rec = await this.runner.startCase(
      loaded,
      req.data ?? {},
      { id: req.actor.id, unit: req.actor.unit },
      req.actionId,
      req.actor,
    );
    return this.viewWith(loaded, rec, []);
  }

  /** Complete a task with an outcome, after every check (role, separation, opinion, form, rules). */
  async act(req: ActRequest): Promise<Instance> {
    if (!this.started) await this.ready;
    const store = this.opts.store;
    // A store that can answer at once does (see Store.loadInstanceNow): no promise per call.
    const done = store.findActionNow
      ? store.findActionNow(req.actionId)
      : await store.findAction(req.actionId);
    if (done) return this.get(done.instanceId);
    // Untyped callers could leave it out, which would silently skip the stale-version check.
    if (!Number.isInteger(req.expectedVersion)) {
      throw new ConflictError("act needs the expectedVersion of the instance the actor saw");
    }
    // `running`, written out: one async frame and promise less on the hot path.
    const id = instanceOfTask(req.taskId);
    const found = store.loadInstanceNow ? store.loadInstanceNow(id) : await store.loadInstance(id);
    const rec = this.runnable(found, id, req.expectedVersion);
    const loaded =
      this.registry.loaded(rec.definitionId, rec.definitionVersion) ??
      (await this.registry.load(rec.definitionId, rec.definitionVersion));
    const ctx = this.core.contextOf(rec);
    const task = this.openTask(ctx, req.taskId);
    authorizeTask(task, req.actor, this.opts.directory);
    checkSeparation(loaded.compiled, ctx, task.step, req.actor, rec.subject);
    const step = loaded.compiled.index.byId.get(task.step)?.step;
    if (!step || (step.kind !== "userTask" && step.kind !== "multiTask"))
      throw new NotFoundError(`no task step ${task.step}`);
    const at = this.opts.clock();
    const item = task.item === undefined ? undefined : ctx.items[task.step]?.[task.item]?.item;
    const notices = checkSubmission(
      loaded.compiled,
      ctx,
      task.step,
      step,
      submission(req, at),
      this.opts.forms,
      item,
    );
    const event = actEvent(req, at, task.id);
    const meta: EventMeta = {
      actionId: req.actionId,
      type: "acted",
      actor: req.actor.id,
      unit: req.actor.unit,
      step: task.step,
      outcome: req.outcome,
    };
    if (req.opinion !== undefined) meta.opinion = req.opinion;
    const applied = this.runner.applyAndFollow(loaded, rec, event, meta, req.actor);
    return this.viewWith(loaded, applied instanceof Promise ? await applied : applied, notices);
  }

  /** Take a role task so that others holding the role no longer see it as theirs. */
  async claim(req: TaskRequest): Promise<Instance> {
    return this.taskAction(req, "claimed", (task) => {
      authorizeTask(task, req.actor, this.opts.directory);
      return { type: "wf.claim", taskId: task.id, actor: req.actor, at: this.opts.clock() };
    });
  }

  /** Give a claimed task back to everyone holding the role. Only the claimer may. */
  async release(req: TaskRequest): Promise<Instance> {
    return this.taskAction(req, "released", (task) => {
      if (task.claimedBy !== req.actor.id) {
        throw new ConflictError(
          `task ${task.id} is ${task.claimedBy ? `claimed by ${task.claimedBy}` : "not claimed"}; only the claimer may release it`,
        );
      }
      return { type: "wf.release", taskId: task.id, actor: req.actor, at: this.opts.clock() };
    });
  }

  /** Hand a task to another person, who may then act on it instead of the assignee. */
  async delegate(req: TaskRequest & { to: string }): Promise<Instance> {
    return this.taskAction(req, "delegated", (task) => {
      authorizeTask(task, req.actor, this.opts.directory);
      if (!this.opts.directory.person(req.to))
        throw new NotFoundError(`no person "${req.to}" in the org directory`);
      return { type: "wf.delegate", taskId: task.id, actor: req.actor, to: req.to, at: this.opts.clock() };
    });
  }

  /** 加签: add an item (signer) to a running multi-instance step. */
  async addSigner(req: AddSignerRequest): Promise<Instance> {
    if (!this.started) await this.ready;
    const store = this.opts.store;
    // A store that can answer at once does (see Store.loadInstanceNow): no promise per call.
    const done = store.findActionNow
      ? store.findActionNow(req.actionId)
      : await store.findAction(req.actionId);
    if (done) return this.get(done.instanceId);
    const { rec, loaded } = await this.running(req.instanceId, req.expectedVersion);
    const step = loaded.compiled.index.byId.get(req.step)?.step;
    if (step?.kind !== "multiTask" || !rec.steps.includes(req.step)) {
      throw new NotFoundError(`step "${req.step}" is not a running multi-instance step of ${rec.id}`);
    }
    authorizeRoles(req.actor, step.addSigners?.roles, `add signers to "${req.step}"`, this.opts.directory);
    const event: WfEvent = {
      type: "wf.addSigner",
      step: req.step,
      item: req.item,
      actor: req.actor,
      at: this.opts.clock(),
    };
    const meta = {
      actionId: req.actionId,
      type: "signerAdded",
      actor: req.actor.id,
      unit: req.actor.unit,
      step: req.step,
    };
    return this.viewWith(loaded, await this.runner.applyAndFollow(loaded, rec, event, meta, req.actor), []);
  }

  /** Cancel a running case (and the sub-process cases it waits for). */
  async cancel(req: CancelRequest): Promise<Instance> {
    if (!this.started) await this.ready;
    const store = this.opts.store;
    // A store that can answer at once does (see Store.loadInstanceNow): no promise per call.
    const done = store.findActionNow
      ? store.findActionNow(req.actionId)
      : await store.findAction(req.actionId);
    if (done) return this.get(done.instanceId);
    const { rec, loaded } = await this.running(req.instanceId, req.expectedVersion);
    authorizeRoles(
      req.actor,
      loaded.compiled.definition.cancel?.roles,
      "cancel this case",
      this.opts.directory,
    );
    const event: WfEvent = { type: "wf.cancel", actor: req.actor, at: this.opts.clock() };
    if (req.reason !== undefined) event.reason = req.reason;
    const meta = {
      actionId: req.actionId,
      type: "cancelled",
      actor: req.actor.id,
      unit: req.actor.unit,
      ...(req.reason ? { opinion: req.reason } : {}),
    };
    return this.viewWith(loaded, await this.runner.applyAndFollow(loaded, rec, event, meta, req.actor), []);
  }

  /** Fire every timer due at `now` (reminders, escalations, timeouts, waits). Idempotent per timer. */
  async tick(now: string = this.opts.clock()): Promise<FiredTimer[]> {
    if (!this.started) await this.ready;
    return fireTimers(this.runner, this.opts.store, now, this.utc(now));
  }

  /** An instance with its open tasks. */
  async get(instanceId: string): Promise<Instance> {
    if (!this.started) await this.ready;
    const store = this.opts.store;
    const rec = store.loadInstanceNow
      ? store.loadInstanceNow(instanceId)
      : await store.loadInstance(instanceId);
    if (!rec) throw new NotFoundError(`no instance "${instanceId}"`);
    return this.view(rec);
  }

  /** The audit log of an instance, oldest first. */
  async history(instanceId: string): Promise<AuditEvent[]> {
    return this.opts.store.events(instanceId);
  }

  /** Check an instance's audit chain for edits, removals and reordering. */
  async verify(instanceId: string): Promise<VerifyResult> {
    const rec = await this.opts.store.loadInstance(instanceId);
    if (!rec) throw new NotFoundError(`no instance "${instanceId}"`);
    return verifyChain(await this.opts.store.events(instanceId), this.hash, rec);
  }

  /** Rebuild an instance from its audit log alone; equal to the live instance when the log is intact. */
  async replay(events: AuditEvent[]): Promise<Instance> {
    if (!this.started) await this.ready;
    const first = events[0];
    if (!first) throw new NotFoundError("cannot replay an empty log");
    const p = first.payload as { definitionId?: string; definitionVersion?: number };
    const loaded = await this.registry.load(String(p.definitionId), p.definitionVersion);
    const snap = this.core.fold(loaded, events);
    const last = events[events.length - 1]!;
    const subject = this.runner.subjectOf(loaded)(snap.context, last.at);
    const rec = instanceRecord(loaded.compiled, snap, {
      definitionVersion: loaded.stored.version,
      definitionHash: loaded.stored.hash,
      version: events.length,
      at: last.at,
      lastSeq: last.seq,
      lastHash: last.hash,
      ...(subject !== undefined ? { subject } : {}),
    });
    return this.viewWith(loaded, rec, []);
  }

  // ---- internals ----

  private utc(time: string): string {
    const ms = Date.parse(time);
    if (Number.isNaN(ms)) throw new RangeError(`"${time}" is not an ISO date-time`);
    return new Date(ms).toISOString();
  }

  /** The instance an action is about and its definition, after the checks every action makes. */
  private async running(instanceId: string, expectedVersion: number | undefined) {
    const store = this.opts.store;
    const found = store.loadInstanceNow
      ? store.loadInstanceNow(instanceId)
      : await store.loadInstance(instanceId);
    const rec = this.runnable(found, instanceId, expectedVersion);
    const loaded =
      this.registry.loaded(rec.definitionId, rec.definitionVersion) ??
      (await this.registry.load(rec.definitionId, rec.definitionVersion));
    return { rec, loaded };
  }

  /** `rec` if it exists, is at the version the actor saw and is still running; else why not. */
  private runnable(
    rec: InstanceRecord | undefined,
    instanceId: string,
    expectedVersion: number | undefined,
  ): InstanceRecord {
    if (!rec) throw new NotFoundError(`no instance "${instanceId}"`);
    if (expectedVersion !== undefined && expectedVersion !== rec.version) {
      throw new ConflictError(
        `instance ${instanceId} is at version ${rec.version}, not ${expectedVersion}; reload it and try again`,
      );
    }
    if (rec.status !== "running")
      throw new ConflictError(`instance ${instanceId} has ended (${rec.status}); nothing can be done on it`);
    return rec;
  }

  private openTask(ctx: WfContext, taskId: string): TaskState {
    const task = idGet(ctx.tasks, taskId);
    if (!task)
      throw new NotFoundError(`task ${taskId} is not open (it was completed, withdrawn, or never existed)`);
    return task;
  }

  private async taskAction(
    req: TaskRequest,
    type: string,
    make: (task: TaskState) => WfEvent,
  ): Promise<Instance> {
    if (!this.started) await this.ready;
    const store = this.opts.store;
    // A store that can answer at once does (see Store.loadInstanceNow): no promise per call.
    const done = store.findActionNow
      ? store.findActionNow(req.actionId)
      : await store.findAction(req.actionId);
    if (done) return this.get(done.instanceId);
    const { rec, loaded } = await this.running(instanceOfTask(req.taskId), req.expectedVersion);
    const task = this.openTask(this.core.contextOf(rec), req.taskId);
    const event = make(task);
    const meta = { actionId: req.actionId, type, actor: req.actor.id, unit: req.actor.unit, step: task.step };
    return this.viewWith(loaded, await this.runner.applyAndFollow(loaded, rec, event, meta, req.actor), []);
  }

  private async view(rec: InstanceRecord): Promise<Instance> {
    const loaded =
      this.registry.loaded(rec.definitionId, rec.definitionVersion) ??
      (await this.registry.load(rec.definitionId, rec.definitionVersion));
    return this.viewWith(loaded, rec, []);
  }

  /**
   * The instance as the API returns it. `loaded` is the definition `rec` runs on: an action
   * passes the one it already holds, since its result is the same case.
   */
  private viewWith(loaded: LoadedDefinition, rec: InstanceRecord, notices: ValidationIssue[]): Instance {
    const ctx = this.core.contextOf(rec);
    // The records the commit of `rec` just wrote for its new and changed open tasks are what
    // openTaskRecord would build again (same context, same version): take them, in step with the
    // context's order; build only the rest (open tasks the action did not touch).
    const built = this.core.committedTasks(rec);
    let j = 0;
    // The array of task states becomes the array of records, in place.
    const tasks = Object.values(ctx.tasks) as unknown[] as TaskRecord[];
    for (let i = 0; i < tasks.length; i++) {
      const t = tasks[i] as unknown as TaskState;
      const made = built?.[j];
      if (made !== undefined && made.id === t.id && made.status === "open") {
        tasks[i] = made;
        j++;
      } else tasks[i] = openTaskRecord(loaded.compiled, ctx, t, rec.definitionVersion);
    }
    // The record the last commit built has instanceRecord's keys: write them out. Any other
    // (from the store) is copied as it is; `merged` rather than a spread site of its own or
    // Object.assign: `{ ...rec, tasks, notices }` (or a spread and two stores) costs ~3.8 us against
    // ~1.4 (adding keys to a clone of the record's class is slow), and Object.assign into `{}` makes
    // a dictionary-mode view that is cheaper to build but slower for every caller to read.
    if (built) return instanceView<Instance>(rec, tasks, notices);
    return merged<Instance>(rec, { tasks, notices });
  }
}

/** What checkSubmission needs of an act request, built key by key (no spread of optional parts). */
function submission(req: ActRequest, at: string): Submission {
  const out: Submission = { outcome: req.outcome, actor: req.actor, at };
  if (req.formData !== undefined) out.formData = req.formData;
  if (req.opinion !== undefined) out.opinion = req.opinion;
  return out;
}

/**
 * The machine event of an act, which the audit log keeps as its payload. Keys in ascending order
 * (see EngineCore.apply): the payload hashes without sorting. One literal per combination of the
 * optional parts, so each stored event holds its fields in the object itself rather than in a
 * separate array grown key by key.
 */
function actEvent(req: ActRequest, at: string, taskId: string): WfEvent & { type: "wf.act" } {
  const { actor, formData: form, opinion, outcome } = req;
  if (form === undefined) {
    return opinion === undefined
      ? { actor, at, outcome, taskId, type: "wf.act" }
      : { actor, at, opinion, outcome, taskId, type: "wf.act" };
  }
  return opinion === undefined
    ? { actor, at, form, outcome, taskId, type: "wf.act" }
    : { actor, at, form, opinion, outcome, taskId, type: "wf.act" };
}
