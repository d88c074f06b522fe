import { useRegisterSW } from "virtual:pwa-register/react";
import { flushDrafts } from "../drafts/draftRegistry.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";

/**
 * Tells the clerk when a new version of the app is waiting. Nothing reloads by itself: a clerk
 * may be mid-sentence in an opinion. "Update now" first writes every pending draft, then lets the
 * new service worker take over, so the reload loses nothing.
 */
export function UpdatePrompt() {
  const { t } = useI18n();
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({ immediate: true });

  if (!needRefresh && !offlineReady) return null;

  const update = async () => {
    await flushDrafts();
    await updateServiceWorker(true);
  };

  return (
    <div className="toast" role="status" aria-live="polite">
      {needRefresh ? (
        <>
          <span>{t("update.available")}</span>
          <div className="toast-actions">
            <button type="button" className="btn btn-primary" onClick={() => void update()}>
              {t("update.reload")}
            </button>
            <button type="button" className="btn btn-ghost" onClick={() => setNeedRefresh(false)}>
              {t("update.later")}
            </button>
          </div>
        </>
      ) : (
        <>
          <span>{t("update.offlineReady")}</span>
          <button type="button" className="btn btn-ghost" onClick={() => setOfflineReady(false)}>
            {t("update.dismiss")}
          </button>
        </>
      )}
    </div>
  );
}
