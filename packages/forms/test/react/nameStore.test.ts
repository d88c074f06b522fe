import { expect, test } from "vitest";
import { createNameStore } from "../../src/react/nameStore";

test("a name store notifies a name, its parents and its children, and no one else", () => {
  const store = createNameStore(() => undefined);
  const calls: string[] = [];
  const names = ["items", "items.0.x", "items.1.x", "items.10.x", "itemsX", "itemsX.0.y", "note"];
  const unsubscribe = new Map(names.map((n) => [n, store.subscribe(n, () => calls.push(n))]));
  const heard = (name: string) => {
    calls.length = 0;
    store.notify(name);
    return [...calls].sort();
  };
  expect(heard("note")).toEqual(["note"]);
  expect(heard("items.1.x")).toEqual(["items", "items.1.x"]);
  expect(heard("items")).toEqual(["items", "items.0.x", "items.1.x", "items.10.x"]);
  expect(heard("items.1")).toEqual(["items", "items.1.x"]);
  unsubscribe.get("items.1.x")?.();
  unsubscribe.get("items.1.x")?.(); // twice is harmless
  expect(heard("items")).toEqual(["items", "items.0.x", "items.10.x"]);
  store.subscribe("items.1.x", () => calls.push("again"));
  expect(heard("items.1")).toEqual(["again", "items"]);
  for (const off of unsubscribe.values()) off();
  expect(heard("items")).toEqual(["again"]);
});
