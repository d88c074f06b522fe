import {
  createContext,
  type ReactNode,
  startTransition,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { type AppServices, type AppServicesOptions, createAppServices } from "./appServices.ts";

interface EngineState {
  services: AppServices;
  /** Bumped after every change here or in another tab; queries re-run when it moves. */
  revision: number;
  /** Announce a change (after an action): re-runs queries here and in the other tabs. */
  changed(): void;
}

/** Where opening the database stands, before the services are ready. */
export type BootState = { status: "loading" } | { status: "failed"; error: unknown };

type Boot = BootState | { status: "ready"; services: AppServices };

const EngineContext = createContext<EngineState | null>(null);
const channelName = "wf-changes";
/** Timers (deadlines, the public notice) fire when the app looks; once a minute while it is open. */
const tickEveryMs = 60_000;

/**
 * Opens the database and the engine once, then provides them. Other tabs' changes arrive over a
 * BroadcastChannel, so an inbox open in two tabs shows the same tasks.
 */
export function EngineProvider({
  options,
  children,
  fallback,
  outdatedNotice,
}: {
  options?: AppServicesOptions;
  children: ReactNode;
  /** What to show while opening, or when opening failed. */
  fallback: (boot: BootState) => ReactNode;
  /**
   * Shown above the app once another tab opened a newer version of the database. The app stays
   * on screen, so the clerk still sees what they typed (their drafts are saved) until they reload.
   */
  outdatedNotice?: ReactNode;
}) {
  const [boot, setBoot] = useState<Boot>({ status: "loading" });
  const [outdated, setOutdated] = useState(false);
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    let alive = true;
    let opened: AppServices | undefined;
    createAppServices({ ...options, onVersionChange: () => alive && setOutdated(true) }).then(
      (services) => {
        opened = services;
        // A transition: the first screen renders in slices, leaving the main thread free.
        if (alive) startTransition(() => setBoot({ status: "ready", services }));
        else {
          services.store.close();
          services.files.close();
        }
      },
      (error: unknown) => alive && setBoot({ status: "failed", error }),
    );
    return () => {
      alive = false;
      opened?.store.close();
      opened?.files.close();
    };
  }, [options]);

  // Created inside the effect: React's StrictMode runs effects twice, and a channel closed by the
  // first cleanup must not be the one the second run posts to.
  const channel = useRef<BroadcastChannel | undefined>(undefined);
  useEffect(() => {
    if (typeof BroadcastChannel === "undefined") return;
    const own = new BroadcastChannel(channelName);
    own.onmessage = () => setRevision((r) => r + 1);
    channel.current = own;
    return () => {
      channel.current = undefined;
      own.close();
    };
  }, []);

  const changed = useCallback(() => {
    setRevision((r) => r + 1);
    channel.current?.postMessage("changed");
  }, []);

  const services = boot.status === "ready" ? boot.services : undefined;
  useEffect(() => {
    if (!services) return;
    const tick = () =>
      services.engine.tick().then(
        (fired) => fired.length > 0 && changed(),
        // A failed timer run is retried on the next tick; the case page shows the state either way.
        () => undefined,
      );
    void tick();
    const timer = setInterval(tick, tickEveryMs);
    return () => clearInterval(timer);
  }, [services, changed]);

  const value = useMemo(
    () => (services ? { services, revision, changed } : null),
    [services, revision, changed],
  );
  // The fallback sits where the children will: a fallback that renders the same components as
  // the children (the app does, see Root.tsx) keeps their state when the engine becomes ready.
  return (
    <EngineContext.Provider value={value}>
      {outdated && outdatedNotice}
      {value ? children : fallback(boot.status === "ready" ? { status: "loading" } : boot)}
    </EngineContext.Provider>
  );
}

/** The engine, store and form registry, with the change counter. */
export function useEngine(): EngineState {
  const value = useContext(EngineContext);
  if (!value) throw new Error("useEngine must be used inside <EngineProvider>");
  return value;
}
