import { cleanup, screen } from "@testing-library/react";
import type { FormDocument } from "@wf/storage-dexie";
import { forms } from "@wf/workflows";
import { afterEach, describe, expect, it } from "vitest";
import type { AppServices } from "../src/engine/appServices.ts";
import { freshDbName, openServices, renderApp } from "./appHarness.tsx";

const cadre = { id: "cadre-ideal", unit: "qx-u-agriculture", roles: ["cadre"] };

let services: AppServices | undefined;
afterEach(() => {
  services?.store.close();
  services?.files.close();
  services = undefined;
});

/** fs-application v2: v1 plus one new field at the end. */
function applicationV2(): FormDocument {
  const v1 = forms.find((f) => (f as { id: string }).id === "fs-application") as {
    fields: unknown[];
  } & Record<string, unknown>;
  const v2 = structuredClone(v1);
  v2.version = 2;
  v2.fields = [
    ...v1.fields,
    { key: "pinTestExtra", type: "text", label: { zh: "第二版新增栏目", en: "Added in v2" } },
  ];
  return v2 as unknown as FormDocument;
}

describe("form versions pinned per case", () => {
  it("a case started on form v1 still shows v1's fields after v2 is published", async () => {
    const db = freshDbName();
    services = await openServices(db);
    const started = await services.engine.start({
      definitionId: "first-secretary-selection",
      actor: cadre,
      data: {},
      actionId: "start-pin",
    });
    const apply = started.tasks[0];
    if (!apply) throw new Error("no application task");
    expect(apply.form?.version).toBe(1);
    await services.store.saveForm(applicationV2());
    services.store.close();
    services.files.close();
    services = undefined;

    renderApp(db, `#/task/${apply.id}`, { personId: cadre.id, unit: cadre.unit });
    expect(await screen.findByLabelText(/姓名/)).toBeTruthy();
    expect(screen.queryByText("第二版新增栏目")).toBeNull();

    // A case started now pins v2, and its task shows the new field.
    cleanup();
    services = await openServices(db);
    expect(services.forms.versionOf("fs-application")).toBe(2);
    const next = await services.engine.start({
      definitionId: "first-secretary-selection",
      actor: cadre,
      data: {},
      actionId: "start-pin-2",
    });
    const applyV2 = next.tasks[0];
    expect(applyV2?.form?.version).toBe(2);
    renderApp(db, `#/task/${applyV2?.id}`, { personId: cadre.id, unit: cadre.unit });
    expect(await screen.findByLabelText(/第二版新增栏目/)).toBeTruthy();
  });
});
