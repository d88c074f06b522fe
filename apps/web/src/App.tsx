import type { ReactNode } from "react";
import { useI18n } from "./i18n/I18nProvider.tsx";
import { ProfilePage } from "./profile/ProfilePage.tsx";
import { href, type Route, useHashRoute } from "./routing/useHashRoute.ts";
import { AppShell } from "./shell/AppShell.tsx";

/** Picks the screen for the current route. */
function Screen({ route }: { route: Route }) {
  const { t } = useI18n();
  switch (route.name) {
    case "profile":
      return <ProfilePage />;
    default:
      return (
        <section className="card">
          <h1>{t("notFound.title")}</h1>
          <p>{t("notFound.body", { path: route.name === "notFound" ? route.path : route.name })}</p>
          <a className="btn" href={href({ name: "profile" })}>
            {t("notFound.home")}
          </a>
        </section>
      );
  }
}

/** The clerk's app inside its providers (see `main.tsx`); `banner` carries the update prompt. */
export function App({ banner }: { banner?: ReactNode }) {
  const route = useHashRoute();
  return (
    <AppShell route={route} banner={banner}>
      <Screen route={route} />
    </AppShell>
  );
}
