import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compileDefinition,
  type Instance,
  type InstanceRecord,
  sha256Hex,
  sha256HexFast,
} from "../src/index";
import type { StartInput, WfEvent } from "../src/runtime/context";
import { EngineCore, persistedSnapshot } from "../src/runtime/EngineCore";
import { setPath } from "../src/runtime/setPath";
import { copyIdRecord, merged, mergedForm, withIds } from "../src/runtime/shapes";
import { actor, calendar, makeDirectory, makeEngine, selectionDefinition, submittedCase } from "./fixtures";

// The throughput work (synchronous default hash, hand-built persisted snapshots, records built
// key by key) must not change a single stored byte: same hashes, same snapshots, same records.

async function drive(extra: Parameters<typeof makeEngine>[1] = {}) {
  const { engine, store, nextAction, clock } = makeEngine([selectionDefinition()], extra);
  let i = await submittedCase({ engine, nextAction });
  i = await engine.claim({ taskId: i.tasks[0]!.id, actor: actor("od1"), actionId: nextAction() });
  i = await engine.act({
    taskId: i.tasks[0]!.id,
    actor: actor("od1"),
    outcome: "pass",
    actionId: nextAction(),
    expectedVersion: i.version,
  });
  clock.advanceDays(30);
  await engine.tick();
  i = await engine.get(i.id);
  return { engine, store, inst: i, log: await engine.history(i.id) };
}

