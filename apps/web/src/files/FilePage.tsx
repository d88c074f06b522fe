import { useEffect, useState } from "react";
import { useEngine } from "../engine/EngineProvider.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";

/**
 * Opens an attachment kept in this browser: forms link here (a new tab), and the page hands the
 * file to the browser as a blob URL, which shows PDFs and images and downloads the rest.
 */
export function FilePage({ fileId }: { fileId: string }) {
  const { t } = useI18n();
  const { services } = useEngine();
  const [url, setUrl] = useState<{ href: string; name: string }>();
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    let made: string | undefined;
    services.files.get(fileId).then(
      (file) => {
        if (!file) return setMissing(true);
        made = URL.createObjectURL(file.blob);
        setUrl({ href: made, name: file.name });
        window.location.assign(made);
      },
      () => setMissing(true),
    );
    return () => {
      if (made) URL.revokeObjectURL(made);
    };
  }, [services, fileId]);

  if (missing) return <p className="notice notice-warn">{t("file.missing")}</p>;
  if (!url) return <p className="empty">{t("common.loading")}</p>;
  return (
    <p className="card">
      <a href={url.href} download={url.name}>
        {t("file.download", { name: url.name })}
      </a>
    </p>
  );
}
