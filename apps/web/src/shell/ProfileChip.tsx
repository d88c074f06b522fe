import { useI18n } from "../i18n/I18nProvider.tsx";
import { useOrg } from "../org/OrgProvider.tsx";
import { useProfile } from "../profile/ProfileProvider.tsx";
import { href } from "../routing/useHashRoute.ts";

/** The acting person in the top bar; a link to the switcher, so changing person is one tap away. */
export function ProfileChip() {
  const { t, text } = useI18n();
  const org = useOrg();
  const { person, actor } = useProfile();
  const unit = actor ? org.unit(actor.unit) : undefined;
  return (
    <a className="profile-chip" href={href({ name: "profile" })} title={t("profile.switchTo")}>
      <span className="avatar" aria-hidden="true">
        {person ? text(person.name).slice(0, 1) : "?"}
      </span>
      <span className="profile-chip-text">
        <span className="visually-hidden">{t("profile.current")}: </span>
        <span className="profile-chip-name">{person ? text(person.name) : t("profile.none")}</span>
        {unit && <span className="profile-chip-unit">{text(unit.name)}</span>}
      </span>
    </a>
  );
}