describe("throughput changes keep every stored byte", () => {
  it("the default hash gives the same chain as Web Crypto", async () => {
    const fast = await drive();
    const web = await drive({ hash: sha256Hex });
    expect(fast.log.map((e) => e.type)).toContain("timer");
    expect(fast.log.map((e) => e.hash)).toEqual(web.log.map((e) => e.hash));
    expect(JSON.stringify(fast.log)).toBe(JSON.stringify(web.log));
    expect(JSON.stringify(fast.inst)).toBe(JSON.stringify(web.inst));
    expect(await web.engine.verify(web.inst.id)).toEqual({ ok: true });
    expect(await fast.engine.verify(fast.inst.id)).toEqual({ ok: true });
  });

  it("persisted snapshots are XState's, key for key", async () => {
    const { log } = await drive();
    const c = compileDefinition(selectionDefinition(), { directory: makeDirectory(), calendar });
    let snap = c.machine.getInitialSnapshot(c.scope as never, log[0]!.payload as unknown as StartInput);
    const same = () => {
      const ours = persistedSnapshot(c, snap);
      const theirs = c.machine.getPersistedSnapshot(snap) as unknown as Record<string, unknown>;
      expect(Object.keys(ours)).toEqual(Object.keys(theirs));
      expect(JSON.stringify(ours)).toBe(JSON.stringify(theirs));
      expect(ours).toStrictEqual(theirs);
    };
    same();
    for (const e of log.slice(1)) {
      snap = c.machine.transition(snap, e.payload as unknown as WfEvent, c.scope as never);
      same();
    }
  });

  it("a stored snapshot resolves to what resolveState gives", async () => {
    const { log } = await drive();
    const c = compileDefinition(selectionDefinition(), { directory: makeDirectory(), calendar });
    const core = new EngineCore(undefined as never, sha256HexFast);
    let snap = c.machine.getInitialSnapshot(c.scope as never, log[0]!.payload as unknown as StartInput);
    for (const [i, e] of log.entries()) {
      if (i > 0) snap = c.machine.transition(snap, e.payload as unknown as WfEvent, c.scope as never);
      const stored = persistedSnapshot(c, snap);
      const rec = { id: `x${i}`, version: i + 1, snapshot: stored } as unknown as InstanceRecord;
      for (let twice = 0; twice < 2; twice++) {
        const ours = core.snapshotOf(c, rec);
        const theirs = c.machine.resolveState({ value: stored.value, context: stored.context });
        expect(Object.keys(ours)).toEqual(Object.keys(theirs));
        expect(ours).toEqual(theirs);
        expect(ours.context).toBe(stored.context);
      }
    }
  });

  it("many cases acted on in lock step each match their replay", async () => {
    // 150 cases, each acted on once per round: every action must start from its own case's latest
    // stored snapshot (a cache of live snapshots, once kept here, had to turn over many times).
    const { engine, nextAction } = makeEngine([selectionDefinition()]);
    const cases: Instance[] = [];
    for (let n = 0; n < 150; n++) cases.push(await submittedCase({ engine, nextAction }));
    // One busy case sent back and resubmitted between every other case's claim: each of its actions
    // opens a new task and must start from the newest snapshot.
    let busy = await submittedCase({ engine, nextAction });
    for (let n = 0; n < cases.length; n++) {
      const i = cases[n]!;
      cases[n] = await engine.claim({ taskId: i.tasks[0]!.id, actor: actor("od1"), actionId: nextAction() });
      const back = busy.steps[0] === "review";
      busy = await engine.act({
        taskId: busy.tasks[0]!.id,
        actor: actor(back ? "od1" : "hr"),
        outcome: back ? "return" : "submit",
        ...(back ? { opinion: "again" } : { formData: { name: "Li", age: 30 + (n % 20) } }),
        actionId: nextAction(),
        expectedVersion: busy.version,
      });
    }
    expect(busy.version).toBe(2 + cases.length);
    expect(busy.tasks[0]!.id).toBe(`${busy.id}.t${2 + cases.length}`);
    expect(await engine.replay(await engine.history(busy.id))).toEqual(await engine.get(busy.id));
    for (let n = 0; n < cases.length; n++) {
      const i = cases[n]!;
      cases[n] = await engine.act({
        taskId: i.tasks[0]!.id,
        actor: actor("od1"),
        outcome: n % 2 ? "pass" : "return",
        ...(n % 2 ? {} : { opinion: "again" }),
        actionId: nextAction(),
        expectedVersion: i.version,
      });
    }
    for (const [n, i] of cases.entries()) {
      expect(i.steps).toEqual([n % 2 ? "notice" : "apply"]);
      expect(await engine.replay(await engine.history(i.id))).toEqual(await engine.get(i.id));
    }
  });

  it("records built key by key equal their spreads, __proto__ keys included", () => {
    const a = JSON.parse('{"x":1,"__proto__":{"p":1},"y":[2]}') as Record<string, unknown>;
    const b = { y: 3, z: 4 };
    const m = merged<Record<string, unknown>>(a, b);
    expect(m).toStrictEqual({ ...a, ...b });
    expect(Object.keys(m)).toEqual(Object.keys({ ...a, ...b }));
    expect(Object.getPrototypeOf(m)).toBe(Object.prototype);
    const ids = withIds(
      copyIdRecord(a, (v) => v === 1),
      ["k.t1", 5],
    );
    expect(JSON.stringify(ids)).toBe('{"__proto__":{"p":1},"y":[2],"k.t1":5}');
    expect(Object.getPrototypeOf(ids)).toBe(Object.prototype);
  });

  it("form values merged into case data are the spread of both, key for key", () => {
    const key = fc.constantFrom("name", "age", "2", "10", "toString", "__proto__", "unitId");
    const value = fc.constantFrom<unknown>(1, "s", null, undefined, { n: 1 });
    const obj = fc.array(fc.tuple(key, value), { maxLength: 6 }).map((entries) => {
      // As JSON.parse builds them: a "__proto__" key is an own key.
      const o: Record<string, unknown> = {};
      for (const [k, v] of entries)
        Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });
      return o;
    });
    fc.assert(
      fc.property(obj, obj, (prev, form) => {
        const ours = mergedForm(prev, form);
        const spread = { ...prev, ...form };
        expect(Object.keys(ours)).toEqual(Object.keys(spread));
        expect(JSON.stringify(ours)).toBe(JSON.stringify(spread));
        expect(ours).toStrictEqual(spread);
        expect(Object.getPrototypeOf(ours)).toBe(Object.prototype);
      }),
      { numRuns: 1000 },
    );
  });

  it("setPath gives what spreads with a computed key give, for any data and path", () => {
    // The reference: the literal setPath was written as before it became a copy and a store.
    const reference = (
      data: Record<string, unknown>,
      path: string,
      value: unknown,
    ): Record<string, unknown> => {
      const dot = path.indexOf(".");
      const head = dot < 0 ? path : path.slice(0, dot);
      if (head === "") return data;
      if (dot < 0) return { ...data, [head]: value };
      const inner = data[head];
      const obj =
        inner !== null && typeof inner === "object" && !Array.isArray(inner)
          ? (inner as Record<string, unknown>)
          : {};
      return { ...data, [head]: reference(obj, path.slice(dot + 1), value) };
    };
    const key = fc.constantFrom("a", "b", "c", "__proto__", "toString", "0", "1", "10", "");
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof(
        { depthSize: "small" },
        fc.integer(),
        fc.string(),
        fc.constant(null),
        tie("obj"),
        tie("arr"),
      ),
      arr: fc.array(tie("tree"), { maxLength: 3 }),
      obj: fc.dictionary(key, tie("tree"), { maxKeys: 5 }),
    }));
    const data = fc
      .dictionary(key, tree, { maxKeys: 6 })
      .map((d) => JSON.parse(JSON.stringify(d)) as Record<string, unknown>);
    const path = fc.array(key, { minLength: 1, maxLength: 3 }).map((parts) => parts.join("."));
    fc.assert(
      fc.property(data, path, tree, (d, p, v) => {
        const before = JSON.stringify(d);
        const got = setPath(d, p, v);
        const want = reference(d, p, v);
        expect(JSON.stringify(got)).toBe(JSON.stringify(want));
        expect(got).toStrictEqual(want);
        expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
        expect(JSON.stringify(d)).toBe(before);
      }),
      { numRuns: 1000 },
    );
  });
});
