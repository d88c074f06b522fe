import { useI18n } from "../i18n/I18nProvider.tsx";

/**
 * After publishing or restoring: the app compiled the forms and read the definitions' titles
 * when it opened, so the screens pick the new content up after a reload (drafts are kept).
 */
export function ReloadNotice({
  body = "admin.reloadBody",
}: {
  body?: "admin.reloadBody" | "admin.restoreReload";
}) {
  const { t } = useI18n();
  return (
    <div className="notice notice-info" role="status">
      <div>
        <p className="notice-text">{t(body)}</p>
        <button type="button" className="btn btn-sm" onClick={() => window.location.reload()}>
          {t("admin.reload")}
        </button>
      </div>
    </div>
  );
}
