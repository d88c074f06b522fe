import { lazy, type ReactNode, Suspense } from "react";
import { ToolNavLinks } from "./admin/ToolNavLinks.tsx";
import { CasePage } from "./cases/CasePage.tsx";
import { CasesPage } from "./cases/CasesPage.tsx";
import type { BootState } from "./engine/EngineProvider.tsx";
import { explainError } from "./engine/explainError.ts";
import { FilePage } from "./files/FilePage.tsx";
import { useI18n } from "./i18n/I18nProvider.tsx";
import { InboxPage } from "./inbox/InboxPage.tsx";
import { ProfilePage } from "./profile/ProfilePage.tsx";
import { useProfile } from "./profile/ProfileProvider.tsx";
import { href, type Route, useHashRoute } from "./routing/useHashRoute.ts";
import { AppShell } from "./shell/AppShell.tsx";
import { BootScreen } from "./shell/BootScreen.tsx";
import { ErrorBoundary } from "./shell/ErrorBoundary.tsx";
import { PendingScreen } from "./shell/PendingScreen.tsx";
import { ProfileChip } from "./shell/ProfileChip.tsx";
import { StartPage } from "./start/StartPage.tsx";
import { TaskPage } from "./task/TaskPage.tsx";
import { SaidNotice } from "./ui/SaidNotice.tsx";

// The tools of supervisors and administrators load on first use: most clerks never open them,
// and the service worker still precaches their chunks for offline use.
const DashboardPage = lazy(() =>
  import("./dashboard/DashboardPage.tsx").then((m) => ({ default: m.DashboardPage })),
);
const BatchPage = lazy(() => import("./batch/BatchPage.tsx").then((m) => ({ default: m.BatchPage })));
const AdminPage = lazy(() => import("./admin/AdminPage.tsx").then((m) => ({ default: m.AdminPage })));

/** Picks the screen for the current route; while the engine opens, what can show without it. */
function Screen({ route, boot }: { route: Route; boot: BootState | undefined }) {
  const { t } = useI18n();
  const { actor } = useProfile();
  // "Who am I" needs only the org catalog: a first visitor can choose while the database is
  // still being seeded. It renders here in both states, so typing survives the engine opening.
  if (boot?.status === "failed") return <BootScreen boot={boot} />;
  if (boot && route.name !== "profile")
    return <PendingScreen route={route} hasPerson={actor !== undefined} />;
  switch (route.name) {
    case "inbox":
      return <InboxPage />;
    case "start":
      return <StartPage />;
    case "task":
      return <TaskPage taskId={route.taskId} />;
    case "cases":
      return <CasesPage />;
    case "case":
      return <CasePage caseId={route.caseId} print={route.print} />;
    case "profile":
      return <ProfilePage />;
    case "file":
      return <FilePage fileId={route.fileId} />;
    case "dashboard":
      return <DashboardPage />;
    case "batch":
      return <BatchPage />;
    case "admin":
      return <AdminPage tab={route.tab} />;
    case "notFound":
      return (
        <section className="card">
          <h1>{t("notFound.title")}</h1>
          <p>{t("notFound.body", { path: route.path })}</p>
          <a className="btn" href={href({ name: "inbox" })}>
            {t("notFound.home")}
          </a>
        </section>
      );
  }
}

/** The supervisors' tool links in the side navigation, by the current section. */
const toolLinks = (current: string | undefined) => <ToolNavLinks current={current} />;

/**
 * The clerk's app inside its providers (see `Root.tsx`); `banner` carries the update prompt.
 * `boot` is given while the engine opens (or failed to): the shell and the screens that need no
 * engine show meanwhile.
 */
export function App({ banner, boot }: { banner?: ReactNode; boot?: BootState }) {
  const route = useHashRoute();
  const { t } = useI18n();
  return (
    <AppShell route={route} banner={banner} profile={<ProfileChip />} tools={toolLinks}>
      <ErrorBoundary
        resetKey={JSON.stringify(route)}
        fallback={(error, retry) => (
          <div>
            <SaidNotice said={explainError(error)} title={t("error.title")} />
            <button type="button" className="btn" onClick={retry}>
              {t("common.retry")}
            </button>
          </div>
        )}
      >
        <Suspense fallback={<p className="empty">{t("common.loading")}</p>}>
          <Screen route={route} boot={boot} />
        </Suspense>
      </ErrorBoundary>
    </AppShell>
  );
}
