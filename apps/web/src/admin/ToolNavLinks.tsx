import type { Definition } from "@wf/engine";
import { definitions } from "@wf/workflows";
import { useI18n } from "../i18n/I18nProvider.tsx";
import type { MessageKey } from "../i18n/messages.ts";
import { useOrg } from "../org/OrgProvider.tsx";
import { useProfile } from "../profile/ProfileProvider.tsx";
import { href } from "../routing/useHashRoute.ts";
import { batchDefinitionId, dashboardScope, isAdmin, mayStart } from "./access.ts";

/** The overview and tool screens a navigation may show, in order. */
type ToolSection = "dashboard" | "batch" | "admin";

const icons: Record<ToolSection, string> = {
  dashboard: "M4 20V10M10 20V4M16 20v-7M22 20H2",
  batch: "M8 6h12M8 12h12M8 18h12M4 6h.01M4 12h.01M4 18h.01",
  admin:
    "M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM19 12l2-1-1-3-2 .3-1.5-1.5.3-2-3-1-1 2h-2l-1-2-3 1 .3 2L5.6 7.3 3.6 7l-1 3 2 1v2l-2 1 1 3 2-.3 1.5 1.5-.3 2 3 1 1-2h2l1 2 3-1-.3-2 1.5-1.5 2 .3 1-3-2-1z",
};
const labels: Record<ToolSection, MessageKey> = {
  dashboard: "nav.dashboard",
  batch: "nav.batch",
  admin: "nav.admin",
};

// The shell renders outside the engine (tests render it without one), so the entry follows the
// shipped definition's start roles; the batch screen checks the published latest version again.
const shippedBatchDefinition = (definitions as unknown as Definition[]).find(
  (d) => d.id === batchDefinitionId,
);

/**
 * Navigation entries for the dashboard, batch and admin screens, each shown only to a person
 * whose roles let them use it (the screens check again, for a typed-in address).
 */
export function ToolNavLinks({ current }: { current: string | undefined }) {
  const { t } = useI18n();
  const { actor } = useProfile();
  const org = useOrg();
  const shown: ToolSection[] = [];
  if (dashboardScope(actor, org)) shown.push("dashboard");
  if (mayStart(shippedBatchDefinition, actor)) shown.push("batch");
  if (isAdmin(actor)) shown.push("admin");
  return (
    <>
      {shown.map((section) => (
        <li key={section}>
          <a
            href={href({ name: section })}
            className="nav-link"
            aria-current={current === section ? "page" : undefined}
          >
            <svg
              className="nav-icon"
              viewBox="0 0 24 24"
              width="24"
              height="24"
              aria-hidden="true"
              focusable="false"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.8"
              strokeLinecap="round"
              strokeLinejoin="round"
            >
              <path d={icons[section]} />
            </svg>
            <span>{t(labels[section])}</span>
          </a>
        </li>
      ))}
    </>
  );
}
