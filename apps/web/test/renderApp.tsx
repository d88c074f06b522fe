import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { I18nProvider } from "../src/i18n/I18nProvider.tsx";
import type { Lang } from "../src/i18n/messages.ts";
import { OrgProvider } from "../src/org/OrgProvider.tsx";
import { ProfileProvider } from "../src/profile/ProfileProvider.tsx";
import type { Profile } from "../src/profile/profiles.ts";

/** Renders UI inside the app's providers, with the shipped org catalog. */
export function renderWithProviders(ui: ReactNode, options: { lang?: Lang; profile?: Profile } = {}) {
  return render(
    <I18nProvider {...(options.lang ? { lang: options.lang } : {})}>
      <OrgProvider>
        <ProfileProvider {...(options.profile ? { initial: options.profile } : {})}>{ui}</ProfileProvider>
      </OrgProvider>
    </I18nProvider>,
  );
}
