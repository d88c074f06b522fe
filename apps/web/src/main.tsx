import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { I18nProvider } from "./i18n/I18nProvider.tsx";
import { OrgProvider } from "./org/OrgProvider.tsx";
import { ProfileProvider } from "./profile/ProfileProvider.tsx";
import { UpdatePrompt } from "./shell/UpdatePrompt.tsx";
import "./styles/base.css";
import "./styles/shell.css";
import "./styles/components.css";
import "./styles/screens.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <OrgProvider>
        <ProfileProvider>
          <App banner={<UpdatePrompt />} />
        </ProfileProvider>
      </OrgProvider>
    </I18nProvider>
  </StrictMode>,
);
