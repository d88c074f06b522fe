/**
 * Runs `work` once the browser has painted the current frame: a frame callback, then a task.
 * The second chunk of the app loads this way, so its download and start-up never hold back the
 * first paint of the shell. A hidden tab runs no frame callbacks, so there it runs after a task,
 * and a tab hidden in between still gets it from a fallback timer. Returns a cancel function.
 * @example
 * useEffect(() => afterPaint(() => setReady(true)), []);
 */
export function afterPaint(work: () => void, fallbackMs = 1000): () => void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    work();
  };
  const timers: ReturnType<typeof setTimeout>[] = [];
  let frame: number | undefined;
  if (document.visibilityState === "hidden") timers.push(setTimeout(run, 0));
  else {
    frame = requestAnimationFrame(() => timers.push(setTimeout(run, 0)));
    timers.push(setTimeout(run, fallbackMs));
  }
  return () => {
    done = true;
    if (frame !== undefined) cancelAnimationFrame(frame);
    for (const t of timers) clearTimeout(t);
  };
}
