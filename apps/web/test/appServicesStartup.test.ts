import * as forms from "@wf/forms";
import { describe, expect, it, vi } from "vitest";
import { createAppServices } from "../src/engine/appServices.ts";
import { lazyFormRegistry } from "../src/engine/lazyForms.ts";
import { clock, freshDbName, openServices } from "./appHarness.tsx";

const published: string[] = [];
vi.mock("@wf/engine", async (original) => {
  const actual = await original<typeof import("@wf/engine")>();
  return {
    ...actual,
    createEngine: (opts: Parameters<typeof actual.createEngine>[0]) => {
      const engine = actual.createEngine(opts);
      const publish = engine.publish.bind(engine);
      engine.publish = (d: unknown) => {
        published.push((d as { id: string }).id);
        return publish(d);
      };
      return engine;
    },
  };
});

vi.mock("@wf/forms", async (original) => {
  const actual = await original<typeof forms>();
  return { ...actual, compileForm: vi.fn(actual.compileForm) };
});

describe("app start-up", () => {
  it("compiles no form until one is used, then each ref@version once", async () => {
    const compile = vi.mocked(forms.compileForm);
    compile.mockClear();
    const services = await openServices(freshDbName());
    expect(compile).not.toHaveBeenCalled();
    expect(services.forms.versionOf("fs-application")).toBe(1);
    const a = services.forms.form({ ref: "fs-application", version: 1 });
    expect(services.forms.form("fs-application")).toBe(a);
    expect(services.forms.form("fs-application@1")).toBe(a);
    expect(compile).toHaveBeenCalledTimes(1);
    expect(() => services.forms.form("no-such-form")).toThrow(/unknown form "no-such-form"/);
    services.store.close();
    services.files.close();
  });

  it("publishes the shipped definitions on the first run only, and finds them on the next", async () => {
    const db = freshDbName();
    published.length = 0;
    const first = await openServices(db);
    expect(first.definition("first-secretary-selection")?.id).toBe("first-secretary-selection");
    expect(published).toHaveLength(3);
    first.store.close();
    first.files.close();

    const second = await openServices(db);
    expect(second.definition("candidate-vetting")?.id).toBe("candidate-vetting");
    const started = await second.engine.start({
      definitionId: "first-secretary-selection",
      actor: { id: "cadre-ideal", unit: "qx-u-agriculture", roles: ["cadre"] },
      data: {},
      actionId: "start-again",
    });
    expect(started.tasks[0]?.step).toBe("apply");
    expect(published).toHaveLength(3);
    second.store.close();
    second.files.close();
  });

  it("checks the shipped content once per build, and again when a new build starts", async () => {
    const db = freshDbName();
    published.length = 0;
    const first = await createAppServices({ dbName: db, clock, build: "b1" });
    expect(published).toHaveLength(3);
    // As if the shipped JSON had changed: a start of the same build does not look again...
    await first.store.setMeta("seededContent", "stale");
    first.store.close();
    first.files.close();
    const same = await createAppServices({ dbName: db, clock, build: "b1" });
    expect(published).toHaveLength(3);
    same.store.close();
    same.files.close();
    // ...a new build does, and republishing identical versions is a no-op for the store.
    const next = await createAppServices({ dbName: db, clock, build: "b2" });
    expect(published).toHaveLength(6);
    expect(next.definition("candidate-vetting")?.id).toBe("candidate-vetting");
    next.store.close();
    next.files.close();
  });

  it("seeds in place when no worker can run it (jsdom has none)", async () => {
    published.length = 0;
    const services = await createAppServices({
      dbName: freshDbName(),
      clock,
      seedWorkerUrl: "/seedWorker.js",
    });
    expect(published).toHaveLength(3);
    expect(services.definition("first-secretary-selection")?.id).toBe("first-secretary-selection");
    services.store.close();
    services.files.close();
  });

  it("keeps the latest version of each form as the default", () => {
    const doc = (version: number) => ({ id: "f", version, title: { zh: "表", en: "Form" }, fields: [] });
    const registry = lazyFormRegistry([doc(2), doc(1)]);
    expect(registry.versionOf("f")).toBe(2);
    expect(registry.form("f").json.version).toBe(2);
    expect(registry.form({ ref: "f", version: 1 }).json.version).toBe(1);
  });
});
