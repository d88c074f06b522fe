import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { expect } from "vitest";
import { chromiumPath } from "./globalSetup.ts";

/** Flags that work as root with no network (see /work/shared/TOOLCHAIN.md). */
const flags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A fresh browser (its own temporary profile, so an empty IndexedDB). */
export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: flags });
}

/**
 * A page that fails the test on any page error, console error or CSP violation: the app must run
 * under its Content-Security-Policy without complaint.
 */
export async function openPage(context: BrowserContext, problems: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" || /Content Security Policy/i.test(m.text()))
      problems.push(`console: ${m.text()}`);
  });
  return page;
}

/** Chooses a person under "Who am I" through the screen, as a clerk would. */
export async function actAs(page: Page, name: string, unit: string): Promise<void> {
  await page.getByRole("link", { name: "我是谁" }).click();
  await page.getByRole("searchbox", { name: "搜索姓名、单位或角色" }).fill(name);
  await page.getByRole("button", { name: `以此身份办理: ${name}, ${unit}` }).click();
  await expect.poll(() => page.getByRole("link", { name: /当前身份/ }).textContent()).toContain(name);
}

/**
 * Saves what the screen looks like at desktop and phone width into test-results/ (ignored by
 * git), so a person can look at every screen the tests pass through.
 */
export async function snap(page: Page, name: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  await page.screenshot({ path: `test-results/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `test-results/${name}-phone.png` });
  await page.setViewportSize(size);
}

/**
 * Form controls on screen with no accessible name (no label, aria-label or aria-labelledby),
 * described by their tag and id: every control must tell a screen-reader user what it is.
 */
export function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = [...document.querySelectorAll<HTMLElement>("input, select, textarea, button")];
    return controls
      .filter((el) => el.offsetParent !== null && (el as HTMLInputElement).type !== "hidden")
      .filter((el) => {
        const labels = (el as HTMLInputElement).labels;
        const named =
          (labels !== null && labels !== undefined && labels.length > 0) ||
          (el.getAttribute("aria-label") ?? "").trim() !== "" ||
          (el.getAttribute("aria-labelledby") ?? "").trim() !== "" ||
          (el.tagName === "BUTTON" && (el.textContent ?? "").trim() !== "");
        return !named;
      })
      .map((el) => `${el.tagName.toLowerCase()}#${el.id || "?"}`);
  });
}
