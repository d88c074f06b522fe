import { lazy, StrictMode, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { I18nProvider, useI18n } from "./i18n/I18nProvider.tsx";
import { useHashRoute } from "./routing/useHashRoute.ts";
import { AppShell } from "./shell/AppShell.tsx";
import "./styles/base.css";
import "./styles/shell.css";
import "./styles/components.css";
import "./styles/screens.css";
import "./styles/work.css";
import "@wf/forms/styles.css";
import "./styles/forms.css";

// The first paint is the shell alone: React, the messages and the navigation. The org catalog,
// procedures, forms, engine and screens are a second chunk, fetched right after (and precached
// by the service worker, so offline it comes from the cache like the first).
const Root = lazy(() => import("./Root.tsx").then((m) => ({ default: m.Root })));

function FirstPaint() {
  const route = useHashRoute();
  const { t } = useI18n();
  return (
    <AppShell route={route}>
      <p className="empty">{t("common.loading")}</p>
    </AppShell>
  );
}

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <Suspense fallback={<FirstPaint />}>
        <Root />
      </Suspense>
    </I18nProvider>
  </StrictMode>,
);
