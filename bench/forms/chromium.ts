/**
 * Forms in real Chromium: time to render a 300-field form with 50 conditions, and latency per
 * keystroke, @rjsf/core (on the equivalent JSON Schema) against our React renderer.
 * Keystrokes are real key events sent by playwright-core; latency is measured in the page.
 */
import { rmSync } from "node:fs";
import { bundle, chromiumMissing, launch, serve } from "../lib/browser";
import { median, report, reportBaseline, size, skip } from "../lib/measure";
import { TYPE_INTO } from "./spec";

const missing = chromiumMissing();
if (missing) {
  skip("forms.ours.keystroke", missing);
  process.exit(0);
}

const renders = size(9, 3);
const keys = size(40, 10);

const dir = await bundle("forms/page.ts", "forms");
const server = await serve(dir);
const browser = await launch();
const results: Record<string, { render: number; keystroke: number; frame: number; fields: number }> = {};
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("pageerror", (e) => console.error(`# page error: ${e.message}`));
  await page.goto(server.url);
  await page.waitForFunction(() => "benchForms" in window);

  // Alternate the two renderers round by round so drift on a shared machine hits both alike.
  const renderTimes: Record<string, number[]> = { rjsf: [], ours: [] };
  for (let r = 0; r <= renders; r++) {
    for (const which of r % 2 === 0 ? ["rjsf", "ours"] : ["ours", "rjsf"]) {
      const ms = await page.evaluate((w) => window.benchForms.mount(w as "rjsf" | "ours"), which);
      if (r > 0) renderTimes[which]!.push(ms); // round 0 warms up JIT and caches
    }
  }

  for (const which of ["rjsf", "ours"] as const) {
    await page.evaluate((w) => window.benchForms.mount(w), which);
    const fields = await page.evaluate(() => window.benchForms.fieldCount());
    const lat: number[] = [];
    const frame: number[] = [];
    for (const key of [TYPE_INTO.plain, TYPE_INTO.driver]) {
      if (!(await page.evaluate((k) => window.benchForms.focus(k), key)))
        throw new Error(`${which}: no input for ${key}`);
      await page.keyboard.type("ab"); // warm-up; also makes the text driver's condition flip on the 4th key
      await page.waitForTimeout(50);
      await page.evaluate(() => window.benchForms.reset());
      for (let i = 0; i < keys; i++) {
        await page.keyboard.press(i % 2 === 0 ? "KeyX" : "KeyY");
        await page.waitForFunction((n) => window.benchForms.toFrame().length >= n, i + 1);
      }
      lat.push(...(await page.evaluate(() => window.benchForms.latencies())));
      frame.push(...(await page.evaluate(() => window.benchForms.toFrame())));
    }
    results[which] = {
      render: median(renderTimes[which]!),
      keystroke: median(lat),
      frame: median(frame),
      fields,
    };
    console.error(
      `# ${which}: ${fields} inputs; keystroke to layout p50 ${median(lat).toFixed(1)} ms (max ${Math.max(...lat).toFixed(1)}), to next frame p50 ${median(frame).toFixed(1)} ms`,
    );
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}

process.env.BENCH_PRIOR = JSON.stringify({
  "forms.rjsf.render": { value: results.rjsf!.render, unit: "ms" },
  "forms.rjsf.keystroke": { value: results.rjsf!.keystroke, unit: "ms" },
  "forms.rjsf.keystroke-to-frame": { value: results.rjsf!.frame, unit: "ms" },
});
reportBaseline("forms.rjsf.render", results.rjsf!.render, "ms");
reportBaseline("forms.rjsf.keystroke", results.rjsf!.keystroke, "ms");
reportBaseline("forms.rjsf.keystroke-to-frame", results.rjsf!.frame, "ms");
report("forms.ours.render", results.ours!.render, "ms", "forms.rjsf.render");
report("forms.ours.keystroke", results.ours!.keystroke, "ms", "forms.rjsf.keystroke");
report("forms.ours.keystroke-to-frame", results.ours!.frame, "ms", "forms.rjsf.keystroke-to-frame");
