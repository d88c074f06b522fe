import { useState } from "react";
import "../styles/admin.css";
import { useI18n } from "../i18n/I18nProvider.tsx";
import type { MessageKey } from "../i18n/messages.ts";
import { useOrg } from "../org/OrgProvider.tsx";
import { useProfile } from "../profile/ProfileProvider.tsx";
import { href } from "../routing/useHashRoute.ts";
import { NeedProfile } from "../ui/NeedProfile.tsx";
import { SaidNotice } from "../ui/SaidNotice.tsx";
import { adminRole, isAdmin } from "./access.ts";
import { BackupPanel } from "./BackupPanel.tsx";
import { CatalogPanel } from "./CatalogPanel.tsx";
import { DesignerPanel } from "./DesignerPanel.tsx";
import { PublishPanel } from "./PublishPanel.tsx";
import { TransferPanel } from "./TransferPanel.tsx";

/** The admin screen's sections, each with its own address (`#/admin/publish`). */
const adminTabs = ["catalog", "designer", "publish", "transfer", "backup"] as const;
type AdminTab = (typeof adminTabs)[number];

const tabLabels: Record<AdminTab, MessageKey> = {
  catalog: "admin.tab.catalog",
  designer: "admin.tab.designer",
  publish: "admin.tab.publish",
  transfer: "admin.tab.transfer",
  backup: "admin.tab.backup",
};

/**
 * Administration: the published definitions and forms with their versions, publishing a new
 * version from JSON, import and export of definitions, and a full backup and restore. Only for
 * the role catalog's administrators; everyone else is told which role it takes.
 */
export function AdminPage({ tab }: { tab?: string | undefined }) {
  const { t, text } = useI18n();
  const org = useOrg();
  const { actor } = useProfile();
  // The publish editor's text survives switching tabs, and "new version" on the catalog fills it.
  const [draft, setDraft] = useState("");
  const current: AdminTab = adminTabs.find((x) => x === tab) ?? "catalog";

  if (!actor) return <NeedProfile />;
  const header = (
    <div className="page-header">
      <h1 id="admin-title">{t("admin.title")}</h1>
    </div>
  );
  if (!isAdmin(actor))
    return (
      <section aria-labelledby="admin-title">
        {header}
        <SaidNotice
          tone="warn"
          said={{ key: "admin.notAllowed", values: { role: text(org.roleName(adminRole)) } }}
        />
      </section>
    );

  return (
    <section aria-labelledby="admin-title" className="admin-page">
      {header}
      <nav className="tabs" aria-label={t("admin.sections")}>
        {adminTabs.map((x) => (
          <a
            key={x}
            className="tab"
            href={href({ name: "admin", tab: x })}
            aria-current={x === current ? "page" : undefined}
          >
            {t(tabLabels[x])}
          </a>
        ))}
      </nav>
      {current === "catalog" && (
        <CatalogPanel
          onNewVersion={(json) => {
            setDraft(json);
            window.location.hash = href({ name: "admin", tab: "publish" });
          }}
        />
      )}
      {current === "designer" && <DesignerPanel />}
      {current === "publish" && <PublishPanel text={draft} onText={setDraft} />}
      {current === "transfer" && <TransferPanel />}
      {current === "backup" && <BackupPanel />}
    </section>
  );
}
