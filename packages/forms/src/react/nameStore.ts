/**
 * Listeners by field name, so a change reaches only the fields it concerns: one Map lookup per
 * keystroke instead of every field checking whether the change is theirs.
 */
export interface NameStore<T> {
  get(name: string): T;
  subscribe(name: string, listener: () => void): () => void;
  /** Notifies the listeners of `name`, of its parents (`items` for `items.2.x`) and children. */
  notify(name: string): void;
  notifyAll(): void;
}

/** Creates a store reading values through `get`. */
export function createNameStore<T>(get: (name: string) => T): NameStore<T> {
  const listeners = new Map<string, Set<() => void>>();
  // Names with a parent (`items.2.x`), by their top-level name: a keystroke in a plain field then
  // looks for children among its own cells, not among every subscribed name of the form.
  const nested = new Map<string, Set<string>>();
  const topOf = (name: string) => {
    const dot = name.indexOf(".");
    return dot < 0 ? undefined : name.slice(0, dot);
  };
  const call = (name: string) => {
    for (const l of listeners.get(name) ?? []) l();
  };
  return {
    get,
    subscribe(name, listener) {
      let set = listeners.get(name);
      if (!set) {
        set = new Set();
        listeners.set(name, set);
        const top = topOf(name);
        if (top !== undefined) {
          const names = nested.get(top) ?? new Set();
          names.add(name);
          nested.set(top, names);
        }
      }
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size > 0 || listeners.get(name) !== set) return;
        listeners.delete(name);
        const top = topOf(name);
        const names = top === undefined ? undefined : nested.get(top);
        names?.delete(name);
        if (top !== undefined && names?.size === 0) nested.delete(top);
      };
    },
    notify(name) {
      const parts = name.split(".");
      for (let i = 1; i <= parts.length; i++) call(parts.slice(0, i).join("."));
      // A whole group replaced (rows added, removed or reset) concerns every cell in it.
      const below = nested.get(parts[0] ?? name);
      if (!below) return;
      const prefix = `${name}.`;
      for (const key of [...below]) if (key.startsWith(prefix)) call(key);
    },
    notifyAll() {
      for (const key of [...listeners.keys()]) call(key);
    },
  };
}

/** A name store holding its own values: `replace` swaps them all and notifies the names that changed. */
export interface MapStore<T> extends NameStore<T | undefined> {
  replace(next: ReadonlyMap<string, T>): void;
}

/** Creates a store of values by name (the fields' error messages). */
export function createMapStore<T>(): MapStore<T> {
  let map: ReadonlyMap<string, T> = new Map();
  const store = createNameStore<T | undefined>((name) => map.get(name));
  return {
    ...store,
    replace(next) {
      const before = map;
      map = next;
      for (const name of new Set([...before.keys(), ...next.keys()]))
        if (before.get(name) !== next.get(name)) store.notify(name);
    },
  };
}
