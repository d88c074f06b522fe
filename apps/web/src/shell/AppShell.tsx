import { type ReactNode, useEffect, useRef } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";
import type { MessageKey } from "../i18n/messages.ts";
import { href, type Route } from "../routing/useHashRoute.ts";
import { BrandMark } from "./BrandMark.tsx";
import { NavIcon, type NavIconName } from "./NavIcon.tsx";

interface NavItem {
  route: "inbox" | "start" | "cases" | "profile";
  label: MessageKey;
  icon: NavIconName;
}

const items: NavItem[] = [
  { route: "inbox", label: "nav.inbox", icon: "inbox" },
  { route: "start", label: "nav.start", icon: "start" },
  { route: "cases", label: "nav.cases", icon: "cases" },
  { route: "profile", label: "nav.profile", icon: "profile" },
];

/** Which navigation entry a route belongs to, so task and case pages keep their section lit. */
function section(route: Route): Exclude<Route["name"], "task" | "case" | "notFound"> | undefined {
  if (route.name === "task") return "inbox";
  if (route.name === "case") return "cases";
  if (route.name === "notFound") return undefined;
  return route.name;
}

/**
 * The frame around every screen: a top bar with the acting person and the language switch, a
 * left navigation on wide screens that becomes a bottom tab bar on phones (one nav element,
 * re-laid out by CSS, so keyboard and screen-reader order stay the same).
 */
export function AppShell({
  route,
  children,
  banner,
  profile,
  tools,
}: {
  route: Route;
  children: ReactNode;
  /**
   * The profile chip and the supervisors' tool links need the org catalog and the procedures,
   * which load after the first paint; the shell shows without them until then.
   */
  profile?: ReactNode;
  tools?: (current: string | undefined) => ReactNode;
  /** The service-worker update prompt; left out in component tests, which have no worker. */
  banner?: ReactNode;
}) {
  const { t, lang, setLang } = useI18n();
  const current = section(route);
  // On a new screen, move focus to the content, so a screen reader starts there and keyboard
  // users do not tab through the navigation again. Not on the first render: the page just loaded.
  const main = useRef<HTMLElement>(null);
  const routeKey = JSON.stringify(route);
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on purpose whenever the route changes
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
    window.scrollTo?.(0, 0);
  }, [routeKey]);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("app.skip")}
      </a>
      <header className="topbar">
        <a className="brand" href={href({ name: "inbox" })} aria-label={t("app.name")}>
          <BrandMark />
          <span className="brand-name brand-long">{t("app.name")}</span>
          <span className="brand-name brand-short">{t("app.short")}</span>
        </a>
        <div className="topbar-tools">
          {profile}
          <button
            type="button"
            className="btn btn-ghost lang-switch"
            lang={lang === "zh" ? "en" : "zh-CN"}
            aria-label={t("lang.switchLabel")}
            onClick={() => setLang(lang === "zh" ? "en" : "zh")}
          >
            {t("lang.switch")}
          </button>
        </div>
      </header>
      <nav className="sidenav" aria-label={t("nav.main")}>
        <ul>
          {items.map((item) => (
            <li key={item.route}>
              <a
                href={href({ name: item.route })}
                className="nav-link"
                aria-current={current === item.route ? "page" : undefined}
              >
                <NavIcon name={item.icon} />
                <span>{t(item.label)}</span>
              </a>
            </li>
          ))}
          {tools?.(current)}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1} ref={main}>
        {children}
      </main>
      {banner}
    </div>
  );
}
