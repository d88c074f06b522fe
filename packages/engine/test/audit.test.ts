import { describe, expect, it } from "vitest";
import { createActor } from "xstate";
import { type AuditEvent, canonicalJson, compileDefinition, sha256Hex } from "../src/index";
import { actor, calendar, makeDirectory, makeEngine, selectionDefinition, submittedCase } from "./fixtures";
import { childDefinition, recallDefinition } from "./recallFixtures";

async function threeSteps() {
  const env = makeEngine([selectionDefinition()]);
  const { engine, nextAction } = env;
  let i = await submittedCase({ engine, nextAction });
  i = await engine.claim({ taskId: i.tasks[0]!.id, actor: actor("od1"), actionId: nextAction() });
  i = await engine.act({
    taskId: i.tasks[0]!.id,
    actor: actor("od1"),
    outcome: "pass",
    actionId: nextAction(),
    expectedVersion: i.version,
  });
  return { ...env, inst: i };
}

describe("audit log", () => {
  it("hashes SHA-256 through Web Crypto", async () => {
    expect(await sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(canonicalJson({ b: 1, a: [1, { d: undefined, c: "x" }] })).toBe('{"a":[1,{"c":"x"}],"b":1}');
    expect(canonicalJson(JSON.parse('{"b":{"__proto__":{"x":1}},"a":null}'))).toBe(
      '{"a":null,"b":{"__proto__":{"x":1}}}',
    );
  });

  it("chains self-contained events carrying actor, unit, time, step, outcome, data change and base version", async () => {
    const { engine, inst } = await threeSteps();
    const log = await engine.history(inst.id);
    expect(log.map((e) => [e.seq, e.type, e.actor, e.unit, e.step, e.outcome, e.baseVersion])).toEqual([
      [1, "started", "hr", "u1", "apply", undefined, 0],
      [2, "acted", "hr", "u1", "apply", "submit", 1],
      [3, "claimed", "od1", "k1-od", "review", undefined, 2],
      [4, "acted", "od1", "k1-od", "review", "pass", 3],
    ]);
    expect(log[1]!.data).toEqual({ candidate: { name: "Li", age: 40 } });
    expect(log[1]!.prevHash).toBe(log[0]!.hash);
    expect(await engine.verify(inst.id)).toEqual({ ok: true });
  });

  const tamperings: [string, (log: AuditEvent[]) => AuditEvent[], number][] = [
    ["an edited opinion", (l) => l.map((e) => (e.seq === 2 ? { ...e, outcome: "reject" } : e)), 2],
    [
      "an edited payload",
      (l) => l.map((e) => (e.seq === 3 ? { ...e, payload: { ...e.payload, taskId: "x" } } : e)),
      3,
    ],
    ["a removed event", (l) => l.filter((e) => e.seq !== 2), 2],
    ["a removed last event", (l) => l.slice(0, -1), 4],
    ["reordered events", (l) => [l[0]!, l[2]!, l[1]!, l[3]!], 2],
  ];
  for (const [what, edit, brokenAt] of tamperings) {
    it(`verify finds ${what}`, async () => {
      const { engine, inst, store } = await threeSteps();
      store.tamper(inst.id, edit);
      const r = await engine.verify(inst.id);
      expect(r.ok).toBe(false);
      expect(r.ok ? 0 : r.brokenAt).toBe(brokenAt);
    });
  }

  it("replays the log from nothing to the live instance", async () => {
    const { engine, inst } = await threeSteps();
    const replayed = await engine.replay(await engine.history(inst.id));
    const live = await engine.get(inst.id);
    expect(replayed).toEqual(live);
  });

  it("replays parents with sub-process events too", async () => {
    const { engine, nextAction } = makeEngine([childDefinition(), recallDefinition()]);
    let p = await engine.start({ definitionId: "mini-recall", actor: actor("od1"), actionId: nextAction() });
    p = await engine.act({
      taskId: p.tasks[0]!.id,
      actor: actor("od1"),
      outcome: "recall",
      actionId: nextAction(),
      expectedVersion: p.version,
    });
    const child = await engine.get(p.children[0]!.instanceId);
    await engine.act({
      taskId: child.tasks[0]!.id,
      actor: actor("od1"),
      outcome: "finish",
      actionId: nextAction(),
      expectedVersion: child.version,
    });
    const live = await engine.get(p.id);
    expect(await engine.replay(await engine.history(p.id))).toEqual(live);
    expect(await engine.replay(await engine.history(child.id))).toEqual(await engine.get(child.id));
  });
});

describe("stored snapshots", () => {
  it("are XState persisted snapshots that createActor restores without re-running entry actions", async () => {
    const { inst } = await threeSteps();
    const compiled = compileDefinition(selectionDefinition(), { directory: makeDirectory(), calendar });
    // The stored record is plain JSON; XState's option type also asks for the start input, unused on restore.
    const options = { snapshot: inst.snapshot } as unknown as Parameters<
      typeof createActor<typeof compiled.machine>
    >[1];
    const restored = createActor(compiled.machine, options).start();
    const snap = restored.getSnapshot();
    expect(snap.value).toBe("notice");
    expect(snap.context).toEqual((inst.snapshot as { context: unknown }).context);
    restored.stop();
  });
});
