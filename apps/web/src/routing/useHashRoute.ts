import { useSyncExternalStore } from "react";

/**
 * Hash routes ("#/task/t-1") rather than paths: the app is served as static files and from the
 * service worker's cache, so every deep link must resolve to the one precached index.html.
 */
export type Route =
  | { name: "inbox" }
  | { name: "start"; definitionId?: string }
  | { name: "cases" }
  | { name: "case"; caseId: string; print: boolean }
  | { name: "task"; taskId: string }
  | { name: "profile" }
  | { name: "file"; fileId: string }
  | { name: "dashboard" }
  | { name: "batch" }
  | { name: "admin"; tab?: string }
  | { name: "notFound"; path: string };

/** Parses a hash such as "#/case/c-1/print" into a route. */
function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, "") || "/";
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const [head, id, extra] = parts;
  if (parts.length === 0 || (head === "inbox" && parts.length === 1)) return { name: "inbox" };
  if (head === "start" && parts.length <= 2)
    return id ? { name: "start", definitionId: id } : { name: "start" };
  if (head === "cases" && parts.length === 1) return { name: "cases" };
  if (head === "case" && id && (extra === undefined || extra === "print") && parts.length <= 3)
    return { name: "case", caseId: id, print: extra === "print" };
  if (head === "task" && id && parts.length === 2) return { name: "task", taskId: id };
  if (head === "profile" && parts.length === 1) return { name: "profile" };
  if (head === "file" && id && parts.length === 2) return { name: "file", fileId: id };
  if (head === "dashboard" && parts.length === 1) return { name: "dashboard" };
  if (head === "batch" && parts.length === 1) return { name: "batch" };
  if (head === "admin" && parts.length <= 2) return id ? { name: "admin", tab: id } : { name: "admin" };
  return { name: "notFound", path };
}

/** The hash for a route, for links: `<a href={href({ name: "task", taskId })}>`. */
export function href(route: Exclude<Route, { name: "notFound" }>): string {
  const enc = encodeURIComponent;
  switch (route.name) {
    case "inbox":
      return "#/inbox";
    case "start":
      return route.definitionId ? `#/start/${enc(route.definitionId)}` : "#/start";
    case "cases":
      return "#/cases";
    case "case":
      return `#/case/${enc(route.caseId)}${route.print ? "/print" : ""}`;
    case "task":
      return `#/task/${enc(route.taskId)}`;
    case "profile":
      return "#/profile";
    case "file":
      return `#/file/${enc(route.fileId)}`;
    case "dashboard":
      return "#/dashboard";
    case "batch":
      return "#/batch";
    case "admin":
      return route.tab ? `#/admin/${enc(route.tab)}` : "#/admin";
  }
}

/** Moves to a route (adds a history entry, so Back works as the clerk expects). */
export function navigate(route: Exclude<Route, { name: "notFound" }>): void {
  window.location.hash = href(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

/** The current route, re-rendering on every hash change. */
export function useHashRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
