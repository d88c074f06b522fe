import type { Scope } from "@wf/expr";
import type { StepEntry } from "../definition/stepIndex";
import type { Definition, OrgRef, Step, StepOf } from "../definition/types";
import type { Evaluator } from "../expr/Evaluator";
import { ancestorAt } from "../expr/orgFunctions";
import type { OrgDirectory } from "../ports";
import type { WfContext } from "../runtime/context";
import { put } from "../runtime/shapes";
import type { TaskAssignee } from "../store/Store";

/** What the machine implementations of one definition need: its steps, expressions and the org tree. */
export class CompileServices {
  constructor(
    readonly definition: Definition,
    readonly steps: Map<string, StepEntry>,
    readonly ev: Evaluator,
    readonly directory: OrgDirectory,
  ) {}

  /** The step with this id, of the expected kind. */
  step<K extends Step["kind"]>(id: string, kind: K): StepOf<K> {
    const s = this.steps.get(id)?.step;
    if (!s || s.kind !== kind) throw new Error(`internal: step "${id}" is not a ${kind}`);
    return s as StepOf<K>;
  }

  /** The expression scope of a case, plus extras such as `form`, `actor`, `item`. */
  scope(ctx: WfContext, extra?: Scope, data: Record<string, unknown> = ctx.data): Scope {
    // Built key by key rather than spread: scopes are made for every expression an action
    // evaluates, and a spread of a varying `extra` was a tenth of a transition's time.
    const out: Scope = {
      data,
      starter: ctx.starter,
      case: { id: ctx.instanceId, startedAt: ctx.startedAt },
    };
    if (extra) for (const k in extra) if (Object.hasOwn(extra, k)) put(out, k, extra[k]);
    return out;
  }

  /**
   * `scope(ctx, { form, actor, item }, data)` for a submission's checks (`item` only when given),
   * as one literal: the same keys in the same order, without adding the extras one by one.
   */
  submissionScope(
    ctx: WfContext,
    data: Record<string, unknown>,
    form: unknown,
    actor: unknown,
    item: unknown,
  ): Scope {
    const out: Scope = {
      data,
      starter: ctx.starter,
      case: { id: ctx.instanceId, startedAt: ctx.startedAt },
      form,
      actor,
    };
    if (item !== undefined) out.item = item;
    return out;
  }

  /** The org unit an OrgRef points to, e.g. the org-dept under the county of a village. */
  resolveUnit(ref: OrgRef, scope: Scope, at: string, where: string): string {
    if ("unit" in ref) return ref.unit;
    const from = this.ev.value(ref.from, scope, at);
    if (typeof from !== "string" || from === "") {
      throw new Error(`${where}: "${ref.from}" gave ${JSON.stringify(from)}, not an org unit id`);
    }
    let id = from;
    if (ref.up !== undefined) {
      const up = ancestorAt(this.directory, id, ref.up);
      if (up === undefined) throw new Error(`${where}: unit "${id}" has no ${ref.up}-level ancestor`);
      id = up;
    }
    if (ref.child !== undefined) {
      const child = this.directory.children(id).find((u) => u.type === ref.child);
      if (!child) throw new Error(`${where}: unit "${id}" has no child unit of type "${ref.child}"`);
      id = child.id;
    }
    // A task offered at a unit nobody can be found in would wait forever: refuse instead.
    if (!this.directory.unit(id)) throw new Error(`${where}: unit "${id}" is not in the org directory`);
    return id;
  }

  /** Who a task is offered to, resolved against the case (and the multi-instance item). */
  resolveAssignee(
    step: StepOf<"userTask"> | StepOf<"multiTask">,
    id: string,
    scope: Scope,
    at: string,
  ): TaskAssignee {
    const a = step.assignee;
    if ("person" in a) {
      const person = this.ev.value(a.person, scope, at);
      if (typeof person !== "string" || person === "") {
        throw new Error(
          `step "${id}": assignee "${a.person}" gave ${JSON.stringify(person)}, not a person id`,
        );
      }
      return { person };
    }
    return { role: a.role, unit: this.resolveUnit(a.at, scope, at, `step "${id}" assignee`) };
  }
}
