import { explainError } from "../engine/explainError.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { said } from "../i18n/said.ts";
import { SaidNotice } from "../ui/SaidNotice.tsx";

/** What shows while the database opens, or if it cannot. */
export function BootScreen({ boot }: { boot: { status: "loading" } | { status: "failed"; error: unknown } }) {
  const { t } = useI18n();
  if (boot.status === "loading") return <p className="empty">{t("common.loading")}</p>;
  return (
    <div className="boot-problem">
      <SaidNotice said={explainError(boot.error)} title={t("error.title")} />
      <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
        {t("error.reload")}
      </button>
    </div>
  );
}

/** The banner over the app after another tab opened a newer version of it. */
export function OutdatedBanner() {
  const { t } = useI18n();
  return (
    <div className="outdated-banner">
      <SaidNotice said={said("error.closed")} tone="warn" />
      <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
        {t("error.reload")}
      </button>
    </div>
  );
}
