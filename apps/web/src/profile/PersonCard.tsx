import { useI18n } from "../i18n/I18nProvider.tsx";
import { useOrg } from "../org/OrgProvider.tsx";
import type { Person } from "../org/orgCatalog.ts";
import { useProfile } from "./ProfileProvider.tsx";
import { seatsOf } from "./profiles.ts";

/** One person with a row per org unit they can act in, each with its roles and a "use" button. */
export function PersonCard({ person }: { person: Person }) {
  const { t, text } = useI18n();
  const org = useOrg();
  const { profile, choose } = useProfile();
  return (
    <div className="person">
      <span className="avatar avatar-lg" aria-hidden="true">
        {text(person.name).slice(0, 1)}
      </span>
      <div className="person-body">
        <div className="person-name">{text(person.name)}</div>
        {seatsOf(person).map((seat) => {
          const unit = org.unit(seat.unit);
          const path = org
            .ancestry(seat.unit)
            .slice(1)
            .filter((u) => u.level && u.level !== "city")
            .map((u) => text(u.name))
            .reverse();
          const inUse = profile?.personId === person.id && profile.unit === seat.unit;
          return (
            <div className="seat" key={seat.unit}>
              <div className="seat-info">
                <div>
                  {path.length > 0 && <span className="muted">{path.join(" / ")} / </span>}
                  {unit ? text(unit.name) : seat.unit}
                </div>
                <div className="seat-roles">
                  <span className="visually-hidden">{t("profile.roles")}: </span>
                  {seat.roles.map((r) => (
                    <span className="badge" key={r}>
                      {text(org.roleName(r))}
                    </span>
                  ))}
                </div>
              </div>
              {inUse ? (
                <span className="badge badge-ok">{t("profile.inUse")}</span>
              ) : (
                <button
                  type="button"
                  className="btn btn-sm"
                  aria-label={`${t("profile.use")}: ${text(person.name)}, ${unit ? text(unit.name) : seat.unit}`}
                  onClick={() => choose({ personId: person.id, unit: seat.unit })}
                >
                  {t("profile.use")}
                </button>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
