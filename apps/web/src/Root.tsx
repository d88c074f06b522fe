import { z } from "zod";
import { App, toolLinks } from "./App.tsx";
import { EngineProvider } from "./engine/EngineProvider.tsx";
import { OrgProvider } from "./org/OrgProvider.tsx";
import { ProfileProvider, useProfile } from "./profile/ProfileProvider.tsx";
import { useHashRoute } from "./routing/useHashRoute.ts";
import { AppShell } from "./shell/AppShell.tsx";
import { BootScreen, OutdatedBanner } from "./shell/BootScreen.tsx";
import { PendingScreen } from "./shell/PendingScreen.tsx";
import { ProfileChip } from "./shell/ProfileChip.tsx";
import { UpdatePrompt } from "./shell/UpdatePrompt.tsx";

// zod 4 probes `new Function` once to decide whether to compile fast parsers; our CSP forbids it
// (no unsafe-eval), so tell zod up front and keep the console free of CSP violations.
z.config({ jitless: true });

/** Module-level, so the provider opens the database once (it re-opens when options change). */
const engineOptions = { seedInWorker: true };

/**
 * Everything after the first paint (loaded by `main.tsx` with a dynamic import): the org catalog,
 * the procedures, the engine and the screens. While the database opens, the shell is already
 * there with the profile chip, so the clerk sees who they are and where they are going.
 */
export function Root() {
  return (
    <OrgProvider>
      <ProfileProvider>
        <EngineProvider
          options={engineOptions}
          fallback={(boot) => <Booting boot={boot} />}
          outdatedNotice={<OutdatedBanner />}
        >
          <App banner={<UpdatePrompt />} />
        </EngineProvider>
      </ProfileProvider>
    </OrgProvider>
  );
}

function Booting({ boot }: { boot: Parameters<typeof BootScreen>[0]["boot"] }) {
  const route = useHashRoute();
  const { actor } = useProfile();
  return (
    <AppShell route={route} banner={<UpdatePrompt />} profile={<ProfileChip />} tools={toolLinks}>
      {boot.status === "loading" ? (
        <PendingScreen route={route} hasPerson={actor !== undefined} />
      ) : (
        <BootScreen boot={boot} />
      )}
    </AppShell>
  );
}
