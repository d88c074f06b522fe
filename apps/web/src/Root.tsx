import seedWorkerUrl from "virtual:wf-seed-worker-url";
import { App } from "./App.tsx";
import { EngineProvider } from "./engine/EngineProvider.tsx";
import { OrgProvider } from "./org/OrgProvider.tsx";
import { ProfileProvider } from "./profile/ProfileProvider.tsx";
import { OutdatedBanner } from "./shell/BootScreen.tsx";
import { UpdatePrompt } from "./shell/UpdatePrompt.tsx";

/** Module-level, so the provider opens the database once (it re-opens when options change). */
const engineOptions = { seedWorkerUrl };

/**
 * Everything after the first paint (loaded by `main.tsx` in steps): the org catalog, the
 * procedures, the engine and the screens. While the database opens, the app is already there
 * with the profile chip and the "who am I" page; the fallback is the same `App`, so nothing on
 * screen is remounted when the engine becomes ready.
 */
export function Root() {
  return (
    <OrgProvider>
      <ProfileProvider>
        <EngineProvider
          options={engineOptions}
          fallback={(boot) => <App banner={<UpdatePrompt />} boot={boot} />}
          outdatedNotice={<OutdatedBanner />}
        >
          <App banner={<UpdatePrompt />} />
        </EngineProvider>
      </ProfileProvider>
    </OrgProvider>
  );
}
