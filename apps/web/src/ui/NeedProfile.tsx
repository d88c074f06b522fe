import { useI18n } from "../i18n/I18nProvider.tsx";
import { href } from "../routing/useHashRoute.ts";

/** Shown by screens that act for someone, until a person is chosen under "Who am I". */
export function NeedProfile() {
  const { t } = useI18n();
  return (
    <div className="card empty-state">
      <p>{t("profile.chooseFirst")}</p>
      <a className="btn btn-primary" href={href({ name: "profile" })}>
        {t("profile.choose")}
      </a>
    </div>
  );
}
