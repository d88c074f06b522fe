import { type DependencyList, useEffect, useState } from "react";
import type { AppServices } from "./appServices.ts";
import { useEngine } from "./EngineProvider.tsx";

/** The state of a query: the last result, and the error of the last run if it failed. */
export type QueryState<T> =
  | { status: "loading"; data?: undefined; error?: undefined }
  | { status: "ready"; data: T; error?: undefined }
  | { status: "failed"; data?: undefined; error: unknown };

/**
 * Runs a read against the engine or store, again whenever `deps` change or any change is
 * announced (here or in another tab). The previous result stays on screen while it re-runs.
 */
export function useEngineQuery<T>(
  read: (services: AppServices) => Promise<T>,
  deps: DependencyList,
): QueryState<T> {
  const { services, revision } = useEngine();
  const [state, setState] = useState<QueryState<T>>({ status: "loading" });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `read` is re-created every render; `deps` say when it changes.
  useEffect(() => {
    let alive = true;
    read(services).then(
      (data) => alive && setState({ status: "ready", data }),
      (error: unknown) => alive && setState({ status: "failed", error }),
    );
    return () => {
      alive = false;
    };
  }, [services, revision, ...deps]);
  return state;
}
