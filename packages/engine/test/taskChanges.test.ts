import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CompiledDefinition } from "../src/compile/compileDefinition";
import { compileDefinition, type TaskRecord } from "../src/index";
import type { TaskState, TimerState, WfContext, WfEvent } from "../src/runtime/context";
import { openTaskRecord, taskChanges } from "../src/runtime/taskRecords";
import { calendar, makeDirectory, selectionDefinition } from "./fixtures";
import { joint } from "./jointFixtures";

/** The task records of an action as they were built before they were written in place: the reference. */
function referenceChanges(
  c: CompiledDefinition,
  before: WfContext,
  after: WfContext,
  event: WfEvent,
  version: number,
): TaskRecord[] {
  const out: TaskRecord[] = [];
  if (before.tasks === after.tasks) return out;
  for (const [id, t] of Object.entries(after.tasks)) {
    if (before.tasks[id] !== t) out.push(openTaskRecord(c, after, t, version));
  }
  const timer = event.type === "wf.timer" ? before.timers[event.timerId] : undefined;
  for (const [id, t] of Object.entries(before.tasks)) {
    if (after.tasks[id]) continue;
    const rec = openTaskRecord(c, before, t, version);
    const at = "at" in event ? event.at : "";
    if (event.type === "wf.act" && event.taskId === id) {
      out.push({
        ...rec,
        status: "completed",
        completedAt: at,
        completedBy: event.actor.id,
        outcome: event.outcome,
      });
    } else if (timer?.kind === "timeout" && timer.taskId === id) {
      const step = c.index.byId.get(t.step)?.step;
      const outcome = step?.kind === "userTask" ? step.timeout?.outcome : undefined;
      out.push({
        ...rec,
        status: "completed",
        completedAt: at,
        completedBy: "system",
        ...(outcome ? { outcome } : {}),
      });
    } else {
      out.push({ ...rec, status: "withdrawn", completedAt: at });
    }
  }
  return out;
}

const selection = compileDefinition(selectionDefinition(), { directory: makeDirectory(), calendar });
const signing = compileDefinition(joint("all"), { directory: makeDirectory(), calendar });

const task = fc.record(
  {
    n: fc.integer({ min: 1, max: 6 }),
    step: fc.constantFrom("apply", "review", "notice"),
    claimedBy: fc.constantFrom("hr", "od1"),
    delegatedTo: fc.constant("od2"),
    escalatedTo: fc.constant({ role: "org-dept", unit: "c1-od" }),
    due: fc.constant("2026-03-05T01:00:00.000Z"),
    remindedAt: fc.constant("2026-03-04T01:00:00.000Z"),
  },
  { requiredKeys: ["n", "step"] },
);

function tasksOf(list: { n: number; step: string }[], fresh: boolean): Record<string, TaskState> {
  const out: Record<string, TaskState> = {};
  for (const { n, ...rest } of list) {
    const id = `case-1.t${n}`;
    out[id] = {
      id,
      assignee: { role: "org-dept", unit: "k1-od" },
      createdAt: `2026-03-0${n}T01:00:00.000Z`,
      ...rest,
    };
    if (fresh) out[id] = { ...out[id]! };
  }
  return out;
}

function contextOf(tasks: Record<string, TaskState>, timers: Record<string, TimerState>): WfContext {
  return {
    instanceId: "case-1",
    definitionId: "mini-selection",
    data: {},
    starter: { id: "hr", unit: "k1-hr" },
    startedAt: "2026-03-02T01:00:00.000Z",
    seq: 6,
    tasks,
    timers,
    items: {},
    joins: {},
    actedBy: {},
    children: {},
    forms: { "fs-need-name": 2 },
  };
}

describe("taskChanges", () => {
  it("gives the records the spread-based version gave, byte for byte and key for key", () => {
    fc.assert(
      fc.property(
        fc.array(task, { maxLength: 4 }),
        fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 3 }),
        fc.array(task, { maxLength: 2 }),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom("act", "timeout", "remind", "cancel"),
        (was, kept, added, n, kind) => {
          const beforeTasks = tasksOf(was, false);
          const afterTasks: Record<string, TaskState> = {};
          for (const k of kept) {
            const id = `case-1.t${k}`;
            if (beforeTasks[id]) afterTasks[id] = beforeTasks[id];
          }
          Object.assign(afterTasks, tasksOf(added, true));
          const taskId = `case-1.t${n}`;
          const timers: Record<string, TimerState> = {
            [`${taskId}:${kind}`]: {
              id: `${taskId}:${kind}`,
              kind: kind === "remind" ? "remind" : "timeout",
              step: "notice",
              due: "2026-03-10T01:00:00.000Z",
              taskId,
            },
          };
          const at = "2026-03-10T02:00:00.000Z";
          const event: WfEvent =
            kind === "act"
              ? ({
                  type: "wf.act",
                  taskId,
                  actor: { id: "od1", unit: "k1-od", roles: [] },
                  outcome: "pass",
                  at,
                } as WfEvent)
              : kind === "cancel"
                ? ({ type: "wf.cancel", actor: { id: "od1", unit: "k1-od", roles: [] }, at } as WfEvent)
                : ({ type: "wf.timer", timerId: `${taskId}:${kind}`, at } as WfEvent);
          const before = contextOf(beforeTasks, timers);
          const after = contextOf(afterTasks, {});
          const ours = taskChanges(selection, before, after, event, 3);
          const theirs = referenceChanges(selection, before, after, event, 3);
          expect(JSON.stringify(ours)).toBe(JSON.stringify(theirs));
          expect(ours.map((r) => Object.keys(r))).toEqual(theirs.map((r) => Object.keys(r)));
          expect(ours).toStrictEqual(theirs);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("keeps an unchanged task list unchanged, and multi-instance items in their records", () => {
    const ctx = contextOf(tasksOf([{ n: 1, step: "review" }], false), {});
    const ev = { type: "wf.tick", at: "2026-03-02T01:00:00.000Z" } as unknown as WfEvent;
    expect(taskChanges(selection, ctx, ctx, ev, 1)).toEqual([]);
    const items = { joint: [{ item: "k1-court", taskId: "case-1.t1" }] };
    const before = { ...contextOf(tasksOf([{ n: 1, step: "joint" }], false), {}), items };
    const t1 = before.tasks["case-1.t1"]!;
    const after = { ...before, tasks: {} };
    const act = {
      type: "wf.act",
      taskId: "case-1.t2",
      actor: { id: "x", unit: "u", roles: [] },
      outcome: "agree",
      at: "2026-03-03T00:00:00.000Z",
    } as WfEvent;
    const ours = taskChanges(
      signing,
      { ...before, tasks: { "case-1.t1": { ...t1, item: 0 } } },
      after,
      act,
      1,
    );
    const theirs = referenceChanges(
      signing,
      { ...before, tasks: { "case-1.t1": { ...t1, item: 0 } } },
      after,
      act,
      1,
    );
    expect(JSON.stringify(ours)).toBe(JSON.stringify(theirs));
    expect(ours[0]?.status).toBe("withdrawn");
  });
});
