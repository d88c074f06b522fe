import { explainError } from "../engine/explainError.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { said } from "../i18n/said.ts";
import { SaidNotice } from "../ui/SaidNotice.tsx";

/** What shows while the database opens, if it cannot, or after another tab upgraded it. */
export function BootScreen({
  boot,
}: {
  boot: { status: "loading" } | { status: "failed"; error: unknown } | { status: "outdated" };
}) {
  const { t } = useI18n();
  if (boot.status === "loading") return <p className="empty">{t("common.loading")}</p>;
  return (
    <div className="boot-problem">
      <SaidNotice
        said={boot.status === "outdated" ? said("error.closed") : explainError(boot.error)}
        title={t("error.title")}
      />
      <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
        {t("error.reload")}
      </button>
    </div>
  );
}
