import { useI18n } from "../i18n/I18nProvider.tsx";
import type { Route } from "../routing/useHashRoute.ts";
import { NeedProfile } from "../ui/NeedProfile.tsx";

/**
 * Routes whose screens, bundled with the app, show nothing but `NeedProfile` until a person is
 * chosen. The lazily loaded tools (dashboard, batch, admin) are left out: they show "loading"
 * while their own chunk arrives, and asking for a person before that would flicker.
 */
const asksForPerson: ReadonlySet<Route["name"]> = new Set(["inbox", "start", "cases", "case", "task"]);

/**
 * The content area while the procedures and the engine load. A screen that would only ask for a
 * person says so at once: a first visit sees its real first screen with the first paint, not
 * after the database opened, and the same words stay in place when the screen takes over.
 */
export function PendingScreen({ route, hasPerson }: { route: Route; hasPerson: boolean }) {
  const { t } = useI18n();
  if (!hasPerson && asksForPerson.has(route.name)) return <NeedProfile />;
  return <p className="empty">{t("common.loading")}</p>;
}
