import { useI18n } from "../i18n/I18nProvider.tsx";
import { useOrg } from "../org/OrgProvider.tsx";
import { demoGuides } from "./demoGuide.ts";
import { useProfile } from "./ProfileProvider.tsx";
import { seatsOf } from "./profiles.ts";

/** "Who acts where" for each procedure: one click switches to the next person of a walk-through. */
export function DemoGuide() {
  const { t, text } = useI18n();
  const org = useOrg();
  const { profile, choose } = useProfile();
  return (
    <div className="card">
      <h2>{t("guide.title")}</h2>
      <p className="muted">{t("guide.intro")}</p>
      {demoGuides.map((guide) => (
        <details key={guide.title.zh} className="guide">
          <summary>{text(guide.title)}</summary>
          <ol className="guide-stops">
            {guide.stops.map((stop, i) => {
              const person = org.person(stop.personId);
              const unit = stop.unit ?? (person ? seatsOf(person)[0]?.unit : undefined);
              if (!person || !unit) return null;
              const inUse = profile?.personId === person.id && profile.unit === unit;
              return (
                // A person may come back later in the same walk-through; the position tells them apart.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <li key={i} className="guide-stop">
                  <span className="guide-steps">{stop.steps.map((s) => text(s)).join("、")}</span>
                  <span className="guide-who">
                    {text(person.name)} · <span className="muted">{text(org.unit(unit)?.name ?? unit)}</span>
                  </span>
                  {inUse ? (
                    <span className="badge badge-ok">{t("profile.inUse")}</span>
                  ) : (
                    <button
                      type="button"
                      className="btn btn-sm"
                      aria-label={`${t("profile.use")}: ${text(person.name)}, ${text(org.unit(unit)?.name ?? unit)}`}
                      onClick={() => choose({ personId: person.id, unit })}
                    >
                      {t("profile.use")}
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
        </details>
      ))}
    </div>
  );
}
