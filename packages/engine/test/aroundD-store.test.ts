import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AuditEvent,
  type Commit,
  checkStoreContract,
  type InstanceRecord,
  MemoryStore,
  type Store,
} from "../src/index";
import { changedKeys, startKeys } from "../src/runtime/setPath";
import { actor, makeEngine, selectionDefinition, submittedCase } from "./fixtures";

// The calls every action makes go to a store's synchronous twins when it has them, and a case's
// start writes its data change with one spread: neither may change what is stored or returned.

/** A MemoryStore whose async calls of the hot path fail: only the *Now twins may be used. */
class NowOnly extends MemoryStore {
  override async loadInstance(): Promise<InstanceRecord | undefined> {
    throw new Error("loadInstance called");
  }
  override async findAction(): Promise<AuditEvent | undefined> {
    throw new Error("findAction called");
  }
  override async commit(_c: Commit): Promise<void> {
    throw new Error("commit called");
  }
}

/** A store with only the async calls, as IndexedDB stores are. */
function asyncOnly(): Store {
  const m = new MemoryStore();
  return {
    saveDefinition: (d) => m.saveDefinition(d),
    loadDefinition: (id, version) => m.loadDefinition(id, version),
    listDefinitions: () => m.listDefinitions(),
    loadInstance: (id) => m.loadInstance(id),
    findAction: (id) => m.findAction(id),
    commit: (c) => m.commit(c),
    events: (id) => m.events(id),
    queryTasks: (q) => m.queryTasks(q),
    queryInstances: (q) => m.queryInstances(q),
  };
}

async function selectionRun(store: Store) {
  const env = makeEngine([selectionDefinition()], { store });
  let i = await submittedCase(env);
  i = await env.engine.claim({ taskId: i.tasks[0]!.id, actor: actor("od1"), actionId: env.nextAction() });
  i = await env.engine.act({
    taskId: i.tasks[0]!.id,
    actor: actor("od1"),
    outcome: "pass",
    actionId: env.nextAction(),
    expectedVersion: i.version,
  });
  // A retried action answers with the instance as it is, through findAction(Now).
  const again = await env.engine.act({
    taskId: i.tasks[0]?.id ?? "none",
    actor: actor("od1"),
    outcome: "pass",
    actionId: "a4",
    expectedVersion: 0,
  });
  return { i, again, log: await env.engine.history(i.id), tasks: await store.queryTasks({}) };
}

describe("a store's synchronous calls", () => {
  it("serve every action of a MemoryStore, with the same results as the async ones", async () => {
    const viaNow = await selectionRun(new NowOnly());
    const viaAsync = await selectionRun(asyncOnly());
    expect(JSON.stringify(viaNow)).toBe(JSON.stringify(viaAsync));
  });

  it("are checked by checkStoreContract as well", async () => {
    class BrokenNow extends MemoryStore {
      // Skips the version check in the synchronous commit only.
      override commitNow(c: Commit): void {
        super.commitNow({ ...c, expectedVersion: this.loadInstanceNow(c.instance.id)?.version ?? 0 });
      }
    }
    expect(await checkStoreContract(() => new MemoryStore())).toEqual([]);
    const failures = await checkStoreContract(() => new BrokenNow());
    expect(failures.some((f) => f.endsWith("(through its *Now calls)"))).toBe(true);
  });
});

describe("startKeys", () => {
  const key = fc.oneof(
    fc.constantFrom("__proto__", "toString", "constructor", "valueOf", "0", "12", "a", "b"),
    fc.string({ maxLength: 4 }),
  );
  const value = fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 1 }));
  it("is changedKeys from an empty object: same keys, order and values", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { maxLength: 8 }), (entries) => {
        const after: Record<string, unknown> = {};
        for (const [k, v] of entries)
          Object.defineProperty(after, k, { value: v, enumerable: true, writable: true, configurable: true });
        const want = changedKeys({}, after);
        const got = startKeys(after);
        expect(got === undefined).toBe(want === undefined);
        if (got && want) {
          expect(Object.keys(got)).toEqual(Object.keys(want));
          expect(JSON.stringify(got)).toBe(JSON.stringify(want));
          expect(Object.getPrototypeOf(got)).toBe(Object.getPrototypeOf(want));
        }
      }),
    );
  });
});
