import { describe, expect, it } from "vitest";
import { type Definition, NotAuthorizedError, ValidationError } from "../src/index";
import { actor, makeEngine } from "./fixtures";

const t = (s: string) => ({ zh: s, en: s });

function routing(): Definition {
  return {
    id: "routing",
    version: 1,
    title: t("Routing"),
    roles: ["org-dept", "unit-hr"],
    start: { roles: ["unit-hr"] },
    data: {
      post: { type: "string" },
      villageId: { type: "orgUnit", default: "v1" },
      isSecretary: { type: "boolean" },
      county: { type: "orgUnit" },
      level: { type: "string" },
      reviewer: { type: "person" },
      score: { type: "number" },
    },
    initial: "route",
    steps: {
      route: {
        kind: "auto",
        set: {
          "data.isSecretary": "data.post == 'secretary'",
          "data.county": "ancestor(data.villageId, 'county')",
          "data.level": "unitLevel(data.villageId) + '/' + unitType(unitParent(data.villageId))",
        },
        choose: [{ when: "data.isSecretary", to: "pick" }],
        otherwise: "plain",
      },
      pick: {
        kind: "userTask",
        assignee: { role: "org-dept", at: { from: "data.county", child: "org-dept" } },
        outcomes: {
          choose: { label: t("Choose reviewer"), to: "personal", set: { "data.reviewer": "form.reviewer" } },
          fast: { label: t("Fast track"), to: "plain", when: "data.score >= 90" },
        },
      },
      personal: {
        kind: "userTask",
        assignee: { person: "data.reviewer" },
        outcomes: { done: { label: t("Done"), to: "end" } },
      },
      plain: { kind: "end", outcome: "plain" },
      end: { kind: "end", outcome: "reviewed" },
    },
  };
}

describe("automatic steps, outcome conditions and person assignees", () => {
  it("sets data with org functions and routes on it", async () => {
    const { engine, nextAction } = makeEngine([routing()]);
    const plain = await engine.start({
      definitionId: "routing",
      actor: actor("hr"),
      data: { post: "member" },
      actionId: nextAction(),
    });
    expect(plain).toMatchObject({
      outcome: "plain",
      data: { isSecretary: false, county: "k1", level: "village/township" },
    });
    const sec = await engine.start({
      definitionId: "routing",
      actor: actor("hr"),
      data: { post: "secretary" },
      actionId: nextAction(),
    });
    expect(sec.steps).toEqual(["pick"]);
    expect(sec.tasks[0]?.assignee).toEqual({ role: "org-dept", unit: "k1-od" });
  });

  it("offers an outcome only when its condition holds", async () => {
    const { engine, nextAction } = makeEngine([routing()]);
    const i = await engine.start({
      definitionId: "routing",
      actor: actor("hr"),
      data: { post: "secretary", score: 80 },
      actionId: nextAction(),
    });
    const err = await engine
      .act({
        taskId: i.tasks[0]!.id,
        actor: actor("od1"),
        outcome: "fast",
        actionId: nextAction(),
        expectedVersion: i.version,
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).issues[0]?.rule).toBe("when");
  });

  it("assigns a person chosen in an earlier step, and only that person may act", async () => {
    const { engine, nextAction } = makeEngine([routing()]);
    let i = await engine.start({
      definitionId: "routing",
      actor: actor("hr"),
      data: { post: "secretary" },
      actionId: nextAction(),
    });
    i = await engine.act({
      taskId: i.tasks[0]!.id,
      actor: actor("od1"),
      outcome: "choose",
      formData: { reviewer: "cod" },
      actionId: nextAction(),
      expectedVersion: i.version,
    });
    expect(i.tasks[0]?.assignee).toEqual({ person: "cod" });
    expect((await engine.tasks.forActor(actor("cod"))).map((x) => x.step)).toEqual(["personal"]);
    await expect(
      engine.act({
        taskId: i.tasks[0]!.id,
        actor: actor("od1"),
        outcome: "done",
        actionId: nextAction(),
        expectedVersion: i.version,
      }),
    ).rejects.toBeInstanceOf(NotAuthorizedError);
    i = await engine.act({
      taskId: i.tasks[0]!.id,
      actor: actor("cod"),
      outcome: "done",
      actionId: nextAction(),
      expectedVersion: i.version,
    });
    expect(i.outcome).toBe("reviewed");
  });

  it("refuses an action whose next assignee cannot be resolved, writing nothing", async () => {
    const { engine, nextAction } = makeEngine([routing()]);
    const i = await engine.start({
      definitionId: "routing",
      actor: actor("hr"),
      data: { post: "secretary" },
      actionId: nextAction(),
    });
    const err = await engine
      .act({
        taskId: i.tasks[0]!.id,
        actor: actor("od1"),
        outcome: "choose",
        formData: {},
        actionId: nextAction(),
        expectedVersion: i.version,
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "step-failed" });
    expect(String((err as Error).message)).toMatch(/assignee "data.reviewer" gave null, not a person id/);
    expect((await engine.get(i.id)).version).toBe(i.version);
    expect(await engine.history(i.id)).toHaveLength(1);
  });
});

describe("form permissions at a step", () => {
  it("never writes fields that are readonly or hidden at the step into case data", async () => {
    const def: Definition = {
      id: "perm",
      version: 1,
      title: t("Permissions"),
      roles: ["unit-hr", "org-dept"],
      start: { roles: ["unit-hr"] },
      data: { candidate: { type: "object", open: true } },
      initial: "fill",
      steps: {
        fill: {
          kind: "userTask",
          assignee: { role: "unit-hr", at: { from: "starter.unit" } },
          form: { ref: "fs-any", into: "candidate" },
          outcomes: { next: { label: t("Next"), to: "check" } },
        },
        check: {
          kind: "userTask",
          assignee: { role: "org-dept", at: { unit: "k1-od" } },
          form: {
            ref: "fs-any",
            into: "candidate",
            fields: { name: "readonly", secret: "hidden" },
            default: "editable",
          },
          outcomes: { done: { label: t("Done"), to: "end" } },
        },
        end: { kind: "end", outcome: "done" },
      },
    };
    const { engine, nextAction } = makeEngine([def]);
    let i = await engine.start({ definitionId: "perm", actor: actor("hr"), actionId: nextAction() });
    i = await engine.act({
      taskId: i.tasks[0]!.id,
      actor: actor("hr"),
      outcome: "next",
      formData: { name: "Li", secret: "s" },
      actionId: nextAction(),
      expectedVersion: i.version,
    });
    i = await engine.act({
      taskId: i.tasks[0]!.id,
      actor: actor("od1"),
      outcome: "done",
      formData: { name: "Forged", secret: "x", note: "ok" },
      actionId: nextAction(),
      expectedVersion: i.version,
    });
    expect(i.data.candidate).toEqual({ name: "Li", secret: "s", note: "ok" });
  });
});
