import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { EngineProvider } from "./engine/EngineProvider.tsx";
import { I18nProvider } from "./i18n/I18nProvider.tsx";
import { OrgProvider } from "./org/OrgProvider.tsx";
import { ProfileProvider } from "./profile/ProfileProvider.tsx";
import { BootScreen, OutdatedBanner } from "./shell/BootScreen.tsx";
import { UpdatePrompt } from "./shell/UpdatePrompt.tsx";
import "./styles/base.css";
import "./styles/shell.css";
import "./styles/components.css";
import "./styles/screens.css";
import "./styles/work.css";
import "./styles/forms.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <OrgProvider>
        <ProfileProvider>
          <EngineProvider fallback={(boot) => <BootScreen boot={boot} />} outdatedNotice={<OutdatedBanner />}>
            <App banner={<UpdatePrompt />} />
          </EngineProvider>
        </ProfileProvider>
      </OrgProvider>
    </I18nProvider>
  </StrictMode>,
);
