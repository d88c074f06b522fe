import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { catalogs, format, type Lang, type MessageKey } from "./messages.ts";

/** Text written in definitions, forms and the org catalog: Chinese always, English when given. */
export interface LocalizedText {
  zh: string;
  en?: string | undefined;
}

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  /** The app's own words. */
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** Words from definitions and data; falls back to Chinese where no English was written. */
  text(value: LocalizedText | string | undefined): string;
}

const I18nContext = createContext<I18n | null>(null);
const storageKey = "wf.lang";

function initialLang(): Lang {
  // Chinese is the default whatever the browser says; English only when the clerk chose it.
  try {
    return globalThis.localStorage?.getItem(storageKey) === "en" ? "en" : "zh";
  } catch {
    return "zh";
  }
}

/** Provides the language choice, kept in this browser, and the helpers to render text in it. */
export function I18nProvider({ children, lang: fixed }: { children: ReactNode; lang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(fixed ?? initialLang);

  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // Private modes may refuse storage; the choice then lasts for this page only.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const catalog = catalogs[lang];
    return {
      lang,
      setLang,
      t: (key, values) => format(catalog[key], values),
      text: (v) => {
        if (v === undefined) return "";
        if (typeof v === "string") return v;
        return lang === "en" && v.en ? v.en : v.zh;
      },
    };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language and its helpers; throws outside `I18nProvider` so a missing provider is loud. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n must be used inside <I18nProvider>");
  return value;
}
