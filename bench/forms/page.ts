/**
 * Browser entry for forms/chromium.ts: mounts either @rjsf/core on the JSON Schema or our
 * FormRenderer on the equivalent form JSON, and measures in the page itself, so the driver's
 * round trips to Chromium never enter the figures.
 *
 * "Done" is the next frame after the work: a requestAnimationFrame callback runs before the
 * frame's style, layout and paint, and a task queued from it runs after them.
 */
import Form from "@rjsf/core";
import validator from "@rjsf/validator-ajv8";
import { compileForm } from "@wf/forms";
import { FormRenderer } from "@wf/forms/react";
import { createElement } from "react";
import { flushSync } from "react-dom";
import { createRoot, type Root } from "react-dom/client";
import { jsonSchema, ourForm } from "./spec";

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

const schema = jsonSchema();
const compiled = compileForm(ourForm());

let root: Root | undefined;
const host = document.getElementById("root") ?? document.body.appendChild(document.createElement("div"));

/** Keystroke latencies (ms): from the trusted keydown to the frame that shows its effect. */
const latencies: number[] = [];
document.addEventListener(
  "keydown",
  () => {
    const t0 = performance.now();
    void nextFrame().then(() => latencies.push(performance.now() - t0));
  },
  { capture: true },
);

async function mount(which: "rjsf" | "ours"): Promise<number> {
  root?.unmount();
  root = createRoot(host);
  await nextFrame();
  const t0 = performance.now();
  const el =
    which === "rjsf"
      ? createElement(Form, { schema: schema as never, validator, noHtml5Validate: true })
      : createElement(FormRenderer, { form: compiled, locale: "en" });
  // flushSync: render and commit now, as a page navigation to the form would, not in idle time.
  flushSync(() => root!.render(el));
  await nextFrame();
  return performance.now() - t0;
}

function inputFor(key: string): HTMLElement | null {
  return document.getElementById(`root_${key}`) ?? document.querySelector(`[id$="-${key}"]`);
}

declare global {
  interface Window {
    benchForms: {
      mount: typeof mount;
      focus: (key: string) => boolean;
      latencies: () => number[];
      reset: () => void;
      fieldCount: () => number;
    };
  }
}

window.benchForms = {
  mount,
  focus: (key) => {
    const el = inputFor(key);
    el?.focus();
    return el !== null && document.activeElement === el;
  },
  latencies: () => [...latencies],
  reset: () => {
    latencies.length = 0;
  },
  fieldCount: () => host.querySelectorAll("input, select, textarea").length,
};
