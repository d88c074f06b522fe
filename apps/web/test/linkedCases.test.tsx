import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { orgPeople } from "@wf/workflows";
import { describe, expect, it } from "vitest";
import recall from "../../../workflows/scenarios/rc-incompetent.json" with { type: "json" };
import type { Actor } from "../src/profile/profiles.ts";
import { freshDbName, openServices, renderApp } from "./appHarness.tsx";

interface Act {
  type: string;
  actor: string;
  step?: string;
  outcome?: string;
  form?: Record<string, unknown>;
  opinion?: string;
}

function actorOf(id: string): Actor {
  const person = orgPeople.find((p) => p.id === id);
  const unit = person?.memberships[0]?.unit ?? "";
  return { id, unit, roles: (person?.memberships ?? []).filter((m) => m.unit === unit).map((m) => m.role) };
}

describe("linked cases", () => {
  it("links a recall and the reselection it started, both ways", async () => {
    const db = freshDbName();
    const services = await openServices(db);
    // The recall scenario up to the unit's confirmation, which starts the reselection.
    const actions = recall.actions.slice(0, 5) as Act[];
    const [first, ...rest] = actions;
    let instance = await services.engine.start({
      definitionId: "first-secretary-recall",
      actor: actorOf(first?.actor ?? ""),
      data: {},
      actionId: "rc-start",
    });
    for (const [i, a] of rest.entries()) {
      const task = instance.tasks.find((t) => t.step === a.step);
      if (!task) throw new Error(`no open task at ${a.step}`);
      instance = await services.engine.act({
        taskId: task.id,
        actor: actorOf(a.actor),
        outcome: a.outcome ?? "",
        ...(a.form ? { formData: a.form } : {}),
        ...(a.opinion ? { opinion: a.opinion } : {}),
        actionId: `rc-${i}`,
        expectedVersion: instance.version,
      });
    }
    expect(instance.children).toHaveLength(1);
    services.store.close();

    const user = userEvent.setup();
    renderApp(db, `#/case/${instance.id}`, { personId: "qx-orgdept-clerk1", unit: "qx-orgdept" });
    const linked = (await screen.findByRole("heading", { name: "关联案件" }, { timeout: 5000 }))
      .parentElement;
    if (!linked) throw new Error("no linked-cases card");
    expect(within(linked).getByText("子案件")).toBeTruthy();
    await user.click(within(linked).getByRole("link", { name: "选派第一书记" }));

    // The reselection's page links back to the recall that started it.
    const parentBadge = await screen.findByText("上级案件", undefined, { timeout: 5000 });
    const back = parentBadge.closest("li");
    if (!back) throw new Error("no linked-case row on the child");
    expect(within(back).getByRole("link", { name: "第一书记召回" })).toBeTruthy();
  }, 30_000);
});
