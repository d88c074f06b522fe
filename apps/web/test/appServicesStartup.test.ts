import * as forms from "@wf/forms";
import { describe, expect, it, vi } from "vitest";
import { lazyFormRegistry } from "../src/engine/lazyForms.ts";
import { freshDbName, openServices } from "./appHarness.tsx";

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

  it("keeps the latest version of each form as the default", () => {
    const doc = (version: number) => ({ id: "f", version, title: { zh: "表", en: "Form" }, fields: [] });
    const registry = lazyFormRegistry([doc(2), doc(1)]);
    expect(registry.versionOf("f")).toBe(2);
    expect(registry.form("f").json.version).toBe(2);
    expect(registry.form({ ref: "f", version: 1 }).json.version).toBe(1);
  });
});
