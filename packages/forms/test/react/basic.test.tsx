// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, expect, test, vi } from "vitest";
import { compileForm } from "../../src/index";
import { FormRenderer } from "../../src/react/index";
import { applicationForm } from "../fixtures/applicationForm";

afterEach(cleanup);

test("renders, shows conditional field, submits", async () => {
  const user = userEvent.setup();
  const onSubmit = vi.fn();
  render(
    <FormRenderer
      form={compileForm(applicationForm)}
      onSubmit={onSubmit}
      context={{ env: { now: "2026-01-01T09:00:00+08:00" } }}
    />,
  );
  await user.type(screen.getByLabelText(/姓名/), "张三");
  await user.type(screen.getByLabelText(/身份证号码/), "11010519491231002X");
  expect(screen.getByLabelText("出生日期")).toHaveProperty("textContent", "1949-12-31");
  expect(screen.queryByLabelText(/职级说明/)).toBeNull();
  await user.selectOptions(screen.getByLabelText(/^职级/), "副科");
  expect(screen.getByLabelText(/职级说明/)).toBeTruthy();
  await user.click(screen.getByRole("button", { name: "提交" }));
  const alert = await screen.findByRole("alert");
  expect(alert.textContent).toContain("职级说明");
  expect(document.activeElement).toBe(alert);
  await user.type(screen.getByLabelText(/职级说明/), "说明");
  await user.click(screen.getByRole("button", { name: "提交" }));
  expect(onSubmit).toHaveBeenCalledTimes(1);
  expect(onSubmit.mock.calls[0]?.[0]).toEqual({
    name: "张三",
    idNumber: "11010519491231002X",
    birthDate: "1949-12-31",
    rank: "副科",
    rankNote: "说明",
  });
});
