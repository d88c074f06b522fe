import { useDeferredValue, useMemo, useState } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { useOrg } from "../org/OrgProvider.tsx";
import { DemoGuide } from "./DemoGuide.tsx";
import { PersonCard } from "./PersonCard.tsx";
import { useProfile } from "./ProfileProvider.tsx";

const pageSize = 40;
/** Which build runs; `typeof` keeps component tests (no Vite define) working. */
const appBuild = typeof __APP_BUILD__ === "string" ? __APP_BUILD__ : "dev";

/**
 * "Who am I": pick one of the demo people and one of their org units. There is no sign-in in
 * this build, and the page says so before anything else.
 */
export function ProfilePage() {
  const { t, text } = useI18n();
  const org = useOrg();
  const { person: current } = useProfile();
  const [query, setQuery] = useState("");
  const [role, setRole] = useState("");
  const [shown, setShown] = useState(pageSize);
  const deferredQuery = useDeferredValue(query.trim().toLowerCase());

  const roles = useMemo(() => {
    const ids = new Set(org.catalog.people.flatMap((p) => p.memberships.map((m) => m.role)));
    return [...ids]
      .map((id) => ({ id, name: text(org.roleName(id)) }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [org, text]);

  const matches = useMemo(() => {
    return org.catalog.people.filter((p) => {
      if (role && !p.memberships.some((m) => m.role === role)) return false;
      if (!deferredQuery) return true;
      const haystack = [
        p.name.zh,
        p.name.en ?? "",
        p.id,
        ...p.memberships.flatMap((m) => {
          const unit = org.unit(m.unit);
          const roleName = org.roleName(m.role);
          return [unit?.name.zh ?? m.unit, unit?.name.en ?? "", roleName.zh, roleName.en ?? "", m.role];
        }),
      ]
        .join(" ")
        .toLowerCase();
      return haystack.includes(deferredQuery);
    });
  }, [org, role, deferredQuery]);

  return (
    <section aria-labelledby="profile-title">
      <div className="page-header">
        <h1 id="profile-title">{t("profile.title")}</h1>
      </div>
      <p className="notice notice-info">{t("profile.localNotice")}</p>
      {current && (
        <div className="card current-profile">
          <h2>{t("profile.current")}</h2>
          <PersonCard person={current} />
        </div>
      )}
      {org.catalog.people.length > 0 && <DemoGuide />}
      {org.catalog.people.length === 0 ? (
        <p className="notice notice-warn">{t("profile.missing")}</p>
      ) : (
        <div className="card">
          <h2>{t("profile.choose")}</h2>
          <div className="toolbar">
            <label className="visually-hidden" htmlFor="profile-search">
              {t("profile.search")}
            </label>
            <input
              id="profile-search"
              className="input"
              type="search"
              placeholder={t("profile.search")}
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                setShown(pageSize);
              }}
            />
            <label className="visually-hidden" htmlFor="profile-role">
              {t("profile.roles")}
            </label>
            <select
              id="profile-role"
              className="select toolbar-select"
              value={role}
              onChange={(e) => {
                setRole(e.target.value);
                setShown(pageSize);
              }}
            >
              <option value="">{t("profile.allRoles")}</option>
              {roles.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
            <span className="muted" aria-live="polite">
              {t("profile.count", { n: matches.length })}
            </span>
          </div>
          {matches.length === 0 ? (
            <p className="empty">{t("profile.empty")}</p>
          ) : (
            <ul className="list person-list">
              {matches.slice(0, shown).map((p) => (
                <li key={p.id}>
                  <PersonCard person={p} />
                </li>
              ))}
            </ul>
          )}
          {matches.length > shown && (
            <div className="list-more">
              <button type="button" className="btn" onClick={() => setShown((n) => n + pageSize)}>
                {t("profile.more", { n: matches.length - shown })}
              </button>
            </div>
          )}
        </div>
      )}
      <p className="muted app-build">{t("profile.build", { id: appBuild })}</p>
    </section>
  );
}
