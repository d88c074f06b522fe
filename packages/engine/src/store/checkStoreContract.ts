import type { AuditEvent, InstanceRecord, Store, StoredDefinition, TaskRecord } from "./Store";

/**
 * Check that a Store implementation behaves as the engine relies on: immutable definition
 * versions, atomic version-checked commits that write nothing when refused, idempotency by
 * action id, log order, and the task/instance query semantics (`taskMatches`). Framework-free,
 * so any store's own tests can call it.
 *
 * @returns one line per broken expectation; empty when the store conforms.
 * @example
 * expect(await checkStoreContract(() => new DexieStore(fakeIndexedDb()))).toEqual([]);
 */
export async function checkStoreContract(make: () => Store | Promise<Store>): Promise<string[]> {
  const failures: string[] = [];
  await runGuarded(await make(), failures);
  // A store that answers some calls at once is checked a second time through those answers.
  const fresh = await make();
  if (fresh.loadInstanceNow || fresh.findActionNow || fresh.commitNow) {
    const more: string[] = [];
    await runGuarded(throughNowCalls(fresh), more);
    for (const f of more) failures.push(`${f} (through its *Now calls)`);
  }
  return failures;
}

async function runGuarded(store: Store, failures: string[]): Promise<void> {
  try {
    await runContract(store, failures);
  } catch (error) {
    failures.push(
      `the store threw where it should not: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** `store` with loadInstance, findAction and commit served by their synchronous twins, where it has them. */
function throughNowCalls(store: Store): Store {
  return {
    saveDefinition: (d) => store.saveDefinition(d),
    loadDefinition: (id, version) => store.loadDefinition(id, version),
    listDefinitions: () => store.listDefinitions(),
    loadInstance: async (id) => (store.loadInstanceNow ? store.loadInstanceNow(id) : store.loadInstance(id)),
    findAction: async (id) => (store.findActionNow ? store.findActionNow(id) : store.findAction(id)),
    commit: async (c) => (store.commitNow ? store.commitNow(c) : store.commit(c)),
    events: (id) => store.events(id),
    queryTasks: (q) => store.queryTasks(q),
    queryInstances: (q) => store.queryInstances(q),
  };
}

async function runContract(store: Store, failures: string[]): Promise<void> {
  const expect = (ok: boolean, what: string) => {
    if (!ok) failures.push(what);
  };
  const refuses = async (run: () => Promise<unknown>): Promise<boolean> => {
    try {
      await run();
      return false;
    } catch (error) {
      return (error as { code?: unknown }).code === "conflict";
    }
  };
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

  await store.saveDefinition(definition(1, "a"));
  await store.saveDefinition(definition(2, "b"));
  await store.saveDefinition(definition(1, "a"));
  expect(
    await refuses(() => store.saveDefinition(definition(1, "changed"))),
    "saving other content under a published (id, version) must reject with ConflictError",
  );
  expect(
    (await store.loadDefinition("d"))?.version === 2,
    "loadDefinition without a version must give the highest version",
  );
  expect(
    (await store.loadDefinition("d", 1))?.hash === "a",
    "loadDefinition(id, version) must give that version",
  );
  expect((await store.listDefinitions()).length === 2, "listDefinitions must list every stored version");

  const linked: Partial<InstanceRecord> = {
    subject: "p9",
    nextDue: "2026-02-01T00:00:00.000Z",
    parent: { instanceId: "p0", step: "s" },
  };
  const first = instance("i1", 1, linked);
  await store.commit({
    instance: first,
    expectedVersion: 0,
    events: [event("i1", "a1", 1)],
    tasks: [task("t1", {})],
  });
  expect(
    same(await store.loadInstance("i1"), first),
    "loadInstance must return the committed record unchanged",
  );
  expect(
    await refuses(() =>
      store.commit({
        instance: instance("i1", 1),
        expectedVersion: 0,
        events: [event("i1", "a9", 1)],
        tasks: [],
      }),
    ),
    "a commit with expectedVersion 0 for an existing instance must reject",
  );
  expect(
    await refuses(() =>
      store.commit({
        instance: instance("i1", 3),
        expectedVersion: 2,
        events: [event("i1", "a2", 2)],
        tasks: [task("t2", {})],
      }),
    ),
    "a commit against a stale version must reject with ConflictError",
  );
  expect(
    await refuses(() =>
      store.commit({
        instance: instance("i1", 2),
        expectedVersion: 1,
        events: [event("i1", "a1", 2)],
        tasks: [],
      }),
    ),
    "a commit reusing a stored action id must reject",
  );
  expect((await store.loadInstance("i1"))?.version === 1, "a refused commit must not change the instance");
  expect((await store.events("i1")).length === 1, "a refused commit must not append events");
  expect(
    (await store.queryTasks({ instanceId: "i1" })).length === 1,
    "a refused commit must not write tasks",
  );
  expect((await store.findAction("a2")) === undefined, "a refused commit must not record its action ids");

  await store.commit({
    instance: instance("i1", 2, { ...linked, status: "completed" }),
    expectedVersion: 1,
    events: [event("i1", "a2", 2), event("i1", "a3", 3)],
    tasks: [
      task("t1", { status: "completed" }),
      task("t2", { assignee: { person: "p7" }, due: "2026-03-01T00:00:00.000Z" }),
    ],
  });
  expect(
    (await store.events("i1")).map((e) => e.seq).join() === "1,2,3",
    "events must come back in seq order",
  );
  expect((await store.findAction("a3"))?.seq === 3, "findAction must find every committed action id");
  expect(
    (await store.queryTasks({ instanceId: "i1" })).length === 2,
    "tasks must be replaced by id, not duplicated",
  );

  await store.commit({
    instance: instance("i2", 1),
    expectedVersion: 0,
    events: [event("i2", "b1", 1)],
    tasks: [
      task("t3", {
        instanceId: "i2",
        claimedBy: "p5",
        escalatedTo: { role: "boss", unit: "top" },
        due: "2026-02-01T00:00:00.000Z",
      }),
    ],
  });
  const ids = async (q: Parameters<Store["queryTasks"]>[0]) =>
    (await store.queryTasks(q))
      .map((t) => t.id)
      .sort()
      .join();
  expect((await ids({ unit: "u", role: "r", status: "open" })) === "t3", "queryTasks by unit+role+status");
  expect(
    (await ids({ unit: "top", role: "boss" })) === "t3",
    "queryTasks by unit+role must match the escalation too",
  );
  expect((await ids({ person: "p7" })) === "t2", "queryTasks by person must match a person assignee");
  expect((await ids({ person: "p5" })) === "t3", "queryTasks by person must match the claimer");
  expect((await ids({ dueBefore: "2026-02-01T00:00:00.000Z" })) === "", "queryTasks dueBefore is strict");
  expect(
    (await ids({ dueBefore: "2026-02-01T00:00:00.001Z" })) === "t3",
    "queryTasks dueBefore finds earlier due times",
  );
  const inst = async (q: Parameters<Store["queryInstances"]>[0]) =>
    (await store.queryInstances(q))
      .map((i) => i.id)
      .sort()
      .join();
  expect((await inst({ status: "running" })) === "i2", "queryInstances by status");
  expect((await inst({ definitionId: "d" })) === "i1,i2", "queryInstances by definition");
  expect((await inst({ subject: "p9" })) === "i1", "queryInstances by subject");
  expect((await inst({ parentId: "p0" })) === "i1", "queryInstances by parent");
  expect(
    (await inst({ dueBefore: "2026-02-01T00:00:00.000Z" })) === "i1",
    "queryInstances dueBefore includes nextDue equal to it",
  );
}

function definition(version: number, hash: string): StoredDefinition {
  return {
    id: "d",
    version,
    hash,
    definition: { title: { zh: "d", en: "d" } },
    publishedAt: "2026-01-01T00:00:00Z",
  };
}

function instance(id: string, version: number, extra: Partial<InstanceRecord> = {}): InstanceRecord {
  return {
    id,
    definitionId: "d",
    definitionVersion: 1,
    definitionHash: "h",
    version,
    status: "running",
    steps: ["s"],
    data: { n: version },
    startedAt: "2026-01-01T00:00:00Z",
    startedBy: { id: "p", unit: "u" },
    updatedAt: "2026-01-01T00:00:00Z",
    children: [],
    lastHash: `h${version}`,
    lastSeq: version,
    snapshot: { status: "active", value: "s", context: {} },
    ...extra,
  };
}

function event(instanceId: string, actionId: string, seq: number): AuditEvent {
  return {
    seq,
    instanceId,
    actionId,
    type: "acted",
    at: "2026-01-01T00:00:00Z",
    actor: "p",
    unit: "u",
    step: "s",
    payload: { type: "wf.act" },
    baseVersion: seq - 1,
    prevHash: seq === 1 ? "" : `h${seq - 1}`,
    hash: `h${seq}`,
  };
}

function task(id: string, extra: Partial<TaskRecord>): TaskRecord {
  return {
    id,
    instanceId: "i1",
    definitionId: "d",
    definitionVersion: 1,
    step: "s",
    kind: "userTask",
    title: { zh: "s", en: "s" },
    assignee: { role: "r", unit: "u" },
    status: "open",
    createdAt: "2026-01-01T00:00:00Z",
    outcomes: [],
    ...extra,
  };
}
