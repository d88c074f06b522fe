import { freshIndexedDB } from "./fixtures";

/**
 * A fake IndexedDB that records the transactions it opens and whose `put`/`add` into the named object stores throw QuotaExceededError while
 * `full.on` is true — the disk filling up mid-transaction, after earlier writes of the same
 * transaction already went through. Built from Proxies over fake-indexeddb so the store under
 * test runs its real Dexie code path; only the failing write is invented.
 */
export function quotaFailingIndexedDB(stores: string[]) {
  const ports = freshIndexedDB();
  const full = { on: false, hits: 0 };
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
        if (full.on) {
          full.hits++;
          throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        }
        return (value as (...a: unknown[]) => IDBRequest).apply(store, args);
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
