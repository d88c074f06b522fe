import type { InstanceRecord, Store } from "../store/Store";
import type { StartInput, WfContext, WfEvent } from "./context";
import type { DefinitionRegistry, LoadedDefinition } from "./DefinitionRegistry";
import type { EngineCore, EventMeta } from "./EngineCore";

/**
 * Applies an action through the core and then what follows from it across cases: starting the
 * children a `subProcess` step asked for and linking them, telling a waiting parent that its
 * child ended, and cancelling the children of a cancelled case. Every follow-up is an audited
 * action of its own with an action id derived from the one that caused it, so a retry is safe.
 */
export class CaseRunner {
  constructor(
    readonly core: EngineCore,
    readonly registry: DefinitionRegistry,
    private readonly store: Store,
    private readonly ids: () => string,
    private readonly clock: () => string,
    /** The form versions a new case of this definition pins (see FormValidator.versionOf). */
    private readonly pinForms?: (loaded: LoadedDefinition) => Record<string, number> | undefined,
  ) {}

  /** The subject expression of a definition, evaluated leniently (no subject rather than a failure). */
  subjectOf(loaded: LoadedDefinition): (ctx: WfContext, at: string) => string | undefined {
    // One function per definition version rather than a closure per action.
    let fn = this.subjects.get(loaded);
    if (fn) return fn;
    const src = loaded.compiled.definition.subject;
    const s = loaded.compiled.services;
    fn = (ctx: WfContext, at: string): string | undefined => {
      if (src === undefined) return undefined;
      try {
        const v = s.ev.value(src, s.scope(ctx), at);
        return typeof v === "string" && v !== "" ? v : undefined;
      } catch {
        return undefined;
      }
    };
    this.subjects.set(loaded, fn);
    return fn;
  }

  private readonly subjects = new WeakMap<
    LoadedDefinition,
    (ctx: WfContext, at: string) => string | undefined
  >();

  /** Start a case (a top-level start or a sub-process) and run its follow-ups. */
  async startCase(
    loaded: LoadedDefinition,
    data: Record<string, unknown>,
    starter: { id: string; unit: string },
    actionId: string,
    actor: { id: string; unit: string } | undefined,
    parent?: { instanceId: string; step: string },
  ): Promise<InstanceRecord> {
    const input: StartInput = {
      instanceId: this.ids(),
      definitionId: loaded.stored.id,
      data,
      starter,
      at: this.clock(),
    };
    if (parent) input.parent = parent;
    const forms = this.pinForms?.(loaded);
    if (forms) input.forms = forms;
    const meta = { actionId, type: "started", actor: actor?.id ?? "system", unit: actor?.unit ?? "" };
    return this.applyAndFollow(loaded, undefined, input, meta, actor);
  }

  /**
   * Apply, then what follows from it: start requested children, tell a parent its child ended,
   * cascade a cancel. Like EngineCore.apply, the usual action's result comes back as it is, and a
   * refusal may be thrown: call it from async code.
   */
  applyAndFollow(
    loaded: LoadedDefinition,
    rec: InstanceRecord | undefined,
    event: WfEvent | StartInput,
    meta: EventMeta,
    actor: { id: string; unit: string } | undefined,
  ): InstanceRecord | Promise<InstanceRecord> {
    const applied = this.core.apply(loaded, rec, event, meta, this.subjectOf(loaded));
    if (applied instanceof Promise) return applied.then((out) => this.follow(loaded, rec, out, meta, actor));
    return this.follow(loaded, rec, applied, meta, actor);
  }

  private follow(
    loaded: LoadedDefinition,
    rec: InstanceRecord | undefined,
    out: InstanceRecord,
    meta: EventMeta,
    actor: { id: string; unit: string } | undefined,
  ): InstanceRecord | Promise<InstanceRecord> {
    // The usual action leaves the child links alone and the case running: nothing follows.
    const follows =
      this.core.contextOf(out).children !== (rec && this.core.contextOf(rec).children) ||
      (out.status !== "running" && (rec === undefined || rec.status === "running"));
    return follows ? this.followUps(loaded, rec, out, meta, actor) : out;
  }

  /** What follows from an action that changed the child links or ended the case. */
  private async followUps(
    loaded: LoadedDefinition,
    rec: InstanceRecord | undefined,
    applied: InstanceRecord,
    meta: EventMeta,
    actor: { id: string; unit: string } | undefined,
  ): Promise<InstanceRecord> {
    let out = applied;
    const beforeCtx = rec ? this.core.contextOf(rec) : undefined;
    const ctx = this.core.contextOf(out);
    // Unchanged links ask for no child.
    const links = ctx.children === beforeCtx?.children ? [] : Object.entries(ctx.children);
    for (const [step, link] of links) {
      if (link.instanceId !== undefined || beforeCtx?.children[step] === link) continue;
      const childDef = await this.registry.load(link.definition, link.version);
      const child = await this.startCase(
        childDef,
        link.input,
        link.starter ?? ctx.starter,
        `${meta.actionId}>child:${step}`,
        actor,
        {
          instanceId: out.id,
          step,
        },
      );
      const started: WfEvent = { type: "wf.childStarted", step, childId: child.id, at: child.startedAt };
      const m = {
        actionId: `${meta.actionId}>linked:${step}`,
        type: "childStarted",
        actor: "system",
        unit: "",
        step,
      };
      out = await this.applyAndFollow(
        loaded,
        (await this.store.loadInstance(out.id)) ?? out,
        started,
        m,
        actor,
      );
    }
    if (out.status !== "running" && (rec === undefined || rec.status === "running")) {
      const endedCtx = this.core.contextOf(out);
      if (out.status === "cancelled") {
        for (const [step, link] of Object.entries(endedCtx.children)) {
          // A child started with `wait: false` lives on its own; only awaited children go with the parent.
          if (!link.wait) continue;
          const child =
            link.instanceId === undefined ? undefined : await this.store.loadInstance(link.instanceId);
          if (child?.status !== "running") continue;
          const childDef = await this.registry.load(child.definitionId, child.definitionVersion);
          const cancel: WfEvent = {
            type: "wf.cancel",
            actor: { id: "system", unit: "", roles: [] },
            at: out.updatedAt,
            reason: `parent ${out.id} cancelled`,
          };
          const m = {
            actionId: `${meta.actionId}>cancel:${child.id}`,
            type: "cancelled",
            actor: "system",
            unit: "",
            step,
          };
          await this.applyAndFollow(childDef, child, cancel, m, undefined);
        }
      }
      const parentLink = endedCtx.parent;
      const parent = parentLink ? await this.store.loadInstance(parentLink.instanceId) : undefined;
      if (parentLink && parent && parent.status === "running") {
        const parentDef = await this.registry.load(parent.definitionId, parent.definitionVersion);
        const ended: WfEvent = {
          type: "wf.childEnded",
          step: parentLink.step,
          childId: out.id,
          outcome: out.outcome ?? "completed",
          at: out.updatedAt,
        };
        const m = {
          actionId: `${meta.actionId}>ended:${out.id}`,
          type: "childEnded",
          actor: "system",
          unit: "",
          step: parentLink.step,
          outcome: out.outcome ?? "completed",
        };
        await this.applyAndFollow(parentDef, parent, ended, m, undefined);
      }
    }
    return out;
  }
}
