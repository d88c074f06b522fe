import { render } from "@testing-library/react";
import { App } from "../src/App.tsx";
import { type AppServices, createAppServices } from "../src/engine/appServices.ts";
import { EngineProvider } from "../src/engine/EngineProvider.tsx";
import { I18nProvider } from "../src/i18n/I18nProvider.tsx";
import { OrgProvider } from "../src/org/OrgProvider.tsx";
import { ProfileProvider } from "../src/profile/ProfileProvider.tsx";
import type { Profile } from "../src/profile/profiles.ts";
import { OutdatedBanner } from "../src/shell/BootScreen.tsx";

let dbCounter = 0;

/** A fresh database name per test, on fake-indexeddb (installed by test/setup.ts). */
export function freshDbName(): string {
  dbCounter += 1;
  return `wf-test-${Date.now()}-${dbCounter}`;
}

/** The demo clock: a working Monday in March 2026, matching the scenario scripts. */
export const clock = () => "2026-03-02T09:00:00+08:00";

/** Services over the same database the rendered app uses, to set up cases through the engine. */
export function openServices(dbName: string): Promise<AppServices> {
  return createAppServices({ dbName, clock });
}

/** Renders the whole app at `hash`, acting as `profile`, over the database `dbName`. */
export function renderApp(dbName: string, hash: string, profile?: Profile) {
  window.location.hash = hash;
  const options = { dbName, clock };
  return render(
    <I18nProvider lang="zh">
      <OrgProvider>
        <ProfileProvider {...(profile ? { initial: profile } : {})}>
          <EngineProvider
            options={options}
            fallback={() => <p>loading</p>}
            outdatedNotice={<OutdatedBanner />}
          >
            <App />
          </EngineProvider>
        </ProfileProvider>
      </OrgProvider>
    </I18nProvider>,
  );
}
