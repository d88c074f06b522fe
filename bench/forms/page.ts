/**
 * Browser entry for forms/chromium.ts: mounts either @rjsf/core on the JSON Schema or our
 * FormRenderer on the equivalent form JSON, and measures in the page itself, so the driver's
 * round trips to Chromium never enter the figures.
 *
 * Two ends are measured. "To layout": a bubbling `input` listener on window runs after React's
 * listener on the root, and React flushes discrete input updates synchronously before returning,
 * so reading offsetHeight there times the form's work plus the style and layout it causes, free
 * of the wait for the next display frame (up to 16.7 ms at 60 Hz, and Chromium runs a frame
 * before timers after input), which would blur the ratio. "To frame": a task queued from the
 * next requestAnimationFrame callback, after that frame's paint: what a clerk sees, wait included.
 * Work a form defers past the frame would escape both; neither renderer defers keystrokes.
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

/** Keystroke latencies (ms) from the trusted keydown: to forced layout, and to the next frame. */
const latencies: number[] = [];
const toFrame: number[] = [];
const layout = () => host.offsetHeight;
let keyAt = 0;
document.addEventListener(
  "keydown",
  () => {
    const t0 = performance.now();
    void nextFrame().then(() => toFrame.push(performance.now() - t0));
    // "To layout" starts after the bench's own bookkeeping: requestAnimationFrame and the promise
    // cost some 0.05 ms, neither renderer's work, and would shift both figures alike.
    keyAt = performance.now();
  },
  { capture: true },
);
window.addEventListener("input", () => {
  layout();
  latencies.push(performance.now() - keyAt);
});

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
  layout();
  const ms = performance.now() - t0;
  await nextFrame(); // let it paint before the next measurement
  return ms;
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
      toFrame: () => number[];
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
  toFrame: () => [...toFrame],
  reset: () => {
    latencies.length = 0;
    toFrame.length = 0;
  },
  fieldCount: () => host.querySelectorAll("input, select, textarea").length,
};
