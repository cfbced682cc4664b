import { useCallback, useContext } from "react";
import { type MessageKey, type MessageParams, translate } from "./dictionaries";
import { LanguageContext, type LanguageState } from "./i18n.context";

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error("useLanguage() needs a <LanguageProvider> above it");
  return state;
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The translation function for the current language: `const t = useT(); t("login.title")`. */
export function useT(): Translate {
  const { language } = useLanguage();
  return useCallback((key, params) => translate(language, key, params), [language]);
}
