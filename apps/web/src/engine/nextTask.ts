/** Resolves in a later task, so long start-up work can be cut where the browser may paint or react. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
