import { freshIndexedDB } from "./fixtures";

/**
 * A fake IndexedDB that records the transactions it opens and whose `put`/`add` into the named
 * object stores fail with QuotaExceededError while `full.on` is true — the disk filling up
 * mid-transaction, after earlier writes of the same transaction already went through. With
 * `full.when` "write" the call throws; with "commit" it is accepted and the transaction is then
 * aborted with QuotaExceededError, as Chrome does when the quota check fails at commit. Built from
 * Proxies over fake-indexeddb so the store under test runs its real code; only the failure is
 * invented.
 */
export function quotaFailingIndexedDB(stores: string[]) {
  const ports = freshIndexedDB();
  const full: { on: boolean; hits: number; when: "write" | "commit" } = { on: false, hits: 0, when: "write" };
  /** Mode and durability hint of every transaction opened, in order. */
  const transactions: { mode: string; durability: string | undefined }[] = [];

  // Methods run on the real object (fake-indexeddb reads its own fields), results are wrapped on
  // the way out so the chain factory -> request -> database -> transaction -> store stays proxied.
  const wrap = <T extends object>(target: T, intercept: (name: PropertyKey, value: unknown) => unknown): T =>
    new Proxy(target, {
      get(t, name) {
        const value = Reflect.get(t, name, t);
        const replaced = intercept(name, value);
        if (replaced !== undefined) return replaced;
        return typeof value === "function" ? value.bind(t) : value;
      },
      set: (t, name, value) => Reflect.set(t, name, value, t),
    });

  const wrapStore = (store: IDBObjectStore) =>
    wrap(store, (name, value) => {
      if ((name !== "put" && name !== "add") || !stores.includes(store.name)) return undefined;
      return (...args: unknown[]) => {
        if (full.on && full.when === "write") {
          full.hits++;
          throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        }
        const request = (value as (...a: unknown[]) => IDBRequest).apply(store, args);
        if (full.on) {
          full.hits++;
          // Once this write (and every one before it) is stored, abort with the quota error
          // through fake-indexeddb's internal `_abort(name)`, which rolls back and sets
          // `transaction.error` as a browser-side abort does.
          const tx = store.transaction as IDBTransaction & { _abort(name: string): void };
          request.addEventListener("success", () => tx._abort("QuotaExceededError"));
        }
        return request;
      };
    });
  // Dexie reaches the database both from the open request and from a transaction's `db`, so
  // each real object maps to one proxy and both ways lead to the same one.
  const proxies = new WeakMap<object, object>();
  const once = <T extends object>(target: T, make: (t: T) => T): T => {
    const known = proxies.get(target) as T | undefined;
    if (known) return known;
    const proxy = make(target);
    proxies.set(target, proxy);
    return proxy;
  };
  const wrapTransaction = (tx: IDBTransaction): IDBTransaction =>
    once(tx, (t) =>
      wrap(t, (name) => {
        if (name === "objectStore") return (n: string) => wrapStore(t.objectStore(n));
        if (name === "db") return wrapDatabase(t.db);
        return undefined;
      }),
    );
  const wrapDatabase = (db: IDBDatabase): IDBDatabase =>
    once(db, (d) =>
      wrap(d, (name) =>
        name === "transaction"
          ? (...args: Parameters<IDBDatabase["transaction"]>) => {
              transactions.push({ mode: args[1] ?? "readonly", durability: args[2]?.durability });
              return wrapTransaction(d.transaction(...args));
            }
          : undefined,
      ),
    );
  const wrapOpenRequest = (req: IDBOpenDBRequest) =>
    wrap(req, (name) =>
      name === "result" && req.readyState === "done" && req.result ? wrapDatabase(req.result) : undefined,
    );
  const indexedDB = wrap(ports.indexedDB, (name) =>
    name === "open"
      ? (...args: Parameters<IDBFactory["open"]>) => wrapOpenRequest(ports.indexedDB.open(...args))
      : undefined,
  );
  return { indexedDB, IDBKeyRange: ports.IDBKeyRange, full, transactions };
}
