import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { freshOptions, openServices, people, renderAppAt } from "./adminHarness.tsx";

const committee = (township: string) => ({
  id: `qx-${township}-committee1`,
  unit: `qx-${township}-pc`,
  roles: ["township-committee"],
});

/** Two vetting cases in 石门乡 (qx-t03), one in 青山镇 (qx-t01), one of them cancelled. */
async function seed() {
  const options = freshOptions();
  const services = await openServices(options);
  const register = async (township: string, village: string, n: number) => {
    const actor = committee(township);
    const started = await services.engine.start({
      definitionId: "candidate-vetting",
      actor,
      actionId: `s-${n}`,
    });
    const task = started.tasks[0];
    if (!task) throw new Error("no registration task");
    return services.engine.act({
      taskId: task.id,
      actor,
      outcome: "submit",
      formData: {
        name: `候选人${n}`,
        idNumber: "52990119880520031X",
        partyStatus: "正式党员",
        villageId: village,
        post: "member",
      },
      actionId: `r-${n}`,
      expectedVersion: started.version,
    });
  };
  await register("t03", "qx-t03-v01", 1);
  await register("t03", "qx-t03-v02", 2);
  const third = await register("t01", "qx-t01-v01", 3);
  await services.engine.cancel({
    instanceId: third.id,
    actor: { id: "qx-orgdept-admin", unit: "qx-orgdept", roles: ["org-dept"] },
    actionId: "c-3",
    expectedVersion: third.version,
  });
  services.store.close();
  return options;
}

const bars = (name: RegExp) =>
  within(screen.getByRole("figure", { name }))
    .getAllByRole("listitem")
    .map((li) => li.textContent);

describe("dashboard", () => {
  it("counts the region's cases by procedure, state and township for the organization department", async () => {
    const options = await seed();
    const user = userEvent.setup();
    await renderAppAt("#/dashboard", people.admin, options);
    expect(await screen.findByRole("heading", { level: 1, name: "统计看板" })).toBeTruthy();
    const running = await screen.findByText("办理中", { selector: "dt" });
    expect(running.nextElementSibling?.textContent).toBe("2");
    expect(screen.getByText("已撤销", { selector: "dt" }).nextElementSibling?.textContent).toBe("1");

    expect(bars(/按业务类型/)).toEqual(["村“两委”候选人六级评估3(办理中 2,已撤销 1)"]);
    expect(bars(/按乡镇/)).toEqual(["石门乡2(办理中 2)", "青山镇1(已撤销 1)"]);
    expect(bars(/按办理状态/)[0]).toMatch(/^村“两委”候选人六级评估 · .+2\(办理中 2\)$/);

    await user.selectOptions(screen.getByLabelText("业务类型"), "candidate-vetting");
    expect(screen.queryByRole("figure", { name: /按业务类型/ })).toBeNull();
    // With one procedure chosen, states are named by the step alone.
    expect(bars(/按办理状态/)[0]).not.toMatch(/·/);
  });

  it("shows a township party committee only its own township", async () => {
    const options = await seed();
    await renderAppAt("#/dashboard", { personId: "qx-t01-committee1", unit: "qx-t01-pc" }, options);
    expect(await screen.findByText("青山镇的案件。")).toBeTruthy();
    await screen.findByRole("figure", { name: /按乡镇/ });
    expect(bars(/按乡镇/)).toEqual(["青山镇1(已撤销 1)"]);
  });

  it("tells a village clerk it is not for their role", async () => {
    await renderAppAt("#/dashboard", people.villageClerk, freshOptions());
    expect(await screen.findByText(/统计看板供组织部门/)).toBeTruthy();
    expect(screen.queryByRole("link", { name: "统计" })).toBeNull();
  });
});
