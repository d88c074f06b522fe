import { lazy, StrictMode, Suspense, startTransition, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { nextTask } from "./engine/nextTask.ts";
import { I18nProvider } from "./i18n/I18nProvider.tsx";
import { loadProfile } from "./profile/profiles.ts";
import { useHashRoute } from "./routing/useHashRoute.ts";
import { AppShell } from "./shell/AppShell.tsx";
import { afterPaint } from "./shell/afterPaint.ts";
import { PendingScreen } from "./shell/PendingScreen.tsx";
import "./styles/base.css";
import "./styles/shell.css";
import "./styles/components.css";
import "./styles/screens.css";
import "./styles/work.css";
import "@wf/forms/styles.css";
import "./styles/forms.css";

// The first paint is the shell alone: React, the messages and the navigation. The org catalog,
// procedures, forms, engine and screens are a second chunk, fetched once the shell has painted
// (and precached by the service worker, so offline it comes from the cache like the first).
// Its modules are evaluated in steps, each import in a task of its own: evaluating all of it at
// once (zod's schemas, Dexie, the shipped procedures, the screens) blocks the main thread for a
// long while on a mid-range phone. Each step fetches only what the ones before did not; a
// returning clerk gets them from the service worker's cache.
const Root = lazy(async () => {
  await import("./engine/zodJitless.ts");
  await import("@wf/engine");
  await nextTask();
  await import("@wf/storage-dexie");
  await nextTask();
  await import("@wf/workflows");
  await nextTask();
  const { Root } = await import("./Root.tsx");
  return { default: Root };
});

function FirstPaint() {
  const route = useHashRoute();
  // Only whether a person was chosen in this browser: whether the catalog still knows them is
  // checked once it has loaded (an unknown one then counts as none).
  return (
    <AppShell route={route}>
      <PendingScreen route={route} hasPerson={loadProfile() !== undefined} />
    </AppShell>
  );
}

/**
 * The shell first; the rest once it is on screen. Rendering the rest is a transition: the shell
 * stays up until the second chunk has arrived (no fallback flashes in between), and React renders
 * it in slices that leave the main thread free for the clerk's first taps.
 */
function Start() {
  const [rest, setRest] = useState(false);
  useEffect(() => afterPaint(() => startTransition(() => setRest(true))), []);
  return rest ? <Root /> : <FirstPaint />;
}

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <Suspense fallback={<FirstPaint />}>
        <Start />
      </Suspense>
    </I18nProvider>
  </StrictMode>,
);
